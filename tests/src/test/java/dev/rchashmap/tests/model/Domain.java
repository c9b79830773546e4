package dev.rchashmap.tests.model;

import java.util.function.BinaryOperator;
import java.util.function.IntFunction;

/**
 * Turns the seeds of an {@link Op} into keys and values of one specialization. Seeds below the
 * length of a table of special values map to those (extremes, NaNs, signed zeros, strings with
 * equal hash codes...), so that the special cases come up in almost every sequence.
 *
 * <p>{@code add} is Java's addition of two values, what {@code addAndGet} must compute, or
 * {@code null} where the values are not numeric (and the map has no {@code addAndGet}).
 *
 * @param <K> the boxed key type
 * @param <V> the boxed value type
 */
record Domain<K, V>(IntFunction<K> key, IntFunction<V> value, BinaryOperator<V> add) {

  static final Domain<Integer, Long> INT_LONG =
      new Domain<>(Domain::intKey, Domain::longValue, Long::sum);

  static final Domain<Long, String> LONG_OBJ =
      new Domain<>(Domain::longKey, Domain::stringValue, null);

  static final Domain<String, Integer> STRING_INT =
      new Domain<>(Domain::stringKey, seed -> seed - Op.VALUES / 2, Integer::sum);

  static final Domain<Double, Double> DOUBLE_DOUBLE =
      new Domain<>(Domain::doubleKey, Domain::doubleValue, Double::sum);

  /** Keys {@code -keys/2 .. keys/2 - 1}: small ints of both signs, for a constant-hash map. */
  static Domain<Integer, Long> centeredIntLong(int keys) {
    return new Domain<>(seed -> seed - keys / 2, Domain::longValue, Long::sum);
  }

  private static final int[] SPECIAL_INTS = {
    0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 16, 1 << 24, 1 << 30
  };

  private static final long[] SPECIAL_LONGS = {
    0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 1L << 63 >>> 1, 0xFFFF_FFFFL
  };

  /** Strings that all share one {@code hashCode}, and the empty string. */
  private static final String[] SPECIAL_STRINGS = {"", "Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"};

  private static final double[] SPECIAL_DOUBLES = {
    Double.NaN,
    Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
    Double.longBitsToDouble(0xfff8_0000_0000_0000L),
    Double.longBitsToDouble(0x7fff_ffff_ffff_ffffL),
    0.0,
    -0.0,
    0.0,
    -0.0,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MAX_VALUE,
  };

  private static int intKey(int seed) {
    return seed < SPECIAL_INTS.length ? SPECIAL_INTS[seed] : seed << 20; // clustered low bits
  }

  private static long longKey(int seed) {
    return seed < SPECIAL_LONGS.length ? SPECIAL_LONGS[seed] : (long) seed << 40 | seed;
  }

  private static String stringKey(int seed) {
    return seed < SPECIAL_STRINGS.length ? SPECIAL_STRINGS[seed] : "key" + seed;
  }

  private static double doubleKey(int seed) {
    return seed < SPECIAL_DOUBLES.length ? SPECIAL_DOUBLES[seed] : seed * 0.25;
  }

  private static long longValue(int seed) {
    return seed * 0x9E37_79B9_7F4A_7C15L;
  }

  /** Every tenth value is {@code null}: reference values may be null. */
  private static String stringValue(int seed) {
    return seed % 10 == 0 ? null : "v" + seed;
  }

  private static double doubleValue(int seed) {
    switch (seed % 8) {
      case 0:
        return Double.NaN;
      case 1:
        return -0.0;
      case 2:
        return 0.0;
      default:
        return seed / 3.0;
    }
  }
}
