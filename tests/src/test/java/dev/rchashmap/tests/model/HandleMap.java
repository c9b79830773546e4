package dev.rchashmap.tests.model;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The API of a generated {@code HandleHashMap}, with boxed keys and values, so that one model
 * check serves every specialization. Each adapter forwards every call to one generated map and
 * adds no logic of its own.
 *
 * @param <K> the boxed key type
 * @param <V> the boxed value type
 */
interface HandleMap<K, V> {

  long insert(K key, V value);

  long tryInsert(K key, V value);

  long insertWith(K key, Function<K, V> factory);

  long find(K key);

  boolean containsKey(K key);

  V getOrDefault(K key, V defaultValue);

  boolean contains(long handle);

  K key(long handle);

  V value(long handle);

  void setValue(long handle, V value);

  boolean remove(long handle);

  int size();

  boolean isEmpty();

  void clear();

  // The everyday API (SPEC 7.1)

  long put(K key, V value);

  boolean removeKey(K key);

  long findOrInsert(K key, Function<K, V> factory);

  /**
   * Calls {@code addAndGet}.
   *
   * @throws UnsupportedOperationException for a specialization whose values are not numeric
   */
  V addAndGet(K key, V delta);

  /** Calls {@code putAll} with the generated map of {@code other}, an adapter of the same kind. */
  void putAll(HandleMap<K, V> other);

  /** Wraps the map's {@code copy()}. */
  HandleMap<K, V> copy();

  /** Wraps a new, empty map of the same class, made by its no-argument constructor. */
  HandleMap<K, V> newMap();

  void ensureCapacity(int expectedSize);

  void trimToSize();

  /** The generated map itself, for {@code equals} and {@code hashCode}. */
  Object generated();

  Map<K, V> asMap();

  /** Runs {@code visitor} once per {@code cursor.next()} that returned {@code true}. */
  void walkCursor(Consumer<CursorView<K, V>> visitor);

  /** Calls the map's {@code forEach}. */
  void forEach(EntryVisitor<K, V> visitor);

  /** The current entry of a cursor. */
  interface CursorView<K, V> {
    long handle();

    K key();

    V value();

    void setValue(V value);

    void remove();
  }

  /** What {@code forEach} hands over. */
  @FunctionalInterface
  interface EntryVisitor<K, V> {
    void accept(long handle, K key, V value);
  }
}
