package io.klaxon.store.jdbc.suppress;

import static org.jooq.impl.DSL.name;

import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.Matchers;
import io.klaxon.suppress.Silence;
import io.klaxon.suppress.SilenceStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Silences in the {@code silences} table. Matcher sets are kept as Alertmanager's matcher text, one
 * {@code {…}} set per line, which {@link Matchers#parse} reads back exactly.
 */
public final class JdbcSilenceStore implements SilenceStore {

  private static final String TABLE = "silences";

  private final DSLContext dsl;
  private final Table<Record> silences = DSL.table(name(TABLE));
  private final Field<Long> id = DSL.field(name(TABLE, "id"), SQLDataType.BIGINT);
  private final Field<String> uuid = text("uuid");
  private final Field<String> matchers = text("matchers");
  private final Field<Instant> startsAt;
  private final Field<Instant> endsAt;
  private final Field<String> createdBy = text("created_by");
  private final Field<String> comment = text("comment");
  private final Field<Instant> updatedAt;

  private JdbcSilenceStore(SuppressColumns columns) {
    this.dsl = columns.dsl();
    this.startsAt = DSL.field(name(TABLE, "starts_at"), columns.time());
    this.endsAt = DSL.field(name(TABLE, "ends_at"), columns.time());
    this.updatedAt = DSL.field(name(TABLE, "updated_at"), columns.time());
  }

  private static Field<String> text(String column) {
    return DSL.field(name(TABLE, column), SQLDataType.VARCHAR);
  }

  /**
   * Opens the store on a database that {@code JdbcAlertStore.open(dataSource, Schema.SERVER)} has
   * migrated.
   *
   * @throws io.klaxon.problem.Unavailable when the database cannot be reached
   */
  public static JdbcSilenceStore open(DataSource dataSource) {
    return new JdbcSilenceStore(SuppressColumns.of(dataSource));
  }

  @Override
  public Silence add(Silence silence) {
    Long assigned =
        dsl.insertInto(silences)
            .set(uuid, silence.uuid())
            .set(matchers, text(silence.matcherSets()))
            .set(startsAt, silence.startsAt())
            .set(endsAt, silence.endsAt())
            .set(createdBy, silence.createdBy())
            .set(comment, silence.comment())
            .set(updatedAt, silence.updatedAt())
            .returningResult(id)
            .fetchOne(row -> row.get(id));
    return silence.withId(Objects.requireNonNull(assigned, "the database assigns an id"));
  }

  @Override
  public void update(Silence silence) {
    dsl.update(silences)
        .set(matchers, text(silence.matcherSets()))
        .set(startsAt, silence.startsAt())
        .set(endsAt, silence.endsAt())
        .set(createdBy, silence.createdBy())
        .set(comment, silence.comment())
        .set(updatedAt, silence.updatedAt())
        .where(id.eq(silence.id()))
        .execute();
  }

  @Override
  public Optional<Silence> find(long silenceId) {
    return dsl.select(columns())
        .from(silences)
        .where(id.eq(silenceId))
        .fetchOptional(this::silence);
  }

  @Override
  public Optional<Silence> findByUuid(String silenceUuid) {
    return dsl.select(columns())
        .from(silences)
        .where(uuid.eq(silenceUuid))
        .fetchOptional(this::silence);
  }

  @Override
  public List<Silence> all() {
    return dsl.select(columns()).from(silences).orderBy(id).fetch(this::silence);
  }

  private List<Field<?>> columns() {
    return List.of(id, uuid, matchers, startsAt, endsAt, createdBy, comment, updatedAt);
  }

  private Silence silence(Record row) {
    return new Silence(
        row.get(id),
        row.get(uuid),
        sets(row.get(matchers)),
        row.get(startsAt),
        row.get(endsAt),
        row.get(createdBy),
        row.get(comment),
        row.get(updatedAt));
  }

  static String text(List<List<LabelMatcher>> sets) {
    return sets.stream()
        .map(
            set ->
                set.stream().map(LabelMatcher::toString).collect(Collectors.joining(",", "{", "}")))
        .collect(Collectors.joining("\n"));
  }

  static List<List<LabelMatcher>> sets(String text) {
    return text.lines().map(line -> Matchers.parse("matchers", line)).toList();
  }
}
