package io.klaxon.store.jdbc.mapping;

import io.klaxon.access.Actor;
import io.klaxon.mapping.Edit;
import io.klaxon.mapping.MappingDraft;
import io.klaxon.mapping.MappingRegistry;
import io.klaxon.mapping.OutcomeMapping;
import io.klaxon.store.jdbc.ManualClock;
import io.klaxon.store.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What every part of the mapping store contract works with: store, registry, database, clock. */
interface MappingFixture {

  Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

  Edit ALICE = new Edit(Actor.of("alice"), "first cut");

  JdbcMappingStore store();

  MappingRegistry registry();

  TestDatabase database();

  ManualClock clock();

  /** The 1X2 market of the seed: ids at two sources, one outcome mapped. */
  static MappingDraft matchResult() {
    return draft("1X2_FT", Map.of("betpawa", "3743", "sportybet", "1"));
  }

  static MappingDraft draft(String canonicalId, Map<String, String> sourceIds) {
    return new MappingDraft(
        canonicalId,
        "Market " + canonicalId,
        sourceIds,
        List.of(new OutcomeMapping("1", Map.of("sportybet", "Home", "betpawa", "1"))),
        0);
  }

  /** Rows in a table, read behind the store's back. */
  default long rows(String table) {
    try (Connection connection = database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select count(*) from " + table)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every row count of the registry's tables and its revision: equal before and after means nothing
   * was written.
   */
  default List<Long> footprint() {
    return List.of(
        rows("market_mappings"),
        rows("mapping_source_ids"),
        rows("mapping_audit_log"),
        rows("unmapped_markets"),
        store().revision());
  }

  default int execute(String sql, Object... parameters) {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
