package io.klaxon.store.jdbc.suppress;

import static org.jooq.impl.DSL.name;

import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.InhibitRuleStore;
import io.klaxon.suppress.Matchers;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Inhibition rules in the {@code inhibit_rules} table, by name: matchers as Alertmanager's text,
 * the {@code equal} labels one per line.
 */
public final class JdbcInhibitRuleStore implements InhibitRuleStore {

  private static final String TABLE = "inhibit_rules";

  private final DSLContext dsl;
  private final InstantSource clock;
  private final Table<Record> rules = DSL.table(name(TABLE));
  private final Field<String> ruleName = text("name");
  private final Field<String> source = text("source_matchers");
  private final Field<String> target = text("target_matchers");
  private final Field<String> equal = text("equal_labels");
  private final Field<String> updatedBy = text("updated_by");
  private final Field<String> origin = text("origin");
  private final Field<Instant> updatedAt;

  private JdbcInhibitRuleStore(SuppressColumns columns, InstantSource clock) {
    this.dsl = columns.dsl();
    this.clock = clock;
    this.updatedAt = DSL.field(name(TABLE, "updated_at"), columns.time());
  }

  private static Field<String> text(String column) {
    return DSL.field(name(TABLE, column), SQLDataType.VARCHAR);
  }

  /**
   * Opens the store on a database that {@code JdbcAlertStore.open(dataSource, Schema.SERVER)} has
   * migrated.
   *
   * @param clock stamps each change
   * @throws io.klaxon.problem.Unavailable when the database cannot be reached
   */
  public static JdbcInhibitRuleStore open(DataSource dataSource, InstantSource clock) {
    return new JdbcInhibitRuleStore(SuppressColumns.of(dataSource), clock);
  }

  @Override
  public boolean put(InhibitRule rule, String by) {
    return dsl.transactionResult(
        configuration -> {
          DSLContext tx = configuration.dsl();
          boolean replaced = tx.deleteFrom(rules).where(ruleName.eq(rule.name())).execute() > 0;
          tx.insertInto(rules)
              .set(ruleName, rule.name())
              .set(source, JdbcSilenceStore.text(List.of(rule.source())))
              .set(target, JdbcSilenceStore.text(List.of(rule.target())))
              .set(equal, String.join("\n", rule.equal()))
              .set(updatedAt, clock.instant())
              .set(updatedBy, by)
              .set(origin, "api")
              .execute();
          return replaced;
        });
  }

  @Override
  public boolean delete(String name) {
    return dsl.deleteFrom(rules).where(ruleName.eq(name)).execute() > 0;
  }

  @Override
  public Optional<InhibitRule> find(String name) {
    return dsl.select(ruleName, source, target, equal)
        .from(rules)
        .where(ruleName.eq(name))
        .fetchOptional(this::rule);
  }

  @Override
  public List<InhibitRule> all() {
    return dsl.select(ruleName, source, target, equal)
        .from(rules)
        .orderBy(ruleName)
        .fetch(this::rule);
  }

  @Override
  public List<String> namesFrom(String from) {
    return dsl.select(ruleName)
        .from(rules)
        .where(origin.eq(from))
        .orderBy(ruleName)
        .fetch(ruleName);
  }

  private InhibitRule rule(Record row) {
    String labels = row.get(equal);
    return new InhibitRule(
        row.get(ruleName),
        Matchers.parse("sourceMatchers", row.get(source)),
        Matchers.parse("targetMatchers", row.get(target)),
        labels.isEmpty() ? List.of() : labels.lines().toList());
  }
}
