package io.klaxon.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One decoded JSON object of a cluster record, read field by field. */
record Fields(Map<String, Object> values) {

  @SuppressWarnings("unchecked")
  static Fields of(@Nullable Object object) {
    if (!(object instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("a cluster record holds " + object + ", not an object");
    }
    return new Fields((Map<String, Object>) map);
  }

  boolean has(String name) {
    return values.get(name) != null;
  }

  String text(String name) {
    String text = optionalText(name);
    if (text == null) {
      throw new IllegalArgumentException("a cluster record lacks " + name);
    }
    return text;
  }

  @Nullable String optionalText(String name) {
    Object value = values.get(name);
    return value == null ? null : value.toString();
  }

  @Nullable Double number(String name) {
    return values.get(name) instanceof Number n ? n.doubleValue() : null;
  }

  long id(String name) {
    if (!(values.get(name) instanceof Number n)) {
      throw new IllegalArgumentException("a cluster record lacks " + name);
    }
    return n.longValue();
  }

  @Nullable Instant instant(String name) {
    String text = optionalText(name);
    return text == null ? null : Instant.parse(text);
  }

  /** A field that must be there, of whatever type. */
  Object value(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("a cluster record lacks " + name);
    }
    return value;
  }

  Fields object(String name) {
    return of(values.get(name));
  }

  List<?> list(String name) {
    return values.get(name) instanceof List<?> list ? list : List.of();
  }
}
