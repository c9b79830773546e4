package dev.rchashmap.tests.guava;

import com.google.common.collect.testing.Helpers;
import com.google.common.collect.testing.SampleElements;
import com.google.common.collect.testing.TestMapGenerator;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Makes {@code asMap()} views of one generated specialization for Guava testlib: a new map filled
 * with the entries a tester asks for, through the map's own API (not through the view), and its
 * view.
 *
 * <p>{@link #order} is the insertion order: iteration is slot order, and a map that has only been
 * filled hands out its slots one after another, whatever its seed (a duplicate key keeps the slot
 * of its first insertion and takes the last value, as in a {@code LinkedHashMap}). So the suites
 * claim {@code KNOWN_ORDER}, and Guava checks the order of every view after every operation.
 *
 * @param <K> the boxed key type
 * @param <V> the boxed value type
 */
final class ViewGenerator<K, V> implements TestMapGenerator<K, V> {

  /** Builds the map under test from {@code entries} (in order) and returns its view. */
  @FunctionalInterface
  interface Filler<K, V> {
    Map<K, V> fill(List<Map.Entry<K, V>> entries);
  }

  private final Class<K> keyType;
  private final Class<V> valueType;
  private final SampleElements<Map.Entry<K, V>> samples;
  private final Filler<K, V> filler;

  /**
   * @param keys the five sample keys, {@code k0} to {@code k4}
   * @param values the five sample values, {@code v0} to {@code v4}
   */
  ViewGenerator(Class<K> keyType, Class<V> valueType, K[] keys, V[] values, Filler<K, V> filler) {
    this.keyType = keyType;
    this.valueType = valueType;
    this.samples =
        new SampleElements<>(
            Helpers.mapEntry(keys[0], values[0]),
            Helpers.mapEntry(keys[1], values[1]),
            Helpers.mapEntry(keys[2], values[2]),
            Helpers.mapEntry(keys[3], values[3]),
            Helpers.mapEntry(keys[4], values[4]));
    this.filler = filler;
  }

  /** A filler that puts each entry into a new map with {@code put}, then returns its view. */
  static <M, K, V> Filler<K, V> putting(
      java.util.function.Supplier<M> newMap, Putter<M, K, V> put, Function<M, Map<K, V>> view) {
    return entries -> {
      M map = newMap.get();
      for (Map.Entry<K, V> entry : entries) {
        put.put(map, entry.getKey(), entry.getValue());
      }
      return view.apply(map);
    };
  }

  /** The map's own {@code put}, boxed. */
  @FunctionalInterface
  interface Putter<M, K, V> {
    void put(M map, K key, V value);
  }

  @Override
  public SampleElements<Map.Entry<K, V>> samples() {
    return samples;
  }

  @Override
  public Map<K, V> create(Object... elements) {
    List<Map.Entry<K, V>> entries = new ArrayList<>();
    for (Object element : elements) {
      @SuppressWarnings("unchecked") // Guava hands back the entries of samples() or null ones.
      Map.Entry<K, V> entry = (Map.Entry<K, V>) element;
      entries.add(entry);
    }
    return filler.fill(entries);
  }

  @Override
  @SuppressWarnings("unchecked") // An array of Map.Entry is an array of Map.Entry<K, V>.
  public Map.Entry<K, V>[] createArray(int length) {
    return (Map.Entry<K, V>[]) new Map.Entry<?, ?>[length];
  }

  @Override
  public Iterable<Map.Entry<K, V>> order(List<Map.Entry<K, V>> insertionOrder) {
    return insertionOrder;
  }

  @Override
  @SuppressWarnings("unchecked") // The component type is K's class.
  public K[] createKeyArray(int length) {
    return (K[]) Array.newInstance(keyType, length);
  }

  @Override
  @SuppressWarnings("unchecked") // The component type is V's class.
  public V[] createValueArray(int length) {
    return (V[]) Array.newInstance(valueType, length);
  }
}
