package dev.rchashmap.runtime;

/**
 * Hash mixing and sizing arithmetic shared by the generated maps.
 *
 * <p>The maps index a power-of-two table with the low bits of a hash, so every hash goes through
 * a mixer first: without it, sequential keys or multiples of a power of two (both common)
 * would crowd into a few cells. The mixers are murmur3's finalizers, as in fastutil's {@code
 * HashCommon}.
 */
public final class Hashing {

  /**
   * The largest hash index length, a power of two: {@code 2^30} cells, the largest power of two
   * a {@code long[]} can have.
   */
  public static final int MAX_INDEX_LENGTH = 1 << 30;

  /** The smallest hash index length, and the smallest slot storage a map grows to. */
  private static final int MIN_LENGTH = 8;

  /**
   * The largest array length requested, leaving head room for VM array headers, as {@code
   * ArrayList} does.
   */
  private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  private Hashing() {}

  /**
   * Mixes a 32-bit hash so that every input bit affects every output bit (murmur3 {@code
   * fmix32}).
   *
   * <p>The function is a bijection on {@code int}: distinct inputs give distinct outputs. The
   * maps rely on that: for keys of 32 bits or less with the natural equivalence, equal mixed
   * hashes imply equal keys, so a lookup compares the hash stored in the index and never reads
   * the key.
   *
   * @param x the hash to mix
   * @return the mixed hash
   */
  public static int mix(int x) {
    x ^= x >>> 16;
    x *= 0x85eb_ca6b;
    x ^= x >>> 13;
    x *= 0xc2b2_ae35;
    x ^= x >>> 16;
    return x;
  }

  /**
   * Mixes a 64-bit value into a 32-bit hash (murmur3 {@code fmix64}, then the two halves
   * xor-ed together), so that every input bit affects the result.
   *
   * @param x the value to mix, for example a {@code long} key or {@code
   *     Double.doubleToLongBits} of a {@code double} key
   * @return the mixed hash
   */
  public static int mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51_afd7_ed55_8ccdL;
    x ^= x >>> 33;
    x *= 0xc4ce_b9fe_1a85_ec53L;
    x ^= x >>> 33;
    return (int) (x ^ (x >>> 32));
  }

  /**
   * Returns the hash index length for a map that should hold {@code expectedSize} entries
   * without resizing: the smallest power of two {@code n >= 8} with {@code expectedSize <= n *
   * 3 / 4} (load factor 3/4).
   *
   * @param expectedSize the number of entries the map should hold
   * @return a power of two in {@code [8, MAX_INDEX_LENGTH]}
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   * @throws IllegalStateException if {@code expectedSize} exceeds {@code maxEntries(
   *     MAX_INDEX_LENGTH)}, the most a map can hold
   */
  public static int indexLengthFor(int expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must not be negative: " + expectedSize);
    }
    // ceil(expectedSize * 4 / 3) cells are needed; long arithmetic cannot overflow here.
    long needed = (expectedSize * 4L + 2) / 3;
    if (needed > MAX_INDEX_LENGTH) {
      throw new IllegalStateException(
          "too many entries: "
              + expectedSize
              + " exceeds the maximum of "
              + maxEntries(MAX_INDEX_LENGTH)
              + " entries per map");
    }
    return Math.max(MIN_LENGTH, Integer.highestOneBit((int) Math.max(1, needed - 1)) << 1);
  }

  /**
   * Returns the most entries a hash index of the given length holds before it must grow (load
   * factor 3/4).
   *
   * @param indexLength the index length, a power of two {@code >= 4}
   * @return {@code indexLength / 4 * 3}
   */
  public static int maxEntries(int indexLength) {
    return indexLength / 4 * 3;
  }

  /**
   * Returns the new length for the slot storage arrays when they are full: normally twice
   * {@code capacity} (at least 8), at least {@code minCapacity}, at most {@code
   * Integer.MAX_VALUE - 8}.
   *
   * @param capacity the current length
   * @param minCapacity the length needed; a negative value is taken as an overflowed request
   * @return the new length, {@code >= minCapacity}
   * @throws IllegalArgumentException if {@code capacity} is negative
   * @throws IllegalStateException if {@code minCapacity} is above {@code Integer.MAX_VALUE - 8}
   *     or negative
   */
  public static int grownCapacity(int capacity, int minCapacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    if (minCapacity < 0 || minCapacity > MAX_ARRAY_LENGTH) {
      throw new IllegalStateException(
          "too many entries: storage for "
              + Integer.toUnsignedString(minCapacity)
              + " slots exceeds the maximum array length "
              + MAX_ARRAY_LENGTH);
    }
    long doubled = Math.max(MIN_LENGTH, 2L * capacity);
    return (int) Math.max(minCapacity, Math.min(doubled, MAX_ARRAY_LENGTH));
  }
}
