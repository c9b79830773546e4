package dev.rchashmap.tests.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.Hashing;
import dev.rchashmap.runtime.IntEquivalence;
import dev.rchashmap.runtime.PackedHandles;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paths of the index that random operations reach only by chance: a cluster that wraps around the
 * end of the index, the hash that stands in for 0, a slot retired when its generation would wrap,
 * and index growth forced by the packed handles' slot limit. With a fixed hash seed the tests pick
 * their keys by their hashes.
 */
class IndexEdgeCaseTest {
  private static final long SEED = 0x5EED_5EED_5EED_5EEDL;

  /** An equivalence like the natural one, so that the map hashes through the custom path. */
  private static final IntEquivalence CUSTOM =
      new IntEquivalence() {
        @Override
        public int hash(int key) {
          return key;
        }

        @Override
        public boolean equivalent(int a, int b) {
          return a == b;
        }
      };

  @Test
  void aClusterThatWrapsAroundTheEndOfTheIndexShiftsBackAcrossIt() {
    for (IntEquivalence equivalence : new IntEquivalence[] {null, CUSTOM}) {
      IntLongHandleHashMap map =
          IntLongHandleHashMap.builder().expectedSize(12).equivalence(equivalence).hashSeed(SEED).build();
      int cells = Internals.ints(map, "cellHashes").length;
      int shift = Internals.intField(map, "shift");
      // Six keys whose home cell is the last one: five of them wrap to cells 0 to 4.
      List<Integer> keys = new ArrayList<>();
      for (int key = 0; keys.size() < 6; key++) {
        if ((Hashing.nonZero(Hashing.mix(key, SEED)) >>> shift) == cells - 1) {
          keys.add(key);
        }
      }
      long[] handles = new long[keys.size()];
      for (int i = 0; i < keys.size(); i++) {
        handles[i] = map.insert(keys.get(i), i);
      }
      int[] lengths = Internals.probeLengths(map);
      assertEquals(6, java.util.Arrays.stream(lengths).max().getAsInt(), "the cluster wraps");

      // Remove from the front: every removal shifts the wrapped cells back, across the end.
      for (int removed = 0; removed < keys.size(); removed++) {
        assertTrue(map.remove(handles[removed]));
        for (int i = 0; i < keys.size(); i++) {
          long found = map.find(keys.get(i));
          assertEquals(i > removed ? handles[i] : Handles.NONE, found, "key " + keys.get(i));
        }
        int[] after = Internals.probeLengths(map);
        for (int length : after) {
          assertTrue(length <= keys.size() - removed - 1, "shifted back: " + length);
        }
      }
      assertTrue(map.isEmpty());
    }
  }

  @Test
  void keysWhoseHashIsZeroOrItsStandInAreTwoKeys() {
    int zeroKey = unmix(0, SEED);
    int standInKey = unmix(Hashing.ZERO_STAND_IN, SEED);
    assertEquals(0, Hashing.mix(zeroKey, SEED));
    assertEquals(Hashing.ZERO_STAND_IN, Hashing.mix(standInKey, SEED));
    for (IntEquivalence equivalence : new IntEquivalence[] {null, CUSTOM}) {
      IntLongHandleHashMap map =
          IntLongHandleHashMap.builder().equivalence(equivalence).hashSeed(SEED).build();
      long zero = map.insert(zeroKey, 1L);
      assertEquals(Handles.NONE, map.find(standInKey), "same stored hash, other key");
      long standIn = map.insert(standInKey, 2L);
      map.insert(0, 3L); // the key 0 itself is no special case
      assertNotEquals(zero, standIn);
      assertEquals(zero, map.find(zeroKey));
      assertEquals(standIn, map.find(standInKey));
      assertEquals(1L, map.getOrDefault(zeroKey, -1L));
      assertEquals(2L, map.getOrDefault(standInKey, -1L));
      assertTrue(map.remove(zero));
      assertFalse(map.containsKey(zeroKey));
      assertEquals(standIn, map.find(standInKey));
      assertEquals(3L, map.getOrDefault(0, -1L));
      assertTrue(map.remove(standIn));
      assertEquals(1, map.size());
    }
  }

  @Test
  void aSlotWhoseGenerationWouldWrapRetiresForGood() {
    IntLongHandleHashMap map = IntLongHandleHashMap.builder().expectedSize(1).hashSeed(SEED).build();
    long first = map.insert(1, 10L);
    assertEquals(0, Handles.index(first));
    map.remove(first);
    // Age the vacant slot 0 to the last generation before the wrap.
    Internals.ints(map, "generations")[0] = Handles.MAX_GENERATION - 1;
    long last = map.insert(2, 20L);
    assertEquals(0, Handles.index(last));
    assertEquals(Handles.MAX_GENERATION, Handles.generation(last));
    assertEquals(last, map.find(2));
    assertTrue(map.remove(last));
    assertEquals(Handles.RETIRED, Internals.ints(map, "generations")[0]);

    long next = map.insert(3, 30L);
    assertNotEquals(0, Handles.index(next), "a retired slot is never handed out again");
    map.clear();
    for (int key = 0; key < 10; key++) {
      assertNotEquals(0, Handles.index(map.insert(key, key)), "not even after clear()");
    }
    for (long stale : new long[] {first, last, next}) {
      assertFalse(map.contains(stale));
    }
  }

  /**
   * Retired slots still take storage: once the storage reaches what the packed handles of the
   * index can address, the next insertion grows the index first, though few entries are live.
   */
  @Test
  void retiredSlotsGrowTheIndexWhenTheStorageOutgrowsThePackedSlotBits() {
    IntLongHandleHashMap map = IntLongHandleHashMap.builder().expectedSize(1).hashSeed(SEED).build();
    int initialCells = Internals.ints(map, "cellHashes").length;
    List<Long> live = new ArrayList<>();
    for (int key = 0; Internals.ints(map, "cellHashes").length == initialCells; key++) {
      assertTrue(key < 100, "the index never grew");
      // Retire every fresh slot but the next one, as if each had been worn out by reuse.
      int[] generations = Internals.ints(map, "generations");
      for (int slot = Internals.intField(map, "top") + 1; slot < generations.length; slot++) {
        generations[slot] = Handles.RETIRED;
      }
      live.add(map.insert(key, key));
    }
    int shift = Internals.intField(map, "shift");
    assertTrue(live.size() < Hashing.maxEntries(initialCells), "grown for the slots, not the size");
    assertTrue(Internals.ints(map, "generations").length < PackedHandles.slotLimit(shift));
    for (long handle : live) {
      assertEquals(handle, map.find(map.key(handle)));
      assertEquals(map.key(handle), map.value(handle));
    }
  }

  /** The inverse of {@link Hashing#mix(int, long)}: the key whose mix is {@code hash}. */
  static int unmix(int hash, long seed) {
    int x = hash;
    x *= inverse(0xC2B2_AE35);
    x ^= (x >>> 13) ^ (x >>> 26);
    x *= inverse(0x85EB_CA6B);
    x ^= x >>> 16;
    return x ^ (int) seed;
  }

  /** The multiplicative inverse of an odd number modulo 2^32 (Newton's iteration). */
  private static int inverse(int odd) {
    int x = odd;
    for (int i = 0; i < 5; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }
}
