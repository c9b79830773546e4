package dev.rchashmap.runtime;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Hash mixing and sizing arithmetic shared by the generated maps.
 *
 * <p>The maps index a power-of-two table with the <em>high</em> bits of a 32-bit hash: the home
 * cell of {@code hash} is {@code hash >>> shiftFor(length)}. Every hash is mixed first with
 * {@link #mix(int, long)} or {@link #mix(long, long)}, keyed by a seed that each map draws at
 * random ({@link #randomSeed()}) unless its builder fixes one. The mix avalanches into the high
 * bits, so no regular pattern of keys (sequential keys, strides of {@code 2^k}, blocks {@code (g
 * << k) | m}, keys that differ only in their high bits, {@code float}s like {@code i * 0.5f})
 * crowds into a few cells, and the seed makes the cells of a fixed key set differ from map to
 * map: a key set that happens to cluster in one map does not cluster in every map.
 *
 * <p>What seeding does not do: it cannot separate reference keys whose {@code hashCode}s are
 * equal (their mixed hashes are equal too), and it is no cryptographic defence against an
 * attacker who can observe one map's timing and choose its keys adaptively.
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
   * Mixes a key of 32 bits or less, or any 32-bit hash, with a map's seed: murmur3's {@code
   * fmix32} applied to {@code x ^ seed}, without its final xor-shift, which only folds the high
   * bits into the low ones. The maps address their index with the high bits, and there every
   * output bit flips with probability one half (within a percent) when any input bit flips.
   *
   * <p>For a given seed the function is a bijection on {@code int}: distinct inputs give distinct
   * outputs. The maps rely on that: for keys of 32 bits or less with the natural equivalence,
   * equal mixed hashes imply equal keys, so a lookup compares the hash stored in the index and
   * never reads the key.
   *
   * @param x the key bits or the hash to mix
   * @param seed the map's seed; only its low 32 bits are used
   * @return the mixed hash, to be used by its high bits
   */
  public static int mix(int x, long seed) {
    x ^= (int) seed;
    x ^= x >>> 16;
    x *= 0x85EB_CA6B;
    x ^= x >>> 13;
    x *= 0xC2B2_AE35;
    return x;
  }

  /**
   * Mixes a 64-bit key with a map's seed into a 32-bit hash: murmur3's {@code fmix64} applied to
   * {@code x ^ seed}, without its final xor-shift, keeping the high half of the result, where
   * every input bit has reached every output bit.
   *
   * @param x the key bits, for example a {@code long} key or {@code Double.doubleToLongBits} of a
   *     {@code double} key
   * @param seed the map's seed
   * @return the mixed hash, to be used by its high bits
   */
  public static int mix(long x, long seed) {
    x ^= seed;
    x ^= x >>> 33;
    x *= 0xFF51_AFD7_ED55_8CCDL;
    x ^= x >>> 33;
    x *= 0xC4CE_B9FE_1A85_EC53L;
    return (int) (x >>> 32);
  }

  /**
   * Returns a seed for a new map's hash mix, different for every map (as far as a random {@code
   * long} is), so that no fixed key set clusters in every map: the answer of Rust's hashbrown to
   * hash flooding. A map's builder can fix the seed instead, for reproducible runs.
   *
   * @return a random seed
   */
  public static long randomSeed() {
    return ThreadLocalRandom.current().nextLong();
  }

  /**
   * The hash that stands in for a hash of {@code 0}, which the maps keep to mark empty index
   * cells. It is the fractional part of {@code sqrt(2)}: an arbitrary odd value.
   */
  public static final int ZERO_STAND_IN = 0x6A09_E667;

  /**
   * Returns {@code hash}, or {@link #ZERO_STAND_IN} when it is {@code 0}: the maps store hashes in
   * an {@code int[]} where {@code 0} means an empty cell, so that a lookup that misses reads
   * nothing else. For keys whose hash is otherwise a bijection, {@code ZERO_STAND_IN} is the one
   * hash that two keys share, and a match on it is confirmed against the stored key.
   *
   * @param hash a hash
   * @return a hash that is never {@code 0}
   */
  public static int nonZero(int hash) {
    return hash != 0 ? hash : ZERO_STAND_IN;
  }

  /**
   * The shift that turns a hash into a home cell of an index of {@code indexLength} cells:
   * {@code hash >>> shift} keeps the hash's top {@code log2(indexLength)} bits.
   *
   * @param indexLength the index length, a power of two from 2 to {@link #MAX_INDEX_LENGTH}
   * @return {@code 32 - log2(indexLength)}
   */
  public static int shiftFor(int indexLength) {
    return Integer.numberOfLeadingZeros(indexLength) + 1;
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
