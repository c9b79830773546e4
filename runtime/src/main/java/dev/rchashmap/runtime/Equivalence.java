package dev.rchashmap.runtime;

import java.util.Objects;

/**
 * A hash function and the equality it is consistent with: the "test" of a hash table, which
 * decides when two keys are the same key.
 *
 * <p>Maps built with an equivalence call {@link #hash(Object)} and {@link #equivalent(Object,
 * Object)} instead of the keys' own {@code hashCode} and {@code equals}, so keys can be compared
 * by identity, case-insensitively, by array contents, and so on.
 *
 * <p>Contract: {@code equivalent} is reflexive, symmetric and transitive, and {@code equivalent(a,
 * b)} implies {@code hash(a) == hash(b)}. The hash need not be well spread: the maps always run it
 * through a strong mixer ({@link Hashing#mix(int, long)}), so a hash that is only consistent with
 * the equality is enough. Both methods must be pure and must not call the map that invokes them
 * (see {@link ReentrancyGuard}). Keys must not change their equivalence class while they are in a
 * map. The maps never pass {@code null} keys to an equivalence.
 *
 * @param <T> the type of values compared
 */
public interface Equivalence<T> {

  /**
   * Returns a hash of {@code value} consistent with {@link #equivalent(Object, Object)}.
   *
   * @param value the value to hash
   * @return equal results for equivalent values; need not be well spread
   */
  int hash(T value);

  /**
   * Tells whether two values are the same key.
   *
   * @param a a value
   * @param b another value
   * @return {@code true} if {@code a} and {@code b} are equivalent
   */
  boolean equivalent(T a, T b);

  /**
   * Returns the equivalence of {@link Object#equals(Object)} and {@link Object#hashCode()}, the
   * default of every map. It is null-safe: {@link Objects#hashCode(Object)} and {@link
   * Objects#equals(Object, Object)}.
   *
   * @param <T> the type of values compared
   * @return the same stateless instance on every call
   */
  @SuppressWarnings("unchecked")
  static <T> Equivalence<T> natural() {
    return (Equivalence<T>) Equivalences.NATURAL;
  }

  /**
   * Returns the identity equivalence: {@code ==} and {@link System#identityHashCode(Object)}
   * (Lisp's {@code eq}). Distinct objects are distinct keys even when they are {@code equals}.
   *
   * @param <T> the type of values compared
   * @return the same stateless instance on every call
   */
  @SuppressWarnings("unchecked")
  static <T> Equivalence<T> identity() {
    return (Equivalence<T>) Equivalences.IDENTITY;
  }
}
