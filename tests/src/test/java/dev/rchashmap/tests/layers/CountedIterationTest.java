package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.StaleHandleException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Iteration of {@code CountedHashMap} ({@code cursor()}, {@code forEach}): every entry once, no
 * count changes, and the removal policy: by slot, tolerating removals, so an entry live for the
 * whole iteration is visited exactly once and one removed before it is reached is not visited.
 */
class CountedIterationTest {

  private static final int N = 1_000;

  @Test
  void cursorVisitsEveryEntryOnceAndReportsItsCountWithoutChangingIt() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long[] handles = new long[N];
    for (int key = 0; key < N; key++) {
      handles[key] = map.insert(key, key * 3L);
      for (int extra = 0; extra < key % 5; extra++) {
        map.retain(handles[key]);
      }
    }
    assertEquals(N, map.size());

    Set<Integer> visited = new HashSet<>();
    int steps = 0;
    IntLongCountedHashMap.Cursor cursor = map.cursor();
    while (cursor.next()) {
      steps++;
      int key = cursor.key();
      assertTrue(visited.add(key), "visited twice: " + key);
      assertEquals(handles[key], cursor.handle());
      assertEquals(key * 3L, cursor.value());
      assertEquals(1 + key % 5, cursor.refCount());
      cursor.setValue(-key);
    }
    assertFalse(cursor.next(), "an exhausted cursor stays exhausted");
    assertEquals(N, steps);
    assertEquals(N, visited.size());
    for (int key = 0; key < N; key++) {
      assertEquals(1 + key % 5, map.refCount(handles[key]), "iteration must not count");
      assertEquals(-key, map.value(handles[key]), "cursor.setValue must write through");
    }
  }

  @Test
  void forEachVisitsEveryEntryOnceWithoutCounting() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long[] handles = new long[N];
    for (int key = 0; key < N; key++) {
      handles[key] = map.insert(key, key + 1L);
    }
    Set<Integer> visited = new HashSet<>();
    long[] sum = {0};
    map.forEach(
        (handle, key, value) -> {
          assertEquals(handles[key], handle);
          assertEquals(key + 1L, value);
          assertTrue(visited.add(key));
          sum[0] += value;
        });
    assertEquals(N, visited.size());
    assertEquals((long) N * (N + 1) / 2, sum[0]);
    for (long handle : handles) {
      assertEquals(1, map.refCount(handle));
    }
  }

  @Test
  void cursorOnAnEmptiedEntryRejectsAccessButMovesOn() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    map.insert(1, 10L);
    map.insert(2, 20L);
    IntLongCountedHashMap.Cursor cursor = map.cursor();
    assertThrows(IllegalStateException.class, cursor::handle, "no current entry before next()");
    assertTrue(cursor.next());
    long current = cursor.handle();
    assertTrue(map.release(current));
    assertThrows(StaleHandleException.class, cursor::key);
    assertThrows(StaleHandleException.class, cursor::value);
    assertThrows(StaleHandleException.class, cursor::refCount);
    assertThrows(StaleHandleException.class, () -> cursor.setValue(0L));
    assertTrue(cursor.next());
    assertEquals(1, map.size());
    assertTrue(map.containsKey(cursor.key()));
    assertFalse(cursor.next());
  }

  /** How the two iteration styles are driven by the same test. */
  private interface Iteration {
    void run(IntIntCountedHashMap map, IntIntCountedHashMap.EntryConsumer body);
  }

  @Test
  void cursorToleratesRemovalsCausedByListeners() {
    checkRemovalPolicy(
        (map, body) -> {
          IntIntCountedHashMap.Cursor cursor = map.cursor();
          while (cursor.next()) {
            body.accept(cursor.handle(), cursor.key(), cursor.value());
          }
        });
  }

  @Test
  void forEachToleratesRemovalsCausedByListeners() {
    checkRemovalPolicy(IntIntCountedHashMap::forEach);
  }

  /**
   * Each entry has count 1 and its value names a partner half the map away. Visiting an entry
   * whose key is a multiple of 3 releases it; its listener releases the partner if still there.
   * Partners are removed both before and after the iteration reaches them.
   */
  private static void checkRemovalPolicy(Iteration iteration) {
    long[] handles = new long[N];
    Set<Integer> removed = new HashSet<>();
    AtomicReference<IntIntCountedHashMap> self = new AtomicReference<>();
    self.set(
        IntIntCountedHashMap.builder()
            .removalListener(
                (key, partner) -> {
                  assertTrue(removed.add(key));
                  if (self.get().contains(handles[partner])) {
                    self.get().release(handles[partner]);
                  }
                })
            .build());
    IntIntCountedHashMap map = self.get();
    for (int key = 0; key < N; key++) {
      handles[key] = map.insert(key, (key + N / 2) % N);
    }
    assertEquals(N, map.size());

    Set<Integer> visited = new HashSet<>();
    int[] steps = {0};
    iteration.run(
        map,
        (handle, key, partner) -> {
          steps[0]++;
          assertTrue(visited.add(key), "visited twice: " + key);
          assertFalse(removed.contains(key), "visited after removal: " + key);
          assertTrue(map.contains(handle));
          assertEquals(handles[key], handle);
          if (key % 3 == 0) {
            assertTrue(map.release(handle));
          }
        });

    assertEquals(visited.size(), steps[0]);
    assertTrue(steps[0] > 0);
    for (int key = 0; key < N; key++) {
      if (!removed.contains(key)) {
        assertTrue(visited.contains(key), "live throughout but not visited: " + key);
        assertTrue(map.contains(handles[key]));
      }
    }
    Set<Integer> removedUnvisited = new HashSet<>(removed);
    removedUnvisited.removeAll(visited);
    assertFalse(removedUnvisited.isEmpty(), "the test must remove entries before they are reached");
    assertEquals(N - removed.size(), map.size());
    assertEquals(N, visited.size() + removedUnvisited.size());
  }
}
