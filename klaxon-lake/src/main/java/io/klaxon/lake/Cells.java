package io.klaxon.lake;

import io.delta.kernel.data.Row;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Reads a Kernel {@link Row}'s values by column name, nulls as Java nulls. */
final class Cells {

  private final Row row;

  Cells(Row row) {
    this.row = row;
  }

  private int index(String column) {
    int index = row.getSchema().indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + row.getSchema());
    }
    return index;
  }

  @Nullable String string(String column) {
    int i = index(column);
    return row.isNullAt(i) ? null : row.getString(i);
  }

  String requiredString(String column) {
    String value = string(column);
    if (value == null) {
      throw new IllegalStateException("column " + column + " is null");
    }
    return value;
  }

  boolean isNull(String column) {
    return row.isNullAt(index(column));
  }

  int intValue(String column) {
    return row.getInt(index(column));
  }

  long longValue(String column) {
    return row.getLong(index(column));
  }

  @Nullable Double doubleValue(String column) {
    int i = index(column);
    return row.isNullAt(i) ? null : row.getDouble(i);
  }

  boolean booleanValue(String column) {
    return row.getBoolean(index(column));
  }

  @Nullable Instant instant(String column) {
    int i = index(column);
    return row.isNullAt(i) ? null : ValuesVector.instant(row.getLong(i));
  }

  Instant requiredInstant(String column) {
    Instant value = instant(column);
    if (value == null) {
      throw new IllegalStateException("column " + column + " is null");
    }
    return value;
  }

  @Nullable LocalDate date(String column) {
    int i = index(column);
    return row.isNullAt(i) ? null : LocalDate.ofEpochDay(row.getInt(i));
  }
}
