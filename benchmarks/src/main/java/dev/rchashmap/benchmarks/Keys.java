package dev.rchashmap.benchmarks;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Key sets drawn from a fixed-seed generator, so every run and every library sees the same keys. */
final class Keys {
  private Keys() {}

  /** {@code count} distinct random ints from {@code seed}. */
  static int[] distinctInts(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<Integer> seen = new HashSet<>(count * 2);
    int[] keys = new int[count];
    for (int i = 0; i < count; ) {
      int key = random.nextInt();
      if (seen.add(key)) {
        keys[i++] = key;
      }
    }
    return keys;
  }

  /** {@code count} random indexes into an array of {@code bound} elements. */
  static int[] indexes(int count, int bound, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] indexes = new int[count];
    for (int i = 0; i < count; i++) {
      indexes[i] = random.nextInt(bound);
    }
    return indexes;
  }

  /** {@code count} of the indexes {@code 0..bound-1}, distinct, in random order. */
  static int[] distinctIndexes(int count, int bound, long seed) {
    int[] all = new int[bound];
    for (int i = 0; i < bound; i++) {
      all[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(bound - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    int[] chosen = new int[count];
    System.arraycopy(all, 0, chosen, 0, count);
    return chosen;
  }

  /** The interning benchmark's string form of a key: {@code "k%016x"}. */
  static String name(long key) {
    return String.format("k%016x", key);
  }
}
