package dev.rchashmap.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws test values from one seed: the same seed always gives the same values, so a failing
 * case replays exactly. Built on {@link SplittableRandom}.
 *
 * <p>The full-range draws ({@link #ints()}, {@link #longs()}, {@link #floats()}, {@link
 * #doubles()}, {@link #strings()}, ...) return one of an explicit list of edge values in one draw
 * of {@value #EDGE_ONE_IN}, and a random value otherwise; the edge lists are public ({@link
 * #intEdges()}, {@link #floatEdgeBits()}, ...), so a test can also run over all of them. The
 * range draws ({@link #ints(int, int)}, {@link #longs(long, long)}) favour the bounds and the
 * small values 0, 1, -1 inside them the same way. {@link #below(int)} and {@link #oneIn(int)} are
 * plain uniform draws without edges, for choices such as which operation comes next.
 *
 * <p>A {@code Gen} notes the first values it hands out, which {@link Property} prints when a
 * property fails.
 */
public final class Gen {

  /** A full-range or range draw returns an edge value once in this many draws. */
  public static final int EDGE_ONE_IN = 5;

  /** How many drawn values a failure report lists. */
  private static final int NOTED_DRAWS = 20;

  private static final int[] INT_EDGES = {
    0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1
  };

  private static final long[] LONG_EDGES = {
    0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
    Integer.MIN_VALUE, Integer.MAX_VALUE, 1L << 32, 0xFFFF_FFFFL
  };

  private static final byte[] BYTE_EDGES = {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE};

  private static final short[] SHORT_EDGES = {0, 1, -1, Short.MIN_VALUE, Short.MAX_VALUE};

  private static final char[] CHAR_EDGES = {
    0, 1, 0x7F, 0xFF, Character.MIN_SURROGATE, Character.MAX_SURROGATE, 0xFFFE, Character.MAX_VALUE
  };

  /**
   * Float edges as raw bits, so that NaN payloads survive: the canonical NaN, non-canonical quiet
   * NaNs (other payload, sign bit set, all payload bits), a signalling NaN, both zeros, both
   * infinities, the smallest subnormal and normal, the largest finite, and ±1.
   */
  private static final int[] FLOAT_EDGE_BITS = {
    0x7FC0_0000, 0x7FC0_0001, 0xFFC0_0000, 0x7FFF_FFFF, 0x7F80_0001,
    0x0000_0000, 0x8000_0000, 0x7F80_0000, 0xFF80_0000,
    0x0000_0001, 0x8000_0001, 0x0080_0000, 0x7F7F_FFFF, 0xFF7F_FFFF,
    0x3F80_0000, 0xBF80_0000
  };

  /** Double edges as raw bits; the same choice as {@link #FLOAT_EDGE_BITS}. */
  private static final long[] DOUBLE_EDGE_BITS = {
    0x7FF8_0000_0000_0000L, 0x7FF8_0000_0000_0001L, 0xFFF8_0000_0000_0000L,
    0x7FFF_FFFF_FFFF_FFFFL, 0x7FF0_0000_0000_0001L,
    0x0000_0000_0000_0000L, 0x8000_0000_0000_0000L, 0x7FF0_0000_0000_0000L, 0xFFF0_0000_0000_0000L,
    0x0000_0000_0000_0001L, 0x8000_0000_0000_0001L, 0x0010_0000_0000_0000L,
    0x7FEF_FFFF_FFFF_FFFFL, 0xFFEF_FFFF_FFFF_FFFFL,
    0x3FF0_0000_0000_0000L, 0xBFF0_0000_0000_0000L
  };

  /**
   * Short edge strings: empty, two with the same {@code hashCode} ({@code "Aa"} and {@code
   * "BB"}), a NUL character, a surrogate pair and a lone surrogate. A long string of the largest
   * allowed length is added by {@link #strings(int)}.
   */
  private static final String[] STRING_EDGES = {"", "Aa", "BB", "\0", "\uD83D\uDE00", "\uD800"};

  private final long seed;
  private final SplittableRandom random;
  private final List<String> noted = new ArrayList<>();
  private int draws;

  /**
   * Creates a generator whose values are determined by {@code seed}.
   *
   * @param seed the seed
   */
  public Gen(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  /**
   * Returns the seed this generator was made from.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the underlying random source, for draws this class does not offer. Values drawn
   * from it directly are not noted in failure reports.
   *
   * @return the random source, owned by this generator
   */
  public SplittableRandom random() {
    return random;
  }

  // ---------------------------------------------------------------------------------------------
  // Plain choices, no edge values

  /**
   * Returns a uniform {@code int} in {@code [0, bound)}, without edge bias.
   *
   * @param bound the exclusive upper bound, positive
   * @return the value
   */
  public int below(int bound) {
    return random.nextInt(bound);
  }

  /**
   * Returns {@code true} with probability {@code 1 / n}.
   *
   * @param n how rare {@code true} is, positive
   * @return whether the one-in-{@code n} event happened
   */
  public boolean oneIn(int n) {
    return random.nextInt(n) == 0;
  }

  /**
   * Returns the index of a weight, chosen with probability proportional to it.
   *
   * @param weights non-negative weights, not all zero
   * @return an index into {@code weights}
   */
  public int weighted(int... weights) {
    long total = 0;
    for (int weight : weights) {
      if (weight < 0) {
        throw new IllegalArgumentException("negative weight " + weight);
      }
      total += weight;
    }
    if (total == 0) {
      throw new IllegalArgumentException("all weights are zero");
    }
    long pick = random.nextLong(total);
    for (int i = 0; ; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return i;
      }
    }
  }

  /**
   * Returns one of {@code values}, uniformly.
   *
   * @param values the candidates, at least one
   * @param <T> their type
   * @return the chosen value
   */
  @SafeVarargs
  public final <T> T oneOf(T... values) {
    return note(values[random.nextInt(values.length)]);
  }

  /**
   * Returns one element of {@code values}, uniformly.
   *
   * @param values the candidates, not empty
   * @param <T> their type
   * @return the chosen element
   */
  public <T> T oneOf(List<T> values) {
    return note(values.get(random.nextInt(values.size())));
  }

  /**
   * Returns a new list with the elements of {@code values} in random order (Fisher-Yates).
   *
   * @param values the elements
   * @param <T> their type
   * @return a shuffled copy
   */
  public <T> List<T> shuffle(List<T> values) {
    List<T> shuffled = new ArrayList<>(values);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swap = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, swap);
    }
    return shuffled;
  }

  // ---------------------------------------------------------------------------------------------
  // Values with edges

  /**
   * Returns {@code true} or {@code false}, each half the time.
   *
   * @return the value
   */
  public boolean booleans() {
    return note(random.nextBoolean());
  }

  /**
   * Returns any {@code int}: an {@linkplain #intEdges() edge value} or a uniform random one.
   *
   * @return the value
   */
  public int ints() {
    return note(edge() ? INT_EDGES[random.nextInt(INT_EDGES.length)] : random.nextInt());
  }

  /**
   * Returns an {@code int} in {@code [min, max]}. The edges are {@code min}, {@code max}, their
   * neighbours inside the range, and 0, 1 and -1 when inside it.
   *
   * @param min the smallest value
   * @param max the largest value, at least {@code min}
   * @return the value
   */
  public int ints(int min, int max) {
    return note(intIn(min, max));
  }

  /**
   * Returns any {@code long}: an {@linkplain #longEdges() edge value} or a uniform random one.
   *
   * @return the value
   */
  public long longs() {
    return note(edge() ? LONG_EDGES[random.nextInt(LONG_EDGES.length)] : random.nextLong());
  }

  /**
   * Returns a {@code long} in {@code [min, max]}, with edges chosen as by {@link #ints(int, int)}.
   *
   * @param min the smallest value
   * @param max the largest value, at least {@code min}
   * @return the value
   */
  public long longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    if (edge()) {
      long[] candidates = {min, max, min + 1, max - 1, 0, 1, -1};
      long pick;
      do {
        pick = candidates[random.nextInt(candidates.length)];
      } while (pick < min || pick > max);
      return note(pick);
    }
    long value;
    if (max < Long.MAX_VALUE) {
      value = random.nextLong(min, max + 1);
    } else if (min > Long.MIN_VALUE) {
      value = random.nextLong(min - 1, max) + 1;
    } else {
      value = random.nextLong();
    }
    return note(value);
  }

  /**
   * Returns any {@code byte}, edges {@code 0, 1, -1, MIN_VALUE, MAX_VALUE} included.
   *
   * @return the value
   */
  public byte bytes() {
    return note(edge() ? BYTE_EDGES[random.nextInt(BYTE_EDGES.length)] : (byte) random.nextInt());
  }

  /**
   * Returns any {@code short}, edges {@code 0, 1, -1, MIN_VALUE, MAX_VALUE} included.
   *
   * @return the value
   */
  public short shorts() {
    return note(
        edge() ? SHORT_EDGES[random.nextInt(SHORT_EDGES.length)] : (short) random.nextInt());
  }

  /**
   * Returns any {@code char}, edges included (0, 1, DEL, 0xFF, the surrogate bounds, 0xFFFE,
   * 0xFFFF).
   *
   * @return the value
   */
  public char chars() {
    return note(edge() ? CHAR_EDGES[random.nextInt(CHAR_EDGES.length)] : (char) random.nextInt());
  }

  /**
   * Returns any {@code float}: an {@linkplain #floatEdgeBits() edge value} (NaN payloads,
   * signed zeros, infinities, {@code MIN_VALUE}, ...), random bits (any value, NaNs included),
   * a small integer or a moderate random number.
   *
   * @return the value
   */
  public float floats() {
    return note(floatValue());
  }

  /**
   * Returns any {@code double}, drawn as {@link #floats()} draws a {@code float}.
   *
   * @return the value
   */
  public double doubles() {
    return note(doubleValue());
  }

  /**
   * Returns a string of up to 255 chars; see {@link #strings(int)}.
   *
   * @return the string
   */
  public String strings() {
    return strings(255);
  }

  /**
   * Returns a string of at most {@code maxLength} chars: an edge string (empty, {@code "Aa"} and
   * {@code "BB"} with equal hash codes, NUL, a surrogate pair, a lone surrogate, or one of
   * exactly {@code maxLength} chars) or a random one, mostly short, of mostly ASCII chars with
   * other BMP chars (lone surrogates included) and supplementary code points mixed in.
   *
   * @param maxLength the longest string, in chars
   * @return the string
   */
  public String strings(int maxLength) {
    if (edge()) {
      int pick = random.nextInt(STRING_EDGES.length + 1);
      if (pick == STRING_EDGES.length) {
        return note(randomString(maxLength, maxLength));
      }
      String edge = STRING_EDGES[pick];
      if (edge.length() <= maxLength) {
        return note(edge);
      }
    }
    int length = random.nextBoolean() ? random.nextInt(Math.min(8, maxLength) + 1)
        : random.nextInt(maxLength + 1);
    return note(randomString(length, maxLength));
  }

  /**
   * Returns an array of {@link #ints()} of length {@code 0..maxLength}; the lengths 0 and {@code
   * maxLength} are edges.
   *
   * @param maxLength the longest array
   * @return the array
   */
  public int[] intArrays(int maxLength) {
    int[] array = new int[arrayLength(maxLength)];
    for (int i = 0; i < array.length; i++) {
      array[i] = edge() ? INT_EDGES[random.nextInt(INT_EDGES.length)] : random.nextInt();
    }
    return note(array);
  }

  /**
   * Returns an array of {@link #longs()} of length {@code 0..maxLength}; the lengths 0 and
   * {@code maxLength} are edges.
   *
   * @param maxLength the longest array
   * @return the array
   */
  public long[] longArrays(int maxLength) {
    long[] array = new long[arrayLength(maxLength)];
    for (int i = 0; i < array.length; i++) {
      array[i] = edge() ? LONG_EDGES[random.nextInt(LONG_EDGES.length)] : random.nextLong();
    }
    return note(array);
  }

  // ---------------------------------------------------------------------------------------------
  // The edge lists

  /**
   * Returns the {@code int} edges: 0, 1, -1, {@code MIN_VALUE}, {@code MAX_VALUE} and their
   * neighbours.
   *
   * @return a new array of them
   */
  public static int[] intEdges() {
    return INT_EDGES.clone();
  }

  /**
   * Returns the {@code long} edges: those of {@link #intEdges()} for {@code long}, the {@code
   * int} extremes, {@code 1L << 32} and {@code 0xFFFF_FFFFL}.
   *
   * @return a new array of them
   */
  public static long[] longEdges() {
    return LONG_EDGES.clone();
  }

  /**
   * Returns the {@code float} edges as raw bits ({@link Float#intBitsToFloat}), so that NaN
   * payloads stay apart: canonical NaN, NaNs with another payload, the sign bit or all payload
   * bits set, a signalling NaN, {@code 0.0}, {@code -0.0}, both infinities, {@code MIN_VALUE}
   * and its negation, {@code MIN_NORMAL}, {@code MAX_VALUE} and its negation, 1 and -1.
   *
   * @return a new array of them
   */
  public static int[] floatEdgeBits() {
    return FLOAT_EDGE_BITS.clone();
  }

  /**
   * Returns the {@code double} edges as raw bits ({@link Double#longBitsToDouble}); the same
   * list as {@link #floatEdgeBits()}.
   *
   * @return a new array of them
   */
  public static long[] doubleEdgeBits() {
    return DOUBLE_EDGE_BITS.clone();
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  /** The values drawn so far, for a failure report. */
  String describeDraws() {
    if (draws == 0) {
      return "no values drawn through the Gen";
    }
    String list = String.join(", ", noted);
    return draws <= NOTED_DRAWS
        ? "values drawn: " + list
        : "first " + NOTED_DRAWS + " of " + draws + " values drawn: " + list + ", ...";
  }

  private boolean edge() {
    return random.nextInt(EDGE_ONE_IN) == 0;
  }

  private int intIn(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    if (edge()) {
      long[] candidates = {min, max, min + 1L, max - 1L, 0, 1, -1};
      long pick;
      do {
        pick = candidates[random.nextInt(candidates.length)];
      } while (pick < min || pick > max);
      return (int) pick;
    }
    return (int) (min + random.nextLong((long) max - min + 1));
  }

  private float floatValue() {
    if (edge()) {
      return Float.intBitsToFloat(FLOAT_EDGE_BITS[random.nextInt(FLOAT_EDGE_BITS.length)]);
    }
    switch (random.nextInt(4)) {
      case 0:
      case 1:
        return Float.intBitsToFloat(random.nextInt());
      case 2:
        return random.nextInt(-100, 101);
      default:
        return (float) random.nextDouble(-1e6, 1e6);
    }
  }

  private double doubleValue() {
    if (edge()) {
      return Double.longBitsToDouble(DOUBLE_EDGE_BITS[random.nextInt(DOUBLE_EDGE_BITS.length)]);
    }
    switch (random.nextInt(4)) {
      case 0:
      case 1:
        return Double.longBitsToDouble(random.nextLong());
      case 2:
        return random.nextInt(-100, 101);
      default:
        return random.nextDouble(-1e9, 1e9);
    }
  }

  private int arrayLength(int maxLength) {
    if (edge()) {
      return random.nextBoolean() ? 0 : maxLength;
    }
    return random.nextInt(maxLength + 1);
  }

  /** A string of exactly {@code length} chars (at most {@code maxLength}). */
  private String randomString(int length, int maxLength) {
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      int kind = random.nextInt(20);
      if (kind < 14) {
        s.append((char) random.nextInt(0x20, 0x7F));
      } else if (kind < 17 || s.length() + 2 > Math.min(length, maxLength)) {
        s.append((char) random.nextInt(0x1_0000));
      } else {
        s.appendCodePoint(random.nextInt(0x1_0000, Character.MAX_CODE_POINT + 1));
      }
    }
    return s.toString();
  }

  private <T> T note(T value) {
    if (draws++ < NOTED_DRAWS) {
      noted.add(render(value));
    }
    return value;
  }

  private static String render(Object value) {
    String text;
    if (value instanceof int[]) {
      text = Arrays.toString((int[]) value);
    } else if (value instanceof long[]) {
      text = Arrays.toString((long[]) value);
    } else if (value instanceof Float && Float.isNaN((Float) value)) {
      text = String.format("NaN(0x%08x)", Float.floatToRawIntBits((Float) value));
    } else if (value instanceof Double && Double.isNaN((Double) value)) {
      text = String.format("NaN(0x%016x)", Double.doubleToRawLongBits((Double) value));
    } else if (value instanceof String) {
      text = '"' + (String) value + '"';
    } else if (value instanceof Character) {
      text = String.format("'\\u%04x'", (int) (Character) value);
    } else {
      text = String.valueOf(value);
    }
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
