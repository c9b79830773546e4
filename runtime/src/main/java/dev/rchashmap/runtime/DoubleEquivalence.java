package dev.rchashmap.runtime;

/**
 * A hash function and the equality it is consistent with, for {@code double} keys: the {@code
 * double} specialization of {@link Equivalence}, so maps with {@code double} keys compare them
 * without boxing.
 *
 * <p>Contract: {@code equivalent} is an equivalence relation and {@code equivalent(a, b)} implies
 * {@code hash(a) == hash(b)}. The hash need not be well spread: the maps always run it through a
 * strong mixer ({@link Hashing#mix(int, long)}), so a hash that is only consistent with the
 * equality is enough. Both methods must be pure and must not call the map that invokes them (see
 * {@link ReentrancyGuard}).
 */
public interface DoubleEquivalence {

  /**
   * Returns a hash of {@code value} consistent with {@link #equivalent(double, double)}.
   *
   * @param value the value to hash
   * @return equal results for equivalent values; need not be well spread
   */
  int hash(double value);

  /**
   * Tells whether two values are the same key.
   *
   * @param a a value
   * @param b another value
   * @return {@code true} if {@code a} and {@code b} are equivalent
   */
  boolean equivalent(double a, double b);

  /**
   * Returns the natural equivalence of {@code double}, the default of every map with {@code
   * double} keys: equality is {@code Double.doubleToLongBits(a) ==
   * Double.doubleToLongBits(b)}, as {@link Double#equals(Object)}: all NaNs are equal to each
   * other, and {@code 0.0} and {@code -0.0} are different keys; the hash is {@link
   * Double#hashCode(double)}.
   *
   * @return the same stateless instance on every call
   */
  static DoubleEquivalence natural() {
    return Equivalences.NATURAL_DOUBLE;
  }
}
