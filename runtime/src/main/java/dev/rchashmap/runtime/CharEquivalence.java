package dev.rchashmap.runtime;

/**
 * A hash function and the equality it is consistent with, for {@code char} keys: the {@code
 * char} specialization of {@link Equivalence}, so maps with {@code char} keys compare them
 * without boxing.
 *
 * <p>Contract: {@code equivalent} is an equivalence relation and {@code equivalent(a, b)} implies
 * {@code hash(a) == hash(b)}. The hash need not be well spread: the maps always run it through a
 * strong mixer ({@link Hashing#mix(int, long)}), so a hash that is only consistent with the
 * equality is enough. Both methods must be pure and must not call the map that invokes them (see
 * {@link ReentrancyGuard}).
 */
public interface CharEquivalence {

  /**
   * Returns a hash of {@code value} consistent with {@link #equivalent(char, char)}.
   *
   * @param value the value to hash
   * @return equal results for equivalent values; need not be well spread
   */
  int hash(char value);

  /**
   * Tells whether two values are the same key.
   *
   * @param a a value
   * @param b another value
   * @return {@code true} if {@code a} and {@code b} are equivalent
   */
  boolean equivalent(char a, char b);

  /**
   * Returns the natural equivalence of {@code char}, the default of every map with {@code
   * char} keys: equality is {@code ==}; the hash is {@link Character#hashCode(char)}.
   *
   * @return the same stateless instance on every call
   */
  static CharEquivalence natural() {
    return Equivalences.NATURAL_CHAR;
  }
}
