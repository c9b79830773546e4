package dev.rchashmap.benchmarks;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The keys of the int-to-long workloads: {@code size} distinct random keys stored in every map
 * (key {@code keys[i]} has value {@code i}), plus keys that are never stored, and random picks of
 * both for lookups. Every library's state is built from this one, so all see the same keys.
 */
@State(Scope.Benchmark)
public class IntLongData {
  /** Lookups per invocation of the find benchmarks. */
  public static final int LOOKUPS = 10_000;

  /** Reads and writes per invocation of the access benchmarks. */
  public static final int ACCESSES = 100_000;

  /** The number of entries in the map. */
  @Param({"100000", "1000000"})
  public int size;

  /** Keys stored in the maps; {@code keys[i]} maps to {@code i}. */
  public int[] keys;

  /** {@link #LOOKUPS} keys drawn from {@link #keys}. */
  public int[] hitKeys;

  /** {@link #LOOKUPS} keys that are not in the maps. */
  public int[] missKeys;

  /** {@link #ACCESSES} random indexes into {@link #keys}. */
  public int[] accessIndexes;

  /** A tenth of the indexes into {@link #keys}, distinct, in random order: what removeRandom removes. */
  public int[] removeIndexes;

  /** Draws the keys. */
  @Setup
  public void setUp() {
    int[] all = Keys.distinctInts(size + LOOKUPS, 42);
    keys = java.util.Arrays.copyOf(all, size);
    missKeys = java.util.Arrays.copyOfRange(all, size, size + LOOKUPS);
    hitKeys = new int[LOOKUPS];
    int[] picks = Keys.indexes(LOOKUPS, size, 7);
    for (int i = 0; i < LOOKUPS; i++) {
      hitKeys[i] = keys[picks[i]];
    }
    accessIndexes = Keys.indexes(ACCESSES, size, 11);
    removeIndexes = Keys.distinctIndexes(size / 10, size, 13);
  }

  /** Throws when a benchmark's own result is wrong, so a broken map never produces a number. */
  public static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("benchmark result check failed: " + what);
    }
  }
}
