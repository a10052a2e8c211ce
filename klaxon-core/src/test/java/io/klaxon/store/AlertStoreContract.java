package io.klaxon.store;

/**
 * What every {@link AlertStore} must do, whatever keeps the alerts: an implementation's test
 * implements this and gives the fixture a new, empty store and a clock at {@link AlertBuilder#T0}
 * before each test (in-memory here, SQLite and PostgreSQL in klaxon-store-jdbc, Delta in
 * klaxon-lake).
 */
public interface AlertStoreContract
    extends RoundTripContract,
        QueryContract,
        OrderContract,
        StatsContract,
        CountsContract,
        RetentionContract {}
