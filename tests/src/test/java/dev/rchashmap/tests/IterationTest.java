package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.ObjIntHandleHashMap;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The allocation-free {@code Cursor} and {@code forEach}: every entry exactly once, with its
 * handle; {@code cursor.remove()} as the only structural change allowed during iteration;
 * fail-fast {@link ConcurrentModificationException} otherwise.
 */
class IterationTest {

  private static final int COUNT = 100;

  @Test
  void cursorOfEmptyMapHasNoEntries() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();

    var cursor = map.cursor();

    assertFalse(cursor.next());
    assertFalse(cursor.next(), "next() stays false");
  }

  @Test
  void cursorVisitsEveryEntryOnceWithItsHandleKeyAndValue() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    Map<Long, Integer> expected = fill(map, COUNT);

    Map<Long, Integer> visited = new HashMap<>();
    var cursor = map.cursor();
    while (cursor.next()) {
      long handle = cursor.handle();
      assertEquals(null, visited.put(handle, cursor.key()), "visited twice: " + cursor.key());
      assertEquals(map.key(handle), cursor.key());
      assertEquals(valueOf(cursor.key()), cursor.value());
    }

    assertEquals(expected, visited);
  }

  @Test
  void cursorVisitsEntriesAddedBeforeItAfterRemovalsAndReuse() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    Map<Long, Integer> expected = fill(map, COUNT);
    for (int key = 0; key < COUNT; key += 3) {
      long handle = map.find(key);
      map.remove(handle);
      expected.remove(handle);
    }
    for (int key = COUNT; key < COUNT + 10; key++) {
      expected.put(map.insert(key, valueOf(key)), key);
    }

    assertEquals(expected, visitWithCursor(map));
  }

  @Test
  void cursorSetValueWritesThroughToTheMap() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, COUNT);

    var cursor = map.cursor();
    while (cursor.next()) {
      cursor.setValue(-cursor.key());
      assertEquals(-cursor.key(), cursor.value());
    }

    for (int key = 0; key < COUNT; key++) {
      assertEquals(-key, map.getOrDefault(key, 1L));
    }
    assertEquals(COUNT, map.size());
  }

  @Test
  void cursorRemoveRemovesExactlyTheCurrentEntryAndIterationGoesOn() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    Map<Long, Integer> all = fill(map, COUNT);
    Set<Long> removed = new HashSet<>();
    Map<Long, Integer> visited = new HashMap<>();

    var cursor = map.cursor();
    while (cursor.next()) {
      long handle = cursor.handle();
      visited.put(handle, cursor.key());
      if (cursor.key() % 2 == 0) {
        cursor.remove();
        removed.add(handle);
        assertFalse(map.contains(handle));
      }
    }

    assertEquals(all, visited, "every entry visited once, removed or not");
    assertEquals(COUNT / 2, map.size());
    for (Map.Entry<Long, Integer> entry : all.entrySet()) {
      long handle = entry.getKey();
      int key = entry.getValue();
      if (removed.contains(handle)) {
        assertEquals(Handles.NONE, map.find(key));
      } else {
        assertEquals(handle, map.find(key));
        assertEquals(valueOf(key), map.value(handle));
      }
    }
  }

  @Test
  void cursorCanRemoveEverything() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    Map<Long, Integer> all = fill(map, COUNT);

    int visits = 0;
    var cursor = map.cursor();
    while (cursor.next()) {
      cursor.remove();
      visits++;
    }

    assertEquals(all.size(), visits);
    assertTrue(map.isEmpty());
    for (long handle : all.keySet()) {
      assertFalse(map.contains(handle));
    }
    long fresh = map.insert(1, 1L);
    assertEquals(fresh, map.find(1));
  }

  @Test
  void accessorsBeforeNextThrowIllegalState() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 3);

    var cursor = map.cursor();

    assertAllAccessorsThrowIllegalState(
        cursor::handle, cursor::key, cursor::value, () -> cursor.setValue(1L), cursor::remove);
    assertEquals(3, map.size());
  }

  @Test
  void accessorsAfterExhaustionThrowIllegalState() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 3);

    var cursor = map.cursor();
    while (cursor.next()) {
      cursor.key();
    }

    assertAllAccessorsThrowIllegalState(
        cursor::handle, cursor::key, cursor::value, () -> cursor.setValue(1L), cursor::remove);
    assertEquals(3, map.size());
  }

  @Test
  void accessorsAfterRemoveThrowIllegalStateUntilNext() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 3);

    var cursor = map.cursor();
    assertTrue(cursor.next());
    cursor.remove();

    assertAllAccessorsThrowIllegalState(
        cursor::handle, cursor::key, cursor::value, () -> cursor.setValue(1L), cursor::remove);
    assertEquals(2, map.size(), "the second remove() removed nothing");
    assertTrue(cursor.next(), "iteration goes on after remove()");
    assertTrue(map.contains(cursor.handle()));
  }

  @Test
  void insertDuringIterationMakesNextThrow() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 3);

    var cursor = map.cursor();
    assertTrue(cursor.next());
    map.insert(1000, 1L);

    assertThrows(ConcurrentModificationException.class, cursor::next);
  }

  @Test
  void removeByHandleDuringIterationMakesNextThrow() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 3);

    var cursor = map.cursor();
    assertTrue(cursor.next());
    map.remove(cursor.handle());

    assertThrows(ConcurrentModificationException.class, cursor::next);
  }

  @Test
  void clearDuringIterationMakesNextThrow() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 3);

    var cursor = map.cursor();
    assertTrue(cursor.next());
    map.clear();

    assertThrows(ConcurrentModificationException.class, cursor::next);
  }

  @Test
  void removeThroughAnotherCursorMakesNextThrow() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 3);

    var first = map.cursor();
    var second = map.cursor();
    assertTrue(first.next());
    assertTrue(second.next());
    first.remove();

    assertThrows(ConcurrentModificationException.class, second::next);
  }

  @Test
  void nonStructuralChangesDuringIterationAreAllowed() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, COUNT);

    int visits = 0;
    var cursor = map.cursor();
    while (cursor.next()) {
      map.setValue(cursor.handle(), 1L);
      map.find(cursor.key());
      map.tryInsert(cursor.key(), 2L); // a duplicate: no change
      visits++;
    }

    assertEquals(COUNT, visits);
  }

  @Test
  void cursorsOfGenericMapsWork() {
    ObjIntHandleHashMap<String> map = new ObjIntHandleHashMap<>();
    map.insert("a", 1);
    map.insert("bb", 2);
    map.insert("ccc", 3);

    Map<String, Integer> visited = new HashMap<>();
    var cursor = map.cursor();
    while (cursor.next()) {
      String key = cursor.key();
      visited.put(key, cursor.value());
      if (key.equals("bb")) {
        cursor.remove();
      }
    }

    assertEquals(Map.of("a", 1, "bb", 2, "ccc", 3), visited);
    assertEquals(2, map.size());
    assertFalse(map.containsKey("bb"));
  }

  @Test
  void forEachVisitsEveryEntryOnce() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    Map<Long, Integer> expected = fill(map, COUNT);

    Map<Long, Integer> visited = new HashMap<>();
    map.forEach(
        (handle, key, value) -> {
          assertEquals(null, visited.put(handle, key), "visited twice: " + key);
          assertEquals(valueOf(key), value);
        });

    assertEquals(expected, visited);
  }

  @Test
  void forEachOnEmptyMapVisitsNothing() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    List<Integer> visited = new ArrayList<>();

    map.forEach((handle, key, value) -> visited.add(key));

    assertTrue(visited.isEmpty());
  }

  @Test
  void forEachAllowsSetValue() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, COUNT);

    map.forEach((handle, key, value) -> map.setValue(handle, value + 1));

    for (int key = 0; key < COUNT; key++) {
      assertEquals(valueOf(key) + 1, map.getOrDefault(key, 0L));
    }
  }

  @Test
  void insertInsideForEachThrowsConcurrentModification() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 10);
    int[] nextKey = {1000};

    assertThrows(
        ConcurrentModificationException.class,
        () -> map.forEach((handle, key, value) -> map.insert(nextKey[0]++, 0L)));
  }

  @Test
  void removeInsideForEachThrowsConcurrentModification() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    fill(map, 10);

    assertThrows(
        ConcurrentModificationException.class,
        () -> map.forEach((handle, key, value) -> map.remove(handle)));
  }

  @Test
  void genericForEachReceivesKeysAndValues() {
    ObjIntHandleHashMap<String> map = new ObjIntHandleHashMap<>();
    long a = map.insert("a", 1);
    long b = map.insert("b", 2);

    Map<Long, String> visited = new HashMap<>();
    map.forEach((handle, key, value) -> visited.put(handle, key + "=" + value));

    assertEquals(Map.of(a, "a=1", b, "b=2"), visited);
  }

  /** Inserts keys {@code 0..count-1}; returns handle to key. */
  private static Map<Long, Integer> fill(IntLongHandleHashMap map, int count) {
    Map<Long, Integer> handles = new HashMap<>();
    for (int key = 0; key < count; key++) {
      handles.put(map.insert(key, valueOf(key)), key);
    }
    return handles;
  }

  private static Map<Long, Integer> visitWithCursor(IntLongHandleHashMap map) {
    Map<Long, Integer> visited = new HashMap<>();
    var cursor = map.cursor();
    while (cursor.next()) {
      assertEquals(null, visited.put(cursor.handle(), cursor.key()));
      assertEquals(valueOf(cursor.key()), cursor.value());
    }
    return visited;
  }

  private static void assertAllAccessorsThrowIllegalState(Executable... accessors) {
    for (Executable accessor : accessors) {
      assertThrows(IllegalStateException.class, accessor);
    }
  }

  private static long valueOf(int key) {
    return key * 7L + 1;
  }
}
