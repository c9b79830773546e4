package dev.rchashmap.tests.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.Weakness;
import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

/**
 * Many short-lived weak keys: {@value #ROUNDS} rounds of {@value #PER_ROUND} keys that nothing
 * but the map holds, with a collection between rounds. Each round's entries leave, the map ends
 * empty, and its storage is reused: the slot storage and the index stay as large as one round
 * needs, whatever the number of rounds, instead of growing with the number of keys ever
 * inserted (100k). (The index and the storage are read by reflection: their sizes are not API.)
 */
class WeakChurnTest {

  static final int ROUNDS = 100;
  static final int PER_ROUND = 1_000;

  /** The most slots a map that never holds more than a round needs: a power of two from 16. */
  static final int STORAGE_BOUND = Integer.highestOneBit(PER_ROUND - 1) << 1;

  /** The most index cells for a round's entries at the index's load factor of 3/4. */
  static final int INDEX_BOUND = 2 * STORAGE_BOUND;

  @Test
  void shortLivedKeysLeaveAndTheirSlotsAreReused() {
    StringIntWeakHandleHashMap map = StringIntWeakHandleHashMap.builder().hashSeed(7).build();
    long lastHandle = Handles.NONE;
    for (int round = 0; round < ROUNDS; round++) {
      lastHandle = insertRound(map, round);
      int finished = round;
      Gc.until(() -> "round " + finished + " leaves the map: size " + map.size(),
          map::expungeStaleEntries, map::isEmpty);
      // Without reuse, the storage would have to hold every key ever inserted (100k).
      assertTrue(WeakInternals.storageLength(map) <= STORAGE_BOUND,
          "round " + round + ": storage " + WeakInternals.storageLength(map));
      assertTrue(WeakInternals.indexLength(map) <= INDEX_BOUND,
          "round " + round + ": index " + WeakInternals.indexLength(map));
    }
    assertEquals(0, map.size());
    assertTrue(map.isEmpty());
    assertTrue(Handles.generation(lastHandle) > 1, "the last round ran in reused slots");
    assertFalse(map.contains(lastHandle));
    // Still usable after all that: a held key is found and kept.
    String held = new String("held");
    long handle = map.insert(held, 1);
    Gc.rounds(3, map::expungeStaleEntries);
    assertEquals(handle, map.find("held"));
    assertEquals(1, map.size());
    Reference.reachabilityFence(held);
  }

  /**
   * A map presized for one round never grows at all, as no more than a round's entries are ever
   * in it at once.
   */
  @Test
  void aMapPresizedForOneRoundNeverGrows() {
    StringIntWeakHandleHashMap map =
        StringIntWeakHandleHashMap.builder().expectedSize(PER_ROUND).hashSeed(7).build();
    int storage = WeakInternals.storageLength(map);
    int index = WeakInternals.indexLength(map);
    for (int round = 0; round < ROUNDS / 2; round++) {
      insertRound(map, round);
      Gc.until("the round leaves the map", map::expungeStaleEntries, map::isEmpty);
      assertEquals(storage, WeakInternals.storageLength(map), "storage grew in round " + round);
      assertEquals(index, WeakInternals.indexLength(map), "index grew in round " + round);
    }
  }

  /** Inserts one round of keys that nothing else holds; returns the last handle. */
  private static long insertRound(StringIntWeakHandleHashMap map, int round) {
    long handle = Handles.NONE;
    for (int i = 0; i < PER_ROUND; i++) {
      handle = map.insert("key " + round + "/" + i, i);
    }
    return handle;
  }

  /** The same churn with weak values on primitive keys, which are reused every round. */
  @Test
  void shortLivedValuesOfTheSameKeysLeaveEveryRound() {
    IntObjWeakHandleHashMap<Object> map =
        IntObjWeakHandleHashMap.<Object>builder()
            .weakness(Weakness.VALUE)
            .expectedSize(PER_ROUND)
            .hashSeed(7)
            .build();
    int storage = WeakInternals.storageLength(map);
    for (int round = 0; round < ROUNDS / 4; round++) {
      for (int key = 0; key < PER_ROUND; key++) {
        map.insert(key, new Val(key));
      }
      Gc.until("the round's values leave", map::expungeStaleEntries, map::isEmpty);
      assertEquals(storage, WeakInternals.storageLength(map), "storage grew in round " + round);
    }
    assertTrue(map.isEmpty());
  }
}
