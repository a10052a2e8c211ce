package io.klaxon.lake;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rows about to be written, as the columnar batch Kernel takes. Kernel drops the partition columns
 * from it before writing ({@link #withDeletedColumnAt}), which the interface leaves unimplemented.
 */
final class VectorBatch implements ColumnarBatch {

  private final StructType schema;
  private final List<ColumnVector> vectors;
  private final int size;

  private VectorBatch(StructType schema, List<ColumnVector> vectors, int size) {
    this.schema = schema;
    this.vectors = vectors;
    this.size = size;
  }

  /** The rows, each a value per column of the schema in its order. */
  static VectorBatch of(StructType schema, List<@Nullable Object[]> rows) {
    List<ColumnVector> vectors = new ArrayList<>();
    for (int i = 0; i < schema.length(); i++) {
      vectors.add(new ValuesVector(schema.at(i).getDataType(), rows, i));
    }
    return new VectorBatch(schema, vectors, rows.size());
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public ColumnVector getColumnVector(int ordinal) {
    return vectors.get(ordinal);
  }

  @Override
  public int getSize() {
    return size;
  }

  @Override
  public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.remove(ordinal);
    List<ColumnVector> rest = new ArrayList<>(vectors);
    rest.remove(ordinal);
    return new VectorBatch(new StructType(fields), rest, size);
  }

  @Override
  public ColumnarBatch withNewColumn(int ordinal, StructField field, ColumnVector vector) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.add(ordinal, field);
    List<ColumnVector> more = new ArrayList<>(vectors);
    more.add(ordinal, vector);
    return new VectorBatch(new StructType(fields), more, size);
  }

  @Override
  public ColumnarBatch withNewSchema(StructType newSchema) {
    if (newSchema.length() != vectors.size()) {
      throw new IllegalArgumentException("schema " + newSchema + " does not fit " + schema);
    }
    return new VectorBatch(newSchema, vectors, size);
  }
}
