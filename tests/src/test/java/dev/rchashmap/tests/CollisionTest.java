package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.maps.CollidingIntLongHandleHashMap;
import dev.rchashmap.tests.maps.CollidingStringLongHandleHashMap;
import dev.rchashmap.testkit.Gen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every key of the {@code Colliding*} maps has the same hash, so all entries form one probe
 * cluster and every lookup compares keys with the equivalence (seed: "collision paths: multiple
 * keys with the same hash verified by Eq checks"). Removing entries from the middle of that
 * cluster exercises backward-shift deletion; several sizes give several table capacities, hence
 * several home cells, so the cluster also wraps around the end of the index in some of them.
 */
class CollisionTest {

  private static final long SEED = 0x5EED_C011_1DE5L;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 13, 100, 1000})
  void allCollidingKeysAreFindable(int count) {
    CollidingIntLongHandleHashMap map = new CollidingIntLongHandleHashMap();
    long[] handles = insertKeys(map, count);

    assertAllPresent(map, handles, new boolean[count]);
    assertEquals(count, map.size());
    assertEquals(Handles.NONE, map.find(-1));
    assertEquals(Handles.NONE, map.find(count));
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 1000})
  void collidingDuplicatesAreDetected(int count) {
    CollidingIntLongHandleHashMap map = new CollidingIntLongHandleHashMap();
    insertKeys(map, count);

    for (int key = 0; key < count; key++) {
      assertEquals(Handles.NONE, map.tryInsert(key, -1L), "duplicate of " + key);
    }
    assertEquals(count, map.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 100, 700, 1000})
  void removingArbitraryCollidingKeysKeepsTheRestFindable(int count) {
    CollidingIntLongHandleHashMap map = new CollidingIntLongHandleHashMap();
    long[] handles = insertKeys(map, count);
    boolean[] removed = new boolean[count];

    List<Integer> order = shuffledKeys(count);
    for (int i = 0; i < count / 2; i++) {
      int key = order.get(i);
      assertTrue(map.remove(handles[key]), "remove " + key);
      removed[key] = true;
      if (i % 25 == 0) {
        assertAllPresent(map, handles, removed);
      }
    }

    assertAllPresent(map, handles, removed);
    assertEquals(count - count / 2, map.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 50, 1000})
  void removingHeadMiddleAndTailOfTheClusterKeepsTheRestFindable(int count) {
    CollidingIntLongHandleHashMap map = new CollidingIntLongHandleHashMap();
    long[] handles = insertKeys(map, count);
    boolean[] removed = new boolean[count];

    for (int key : new int[] {0, count / 2, count - 1}) {
      assertTrue(map.remove(handles[key]));
      removed[key] = true;
      assertAllPresent(map, handles, removed);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 1000})
  void removedCollidingKeysCanBeReinserted(int count) {
    CollidingIntLongHandleHashMap map = new CollidingIntLongHandleHashMap();
    long[] handles = insertKeys(map, count);

    List<Integer> order = shuffledKeys(count);
    List<Integer> removedKeys = order.subList(0, count / 3);
    for (int key : removedKeys) {
      map.remove(handles[key]);
    }
    for (int key : removedKeys) {
      handles[key] = map.insert(key, valueOf(key));
    }

    assertAllPresent(map, handles, new boolean[count]);
    assertEquals(count, map.size());
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 1000})
  void collidingStringKeysAreComparedWithEquals(int count) {
    CollidingStringLongHandleHashMap map = new CollidingStringLongHandleHashMap();
    long[] handles = new long[count];
    for (int i = 0; i < count; i++) {
      handles[i] = map.insert("key-" + i, valueOf(i));
    }
    List<Integer> order = shuffledKeys(count);
    for (int i = 0; i < count / 2; i++) {
      assertTrue(map.remove(handles[order.get(i)]));
    }

    for (int i = 0; i < count; i++) {
      boolean removed = order.indexOf(i) < count / 2;
      long found = map.find(new String("key-" + i));
      if (removed) {
        assertEquals(Handles.NONE, found, "key-" + i + " was removed");
        assertFalse(map.contains(handles[i]));
      } else {
        assertEquals(handles[i], found, "key-" + i);
        assertEquals(valueOf(i), map.value(found));
      }
    }
    assertEquals(count - count / 2, map.size());
  }

  private static long[] insertKeys(CollidingIntLongHandleHashMap map, int count) {
    long[] handles = new long[count];
    for (int key = 0; key < count; key++) {
      handles[key] = map.insert(key, valueOf(key));
    }
    return handles;
  }

  private static void assertAllPresent(
      CollidingIntLongHandleHashMap map, long[] handles, boolean[] removed) {
    for (int key = 0; key < handles.length; key++) {
      if (removed[key]) {
        assertEquals(Handles.NONE, map.find(key), "removed key " + key + " still found");
        assertFalse(map.contains(handles[key]));
      } else {
        assertEquals(handles[key], map.find(key), "key " + key + " lost");
        assertEquals(valueOf(key), map.value(handles[key]));
      }
    }
  }

  private static List<Integer> shuffledKeys(int count) {
    List<Integer> keys = new ArrayList<>();
    for (int key = 0; key < count; key++) {
      keys.add(key);
    }
    return new Gen(SEED + count).shuffle(keys);
  }

  private static long valueOf(int key) {
    return key * 1_000_003L;
  }
}
