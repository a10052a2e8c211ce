package io.klaxon.store.jdbc.jobs;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.name;

import io.klaxon.jobs.JobLease;
import io.klaxon.jobs.JobLock;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Job leases in the {@code job_leases} table, the same on SQLite and PostgreSQL: one row per job,
 * naming its holder and when the lease runs out. Taking a lease is one upsert that succeeds only
 * when the row is new or its lease has run out, so two instances racing for it cannot both win
 * (PostgreSQL re-checks the condition on the row the other one wrote; SQLite has one writer).
 *
 * <p>A table rather than PostgreSQL's advisory locks: a lease survives a pooled connection being
 * recycled, runs out by itself when its holder dies without closing anything, and works the same on
 * SQLite. Times come from the instance's clock; instances sharing a database must keep their clocks
 * close (NTP), well within a lease's time to live.
 */
public final class JdbcJobLock implements JobLock {

  private final DSLContext dsl;
  private final Failures failures;
  private final InstantSource clock;
  private final String instance;
  private final AtomicLong leases = new AtomicLong();
  private final Table<Record> table = DSL.table(name("job_leases"));
  private final Field<String> job = DSL.field(name("job_leases", "name"), SQLDataType.VARCHAR);
  private final Field<String> holder = DSL.field(name("job_leases", "holder"), SQLDataType.VARCHAR);
  private final Field<Instant> expiresAt;

  private JdbcJobLock(
      DataSource dataSource, Dialect dialect, InstantSource clock, String instance) {
    this.dsl = DSL.using(dataSource, dialect.sqlDialect());
    this.failures = new Failures(dialect);
    this.clock = clock;
    this.instance = instance;
    this.expiresAt = DSL.field(name("job_leases", "expires_at"), dialect.timestamp());
  }

  /**
   * Opens the leases on a database that {@code JdbcAlertStore.open(dataSource, Schema.SERVER)} has
   * migrated.
   *
   * @param instance names this process in the leases it holds (host and process id, say); each
   *     lease adds a number of its own, so that two takes in one process exclude each other too
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcJobLock open(DataSource dataSource, InstantSource clock, String instance) {
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.ofProductName(connection.getMetaData().getDatabaseProductName());
      return new JdbcJobLock(dataSource, dialect, clock, instance);
    } catch (SQLException e) {
      throw new Unavailable("the job leases' database cannot be reached: " + e.getMessage(), e);
    }
  }

  /** A name for this process: the host's name, the process id and a random part. */
  public static String thisInstance() {
    String host = System.getenv().getOrDefault("HOSTNAME", "host");
    String random = UUID.randomUUID().toString().substring(0, 8);
    return host + ":" + ProcessHandle.current().pid() + ":" + random;
  }

  @Override
  public Optional<JobLease> tryAcquire(String name, Duration ttl) {
    String me = instance + "#" + leases.incrementAndGet();
    Instant now = now();
    Instant until = now.plus(ttl);
    int taken =
        failures.call(
            "take the lease of job " + name,
            () ->
                dsl.insertInto(table, job, holder, expiresAt)
                    .values(name, me, until)
                    .onConflict(job)
                    .doUpdate()
                    .set(holder, excluded(holder))
                    .set(expiresAt, excluded(expiresAt))
                    .where(expiresAt.le(now))
                    .execute());
    return taken == 1 ? Optional.of(new Lease(name, me, ttl)) : Optional.empty();
  }

  /** Who holds the job's lease now or held it last, if anyone took it; for tests and operators. */
  public Optional<String> holderOf(String name) {
    return failures.call(
        "read the lease of job " + name,
        () -> dsl.select(holder).from(table).where(job.eq(name)).fetchOptional(holder));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** A lease this process holds. */
  private final class Lease implements JobLease {
    private final String name;
    private final String me;
    private final Duration ttl;

    Lease(String name, String me, Duration ttl) {
      this.name = name;
      this.me = me;
      this.ttl = ttl;
    }

    @Override
    public String job() {
      return name;
    }

    @Override
    public boolean renew() {
      Instant until = now().plus(ttl);
      return failures.call(
              "renew the lease of job " + name,
              () ->
                  dsl.update(table)
                      .set(expiresAt, until)
                      .where(job.eq(name), holder.eq(me))
                      .execute())
          == 1;
    }

    @Override
    public void close() {
      failures.run(
          "give up the lease of job " + name,
          () -> dsl.deleteFrom(table).where(job.eq(name), holder.eq(me)).execute());
    }
  }
}
