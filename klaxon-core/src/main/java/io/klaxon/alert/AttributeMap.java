package io.klaxon.alert;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An immutable attribute map kept as one array of values beside names that many maps share: the
 * engine keeps every active alert's attributes in memory, and {@link Map#copyOf}'s table (four
 * slots per attribute, and every map its own) was a quarter of an Alertmanager alert's heap. Equal
 * to any map with the same entries; iterates in the order of its {@link Names}.
 */
public final class AttributeMap extends AbstractMap<String, Object> {

  /** Attribute names, distinct and in a fixed order, kept once for every map that has them. */
  public static final class Names {

    private final String[] names;

    private Names(String[] names) {
      this.names = names;
    }

    /**
     * The names, in the collection's order.
     *
     * @throws IllegalArgumentException when a name is there twice
     */
    public static Names of(Collection<String> names) {
      String[] copy = names.toArray(String[]::new);
      for (int i = 0; i < copy.length; i++) {
        Objects.requireNonNull(copy[i], "name");
        for (int j = 0; j < i; j++) {
          if (copy[j].equals(copy[i])) {
            throw new IllegalArgumentException("duplicate attribute name: " + copy[i]);
          }
        }
      }
      return new Names(copy);
    }

    public int size() {
      return names.length;
    }

    private int indexOf(@Nullable Object name) {
      if (name == null) {
        return -1;
      }
      int hash = name.hashCode();
      for (int i = 0; i < names.length; i++) {
        String candidate = names[i];
        if (candidate.hashCode() == hash && candidate.equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  private final Names names;
  private final Object[] values;

  private AttributeMap(Names names, Object[] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * A map of every name of {@code names} to its value.
   *
   * @param valueOf a name's value, never null
   */
  public static AttributeMap of(Names names, Function<String, Object> valueOf) {
    Object[] values = new Object[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Objects.requireNonNull(valueOf.apply(names.names[i]), names.names[i]);
    }
    return new AttributeMap(names, values);
  }

  /** The names this map has, shared with the maps made with them. */
  public Names names() {
    return names;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isEmpty() {
    return values.length == 0;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return names.indexOf(key) >= 0;
  }

  @Override
  public @Nullable Object get(@Nullable Object key) {
    int i = names.indexOf(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(names.names[i], values[i]);
    }
  }

  // The views are made on each call: AbstractMap would keep them in every map, which is the memory
  // this class saves.
  @Override
  public Set<String> keySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public boolean contains(@Nullable Object name) {
        return containsKey(name);
      }

      @Override
      public Iterator<String> iterator() {
        return List.of(names.names).iterator();
      }
    };
  }

  @Override
  public Collection<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return values.length;
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names.names[i], values[i]);
          }
        };
      }
    };
  }
}
