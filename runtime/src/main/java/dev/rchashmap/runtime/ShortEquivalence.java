package dev.rchashmap.runtime;

/**
 * A hash function and the equality it is consistent with, for {@code short} keys: the {@code
 * short} specialization of {@link Equivalence}, so maps with {@code short} keys compare them
 * without boxing.
 *
 * <p>Contract: {@code equivalent} is an equivalence relation and {@code equivalent(a, b)} implies
 * {@code hash(a) == hash(b)}. The hash need not be well spread: the maps always run it through a
 * strong mixer ({@link Hashing#mix(int, long)}), so a hash that is only consistent with the
 * equality is enough. Both methods must be pure and must not call the map that invokes them (see
 * {@link ReentrancyGuard}).
 */
public interface ShortEquivalence {

  /**
   * Returns a hash of {@code value} consistent with {@link #equivalent(short, short)}.
   *
   * @param value the value to hash
   * @return equal results for equivalent values; need not be well spread
   */
  int hash(short value);

  /**
   * Tells whether two values are the same key.
   *
   * @param a a value
   * @param b another value
   * @return {@code true} if {@code a} and {@code b} are equivalent
   */
  boolean equivalent(short a, short b);

  /**
   * Returns the natural equivalence of {@code short}, the default of every map with {@code
   * short} keys: equality is {@code ==}; the hash is {@link Short#hashCode(short)}.
   *
   * @return the same stateless instance on every call
   */
  static ShortEquivalence natural() {
    return Equivalences.NATURAL_SHORT;
  }
}
