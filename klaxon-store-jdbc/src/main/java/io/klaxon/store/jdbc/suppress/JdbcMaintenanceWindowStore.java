package io.klaxon.store.jdbc.suppress;

import static org.jooq.impl.DSL.name;

import io.klaxon.suppress.MaintenanceWindow;
import io.klaxon.suppress.MaintenanceWindowStore;
import io.klaxon.suppress.WindowSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * Maintenance windows in the {@code maintenance_windows} table: matcher sets as the silences keep
 * them, the schedule's parts in columns of their own (dates and times as ISO-8601 text).
 */
public final class JdbcMaintenanceWindowStore implements MaintenanceWindowStore {

  private static final String TABLE = "maintenance_windows";

  private final DSLContext dsl;
  private final Table<Record> windows = DSL.table(name(TABLE));
  private final Field<Long> id = DSL.field(name(TABLE, "id"), SQLDataType.BIGINT);
  private final Field<String> windowName = text("name");
  private final Field<String> matchers = text("matchers");
  private final Field<String> rrule = text("rrule");
  private final Field<String> startTime = text("start_time");
  private final Field<String> timeZone = text("time_zone");
  private final Field<Long> durationSeconds =
      DSL.field(name(TABLE, "duration_seconds"), SQLDataType.BIGINT);
  private final Field<String> startDate = text("start_date");
  private final Field<String> endDate = text("end_date");
  private final Field<String> createdBy = text("created_by");
  private final Field<String> comment = text("comment");
  private final Field<Instant> updatedAt;

  private JdbcMaintenanceWindowStore(SuppressColumns columns) {
    this.dsl = columns.dsl();
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
  public static JdbcMaintenanceWindowStore open(DataSource dataSource) {
    return new JdbcMaintenanceWindowStore(SuppressColumns.of(dataSource));
  }

  @Override
  public MaintenanceWindow add(MaintenanceWindow window) {
    WindowSchedule schedule = window.schedule();
    Long assigned =
        dsl.insertInto(windows)
            .set(windowName, window.name())
            .set(matchers, JdbcSilenceStore.text(window.matcherSets()))
            .set(rrule, schedule.rrule())
            .set(startTime, schedule.startTime().toString())
            .set(timeZone, schedule.zone().getId())
            .set(durationSeconds, schedule.duration().toSeconds())
            .set(startDate, schedule.startDate().toString())
            .set(endDate, date(schedule.endDate()))
            .set(createdBy, window.createdBy())
            .set(comment, window.comment())
            .set(updatedAt, window.updatedAt())
            .returningResult(id)
            .fetchOne(row -> row.get(id));
    return window.withId(Objects.requireNonNull(assigned, "the database assigns an id"));
  }

  @Override
  public boolean update(MaintenanceWindow window) {
    WindowSchedule schedule = window.schedule();
    return dsl.update(windows)
            .set(windowName, window.name())
            .set(matchers, JdbcSilenceStore.text(window.matcherSets()))
            .set(rrule, schedule.rrule())
            .set(startTime, schedule.startTime().toString())
            .set(timeZone, schedule.zone().getId())
            .set(durationSeconds, schedule.duration().toSeconds())
            .set(startDate, schedule.startDate().toString())
            .set(endDate, date(schedule.endDate()))
            .set(createdBy, window.createdBy())
            .set(comment, window.comment())
            .set(updatedAt, window.updatedAt())
            .where(id.eq(window.id()))
            .execute()
        > 0;
  }

  @Override
  public boolean delete(long windowId) {
    return dsl.deleteFrom(windows).where(id.eq(windowId)).execute() > 0;
  }

  @Override
  public Optional<MaintenanceWindow> find(long windowId) {
    return dsl.select(columns()).from(windows).where(id.eq(windowId)).fetchOptional(this::window);
  }

  @Override
  public List<MaintenanceWindow> all() {
    return dsl.select(columns()).from(windows).orderBy(id).fetch(this::window);
  }

  private List<Field<?>> columns() {
    return List.of(
        id,
        windowName,
        matchers,
        rrule,
        startTime,
        timeZone,
        durationSeconds,
        startDate,
        endDate,
        createdBy,
        comment,
        updatedAt);
  }

  private MaintenanceWindow window(Record row) {
    String end = row.get(endDate);
    return new MaintenanceWindow(
        row.get(id),
        row.get(windowName),
        JdbcSilenceStore.sets(row.get(matchers)),
        new WindowSchedule(
            row.get(rrule),
            LocalTime.parse(row.get(startTime)),
            ZoneId.of(row.get(timeZone)),
            Duration.ofSeconds(row.get(durationSeconds)),
            LocalDate.parse(row.get(startDate)),
            end == null ? null : LocalDate.parse(end)),
        row.get(createdBy),
        row.get(comment),
        row.get(updatedAt));
  }

  private static @Nullable String date(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }
}
