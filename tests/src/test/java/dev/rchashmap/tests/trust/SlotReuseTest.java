package dev.rchashmap.tests.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which vacant slot an insertion takes: a fresh one while there are any, then the one vacated
 * longest ago. Reusing the last one freed, as before, wore a single slot out under {@code for (;;)
 * map.remove(map.insert(k, v))}: its generation outgrew the bits the index packs (lookups of its
 * entry then read the generation from the slot) and, after 2^30 rounds, it retired.
 */
class SlotReuseTest {

  @Test
  void freshSlotsFirstThenTheSlotVacatedLongestAgo() {
    IntLongHandleHashMap map = new IntLongHandleHashMap(8);
    long[] handles = new long[6];
    for (int key = 0; key < 6; key++) {
      handles[key] = map.insert(key, key);
    }
    map.remove(handles[3]);
    map.remove(handles[1]);
    map.remove(handles[4]);

    List<Integer> slots = new ArrayList<>();
    for (int key = 10; key < 15; key++) {
      slots.add(Handles.index(map.insert(key, key)));
    }

    assertEquals(List.of(6, 7, 3, 1, 4), slots, "fresh 6 and 7, then 3, 1, 4 in the order vacated");
  }

  @Test
  void churnSpreadsOverTheVacantSlots() {
    int entries = 1_000;
    int rounds = 100_000;
    IntLongHandleHashMap map = new IntLongHandleHashMap(1_024);
    for (int key = 0; key < entries; key++) {
      map.insert(key, key);
    }
    int highestGeneration = 0;
    for (int round = 0; round < rounds; round++) {
      long handle = map.insert(-1, round);
      highestGeneration = Math.max(highestGeneration, Handles.generation(handle));
      map.remove(handle);
    }
    // 24 slots take turns: each is reused about rounds / 24 times, two generations a time.
    assertTrue(highestGeneration <= 2 * rounds / 24 + 3, "generation " + highestGeneration);
    assertEquals(entries, map.size());
  }

  @Test
  void removalAllocatesNothingOnceTheQueueHoldsTheVacantSlots() {
    IntLongHandleHashMap map = new IntLongHandleHashMap(1_024);
    for (int key = 0; key < 1_024; key++) {
      map.insert(key, key);
    }
    for (int key = 0; key < 64; key++) {
      map.remove(map.find(key));
    }
    int[] queue = (int[]) Internals.get(map, "freeSlots");
    assertEquals(64, queue.length, "the queue grows with the vacant slots, not the storage");
    for (int round = 0; round < 10_000; round++) {
      map.remove(map.insert(-1 - round, round));
    }
    assertTrue(queue == Internals.get(map, "freeSlots"), "the queue was replaced");
    assertEquals(1_024 - 64, map.size());
  }

}
