package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code RcHashMap.refs()} and {@code cursor()}: one new {@code Ref} per entry (unlike the Rust
 * original of {@code iter_returns_refs}, on a non-empty map, counting the loop's iterations), and
 * the removal policy of iteration.
 */
class RcIterationTest {

  private static final int N = 300;

  @Test
  void refsYieldsOneNewCountedRefPerEntry() {
    List<Integer> removed = new ArrayList<>();
    try (IntLongRcHashMap map =
        IntLongRcHashMap.builder().removalListener((key, value) -> removed.add(key)).build()) {
      Map<Integer, IntLongRcHashMap.Ref> originals = new HashMap<>();
      for (int key = 0; key < N; key++) {
        originals.put(key, map.insert(key, key * 7L));
      }
      assertEquals(N, map.size());

      List<IntLongRcHashMap.Ref> yielded = new ArrayList<>();
      Set<Integer> keys = new HashSet<>();
      int steps = 0;
      Iterator<IntLongRcHashMap.Ref> refs = map.refs();
      while (refs.hasNext()) {
        IntLongRcHashMap.Ref ref = refs.next();
        steps++;
        assertFalse(ref.isClosed());
        int key = ref.key(map);
        assertTrue(keys.add(key), "yielded twice: " + key);
        assertEquals(key * 7L, ref.value(map));
        assertTrue(originals.get(key).sameEntry(ref));
        assertNotSame(originals.get(key), ref);
        yielded.add(ref);
      }
      assertFalse(refs.hasNext());
      assertThrows(NoSuchElementException.class, refs::next);
      assertEquals(N, steps);
      assertEquals(N, keys.size());

      // Every yielded Ref holds its own count: with the originals closed, the entries stay.
      originals.values().forEach(IntLongRcHashMap.Ref::close);
      assertEquals(N, map.size());
      assertEquals(List.of(), removed);
      // And closing the yielded Refs removes them: they held exactly one count each.
      yielded.forEach(IntLongRcHashMap.Ref::close);
      assertEquals(0, map.size());
      assertEquals(N, removed.size());
    }
  }

  @Test
  void closingYieldedRefsLeavesCountsAsBefore() {
    List<Integer> removed = new ArrayList<>();
    try (IntLongRcHashMap map =
        IntLongRcHashMap.builder().removalListener((key, value) -> removed.add(key)).build()) {
      List<IntLongRcHashMap.Ref> originals = new ArrayList<>();
      for (int key = 0; key < N; key++) {
        originals.add(map.insert(key, key));
      }
      int steps = 0;
      for (Iterator<IntLongRcHashMap.Ref> it = map.refs(); it.hasNext(); ) {
        it.next().close();
        steps++;
      }
      assertEquals(N, steps);
      assertEquals(N, map.size(), "closing a yielded Ref must not take the original's count");
      assertEquals(List.of(), removed);
      for (IntLongRcHashMap.Ref original : originals) {
        original.close();
      }
      assertEquals(N, removed.size(), "each original was the last Ref");
    }
  }

  /**
   * Each entry has one Ref, and its value names a partner half the map away. While iterating, the
   * body closes the original Ref of every third entry, the last one, so the entry leaves (the
   * yielded Ref is closed first); the removal listener then closes the partner's original Ref,
   * which removes the partner, whether or not the iteration has reached it yet.
   */
  @Test
  void closingLastRefsOfOtherEntriesDuringRefsFollowsThePolicy() {
    Map<Integer, IntLongRcHashMap.Ref> originals = new HashMap<>();
    Set<Integer> removed = new HashSet<>();
    try (IntLongRcHashMap map =
        IntLongRcHashMap.builder()
            .removalListener(
                (key, partner) -> {
                  assertTrue(removed.add(key));
                  originals.get((int) partner).close(); // idempotent if already closed
                })
            .build()) {
      for (int key = 0; key < N; key++) {
        originals.put(key, map.insert(key, (key + N / 2) % N));
      }
      assertEquals(N, map.size());

      Set<Integer> visited = new HashSet<>();
      int steps = 0;
      Iterator<IntLongRcHashMap.Ref> refs = map.refs();
      while (refs.hasNext()) {
        IntLongRcHashMap.Ref ref = refs.next();
        steps++;
        int key = ref.key(map);
        assertTrue(visited.add(key), "visited twice: " + key);
        assertFalse(removed.contains(key), "visited after removal: " + key);
        assertTrue(map.containsKey(key));
        ref.close();
        if (key % 3 == 0) {
          originals.get(key).close();
          assertFalse(map.containsKey(key));
        }
      }

      assertEquals(visited.size(), steps);
      assertTrue(steps > 0);
      for (int key = 0; key < N; key++) {
        assertEquals(!removed.contains(key), map.containsKey(key));
        if (!removed.contains(key)) {
          assertTrue(visited.contains(key), "live throughout but not visited: " + key);
        }
      }
      Set<Integer> removedUnvisited = new HashSet<>(removed);
      removedUnvisited.removeAll(visited);
      assertFalse(removedUnvisited.isEmpty(), "the test must remove entries before they are reached");
      assertEquals(N, visited.size() + removedUnvisited.size());
      assertEquals(N - removed.size(), map.size());
      originals.values().forEach(IntLongRcHashMap.Ref::close);
      assertTrue(map.isEmpty());
    }
  }

  @Test
  void cursorReadsAndWritesWithoutCountingAndMakesRefsOnRequest() {
    List<Integer> removed = new ArrayList<>();
    try (IntLongRcHashMap map =
        IntLongRcHashMap.builder().removalListener((key, value) -> removed.add(key)).build()) {
      List<IntLongRcHashMap.Ref> originals = new ArrayList<>();
      for (int key = 0; key < N; key++) {
        originals.add(map.insert(key, key));
      }
      Set<Integer> keys = new HashSet<>();
      List<IntLongRcHashMap.Ref> made = new ArrayList<>();
      IntLongRcHashMap.Cursor cursor = map.cursor();
      int steps = 0;
      while (cursor.next()) {
        steps++;
        int key = cursor.key();
        assertTrue(keys.add(key));
        assertEquals(key, cursor.value());
        cursor.setValue(key + 1_000L);
        if (key % 10 == 0) {
          IntLongRcHashMap.Ref ref = cursor.ref();
          assertTrue(originals.get(key).sameEntry(ref));
          made.add(ref);
        }
      }
      assertEquals(N, steps);
      for (IntLongRcHashMap.Ref original : originals) {
        assertEquals(original.key() + 1_000L, original.value());
        original.close();
      }
      // Only the entries the cursor made Refs for are left: reading counted nothing.
      assertEquals(N / 10, map.size());
      assertEquals(N - N / 10, removed.size());
      made.forEach(IntLongRcHashMap.Ref::close);
      assertTrue(map.isEmpty());
    }
  }
}
