package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.LongObjHandleHashMap;
import dev.rchashmap.tests.maps.ObjIntHandleHashMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code insertWith} creates the value lazily: the factory runs once, with the key, and only for
 * a new key; it runs outside the map's critical section, so it may use the map.
 */
class InsertWithTest {

  @Test
  void factoryRunsOnceWithTheKeyForANewKey() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    List<Integer> calls = new ArrayList<>();

    long handle =
        map.insertWith(
            42,
            key -> {
              calls.add(key);
              return key * 10L;
            });

    assertEquals(List.of(42), calls);
    assertEquals(420L, map.value(handle));
    assertEquals(handle, map.find(42));
    assertEquals(1, map.size());
  }

  @Test
  void factoryDoesNotRunForADuplicate() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long existing = map.insert(42, 1L);
    List<Integer> calls = new ArrayList<>();

    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.insertWith(
                42,
                key -> {
                  calls.add(key);
                  return 2L;
                }));

    assertTrue(calls.isEmpty());
    assertEquals(1L, map.value(existing));
    assertEquals(1, map.size());
  }

  @Test
  void throwingFactoryLeavesTheMapUnchanged() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long existing = map.insert(1, 10L);
    IllegalStateException failure = new IllegalStateException("factory failed");

    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                map.insertWith(
                    2,
                    key -> {
                      throw failure;
                    }));

    assertSame(failure, thrown, "the factory's exception propagates as it is");
    assertEquals(1, map.size());
    assertFalse(map.containsKey(2));
    assertEquals(existing, map.find(1));
    assertEquals(10L, map.value(existing));
    long later = map.insert(2, 20L);
    assertEquals(20L, map.value(later), "the map is usable after the failed insertWith");
  }

  @Test
  void factoryInsertingTheSameKeyMakesTheOuterCallThrow() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long[] innerHandle = new long[1];

    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.insertWith(
                7,
                key -> {
                  innerHandle[0] = map.insert(key, 700L);
                  return 1L;
                }));

    assertEquals(1, map.size(), "only the factory's entry is in the map");
    assertEquals(innerHandle[0], map.find(7));
    assertEquals(700L, map.value(innerHandle[0]));
  }

  @Test
  void factoryInsertingOtherKeysWorksEvenWhenTheMapGrows() {
    IntLongHandleHashMap map = new IntLongHandleHashMap(1);
    long[] innerHandles = new long[500];

    long outer =
        map.insertWith(
            -1,
            key -> {
              for (int i = 0; i < innerHandles.length; i++) {
                innerHandles[i] = map.insert(i, i * 2L);
              }
              return -10L;
            });

    assertEquals(innerHandles.length + 1, map.size());
    assertEquals(outer, map.find(-1));
    assertEquals(-1, map.key(outer));
    assertEquals(-10L, map.value(outer));
    for (int i = 0; i < innerHandles.length; i++) {
      assertEquals(innerHandles[i], map.find(i));
      assertEquals(i * 2L, map.value(innerHandles[i]));
    }
  }

  @Test
  void factoryRemovingEntriesWorks() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long doomed = map.insert(1, 10L);
    long kept = map.insert(2, 20L);

    long outer =
        map.insertWith(
            3,
            key -> {
              map.remove(doomed);
              return 30L;
            });

    assertEquals(2, map.size());
    assertFalse(map.contains(doomed));
    assertEquals(20L, map.value(kept));
    assertEquals(30L, map.value(outer));
    assertEquals(outer, map.find(3));
  }

  @Test
  void factoryClearingTheMapStillInsertsTheNewKey() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long old = map.insert(1, 10L);

    long outer =
        map.insertWith(
            2,
            key -> {
              map.clear();
              return 20L;
            });

    assertEquals(1, map.size());
    assertFalse(map.contains(old));
    assertEquals(outer, map.find(2));
    assertEquals(20L, map.value(outer));
  }

  @Test
  void referenceFactoriesReceiveTheKeyAndMayReturnNull() {
    LongObjHandleHashMap<String> map = new LongObjHandleHashMap<>();

    long named = map.insertWith(5L, key -> "value of " + key);
    long empty = map.insertWith(6L, key -> null);

    assertEquals("value of 5", map.value(named));
    assertEquals(null, map.value(empty));
    assertTrue(map.containsKey(6L));
  }

  @Test
  void factoryOfReferenceKeysReceivesTheGivenInstance() {
    ObjIntHandleHashMap<String> map = new ObjIntHandleHashMap<>();
    String key = new String("instance");
    List<String> received = new ArrayList<>();

    long handle =
        map.insertWith(
            key,
            k -> {
              received.add(k);
              return k.length();
            });

    assertEquals(1, received.size());
    assertSame(key, received.get(0));
    assertEquals(8, map.value(handle));
    assertEquals(Handles.NONE, map.tryInsert("instance", 0));
  }
}
