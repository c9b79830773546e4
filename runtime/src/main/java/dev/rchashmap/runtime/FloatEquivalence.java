package dev.rchashmap.runtime;

/**
 * A hash function and the equality it is consistent with, for {@code float} keys: the {@code
 * float} specialization of {@link Equivalence}, so maps with {@code float} keys compare them
 * without boxing.
 *
 * <p>Contract: {@code equivalent} is an equivalence relation and {@code equivalent(a, b)} implies
 * {@code hash(a) == hash(b)}. The hash need not be well spread: the maps always run it through a
 * strong mixer ({@link Hashing#mix(int, long)}), so a hash that is only consistent with the
 * equality is enough. Both methods must be pure and must not call the map that invokes them (see
 * {@link ReentrancyGuard}).
 */
public interface FloatEquivalence {

  /**
   * Returns a hash of {@code value} consistent with {@link #equivalent(float, float)}.
   *
   * @param value the value to hash
   * @return equal results for equivalent values; need not be well spread
   */
  int hash(float value);

  /**
   * Tells whether two values are the same key.
   *
   * @param a a value
   * @param b another value
   * @return {@code true} if {@code a} and {@code b} are equivalent
   */
  boolean equivalent(float a, float b);

  /**
   * Returns the natural equivalence of {@code float}, the default of every map with {@code
   * float} keys: equality is {@code Float.floatToIntBits(a) == Float.floatToIntBits(b)}, as
   * {@link Float#equals(Object)}: all NaNs are equal to each other, and {@code 0.0f} and
   * {@code -0.0f} are different keys; the hash is {@link Float#hashCode(float)}.
   *
   * @return the same stateless instance on every call
   */
  static FloatEquivalence natural() {
    return Equivalences.NATURAL_FLOAT;
  }
}
