package dev.rchashmap.runtime;

/**
 * A hash function and the equality it is consistent with, for {@code int} keys: the {@code int}
 * specialization of {@link Equivalence}, so maps with {@code int} keys compare them without
 * boxing.
 *
 * <p>Contract: {@code equivalent} is an equivalence relation and {@code equivalent(a, b)} implies
 * {@code hash(a) == hash(b)}. The hash need not be well spread: the maps always run it through a
 * strong mixer ({@link Hashing#mix(int, long)}), so a hash that is only consistent with the
 * equality is enough. Both methods must be pure and must not call the map that invokes them (see
 * {@link ReentrancyGuard}).
 */
public interface IntEquivalence {

  /**
   * Returns a hash of {@code value} consistent with {@link #equivalent(int, int)}.
   *
   * @param value the value to hash
   * @return equal results for equivalent values; need not be well spread
   */
  int hash(int value);

  /**
   * Tells whether two values are the same key.
   *
   * @param a a value
   * @param b another value
   * @return {@code true} if {@code a} and {@code b} are equivalent
   */
  boolean equivalent(int a, int b);

  /**
   * Returns the natural equivalence of {@code int}, the default of every map with {@code int}
   * keys: equality is {@code ==}; the hash is {@link Integer#hashCode(int)}.
   *
   * @return the same stateless instance on every call
   */
  static IntEquivalence natural() {
    return Equivalences.NATURAL_INT;
  }
}
