package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.LongObjHandleHashMap;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Many inserts through many resizes of the index and the slot storage: every entry stays
 * findable and every handle keeps naming its entry (entries never move).
 */
class GrowthTest {

  private static final int COUNT = 100_000;

  @Test
  void defaultMapGrowsTo100kEntries() {
    assertGrowsKeepingHandles(new IntLongHandleHashMap(), key -> key);
  }

  @Test
  void presizedMapHolds100kEntries() {
    assertGrowsKeepingHandles(new IntLongHandleHashMap(COUNT), key -> key);
  }

  @Test
  void tinyPresizedMapGrowsTo100kEntries() {
    assertGrowsKeepingHandles(new IntLongHandleHashMap(1), key -> key);
  }

  @Test
  void clusteredKeysMultiplesOfAPowerOfTwo() {
    assertGrowsKeepingHandles(new IntLongHandleHashMap(), key -> key << 12);
  }

  @Test
  void clusteredKeysInTheHighBitsOnly() {
    assertGrowsKeepingHandles(new IntLongHandleHashMap(), key -> Integer.reverse(key));
  }

  @Test
  void wideKeysGrowKeepingHandles() {
    LongObjHandleHashMap<String> map = new LongObjHandleHashMap<>();
    long first = map.insert(0L, "first");
    long[] handles = new long[COUNT];
    handles[0] = first;
    for (int i = 1; i < COUNT; i++) {
      handles[i] = map.insert((long) i << 32, null);
    }

    assertEquals(COUNT, map.size());
    assertEquals("first", map.value(first));
    for (int i = 0; i < COUNT; i++) {
      assertEquals(handles[i], map.find((long) i << 32));
    }
  }

  @Test
  void growthAfterRemovalsReusesSlotsAndKeepsEverything() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long[] handles = new long[COUNT];
    for (int key = 0; key < COUNT; key++) {
      handles[key] = map.insert(key, key);
      if (key % 3 == 2) {
        assertTrue(map.remove(handles[key - 1]));
        handles[key - 1] = Handles.NONE;
      }
    }

    for (int key = 0; key < COUNT; key++) {
      if (handles[key] == Handles.NONE) {
        assertEquals(Handles.NONE, map.find(key));
      } else {
        assertEquals(handles[key], map.find(key));
        assertEquals(key, map.value(handles[key]));
      }
    }
    assertEquals(COUNT - COUNT / 3, map.size());
  }

  private static void assertGrowsKeepingHandles(IntLongHandleHashMap map, IntUnaryOperator keyOf) {
    long[] handles = new long[COUNT];
    long early = map.insert(keyOf.applyAsInt(0), -1L);
    handles[0] = early;
    for (int i = 1; i < COUNT; i++) {
      handles[i] = map.insert(keyOf.applyAsInt(i), i);
      if (i % 10_000 == 0) {
        assertEquals(-1L, map.value(early), "early handle survives growth to " + i);
      }
    }

    assertEquals(COUNT, map.size());
    assertTrue(map.contains(early));
    assertEquals(-1L, map.value(early));
    assertEquals(keyOf.applyAsInt(0), map.key(early));
    for (int i = 0; i < COUNT; i++) {
      int key = keyOf.applyAsInt(i);
      assertEquals(handles[i], map.find(key), "key " + key);
      assertEquals(key, map.key(handles[i]));
      assertEquals(i == 0 ? -1L : i, map.value(handles[i]));
    }
  }
}
