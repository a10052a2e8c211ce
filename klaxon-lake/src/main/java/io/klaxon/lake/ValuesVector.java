package io.klaxon.lake;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.TimestampType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One column of rows about to be written, over the Java values of the rows: strings, longs,
 * doubles, booleans, {@link Instant}s (stored as Delta timestamps, microseconds since the epoch)
 * and {@link LocalDate}s (Delta dates, days since the epoch); null is a missing value.
 */
final class ValuesVector implements ColumnVector {

  private final DataType type;
  private final List<@Nullable Object[]> rows;
  private final int column;

  ValuesVector(DataType type, List<@Nullable Object[]> rows, int column) {
    this.type = type;
    this.rows = rows;
    this.column = column;
  }

  /** Microseconds since the epoch, Delta's timestamp unit; finer digits are dropped. */
  static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  private Object value(int row) {
    return rows.get(row)[column];
  }

  @Override
  public DataType getDataType() {
    return type;
  }

  @Override
  public int getSize() {
    return rows.size();
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int row) {
    return value(row) == null;
  }

  @Override
  public boolean getBoolean(int row) {
    return (Boolean) value(row);
  }

  @Override
  public int getInt(int row) {
    Object value = value(row);
    if (type instanceof DateType) {
      return (int) ((LocalDate) value).toEpochDay();
    }
    return ((Number) value).intValue();
  }

  @Override
  public long getLong(int row) {
    Object value = value(row);
    if (type instanceof TimestampType) {
      return micros((Instant) value);
    }
    return ((Number) value).longValue();
  }

  @Override
  public double getDouble(int row) {
    return ((Number) value(row)).doubleValue();
  }

  @Override
  public String getString(int row) {
    return (String) value(row);
  }
}
