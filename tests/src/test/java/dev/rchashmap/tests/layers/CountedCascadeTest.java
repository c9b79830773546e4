package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Removal listeners of {@code CountedHashMap} that release other entries (cascades), and
 * listeners that throw.
 *
 * <p>Documented order: a removal caused by a listener is unlinked at once but its listener call
 * is queued and runs after the current listener returns, first in first out. A cascade therefore
 * notifies in breadth-first order and never nests listener calls.
 */
class CountedCascadeTest {

  /**
   * A diamond DAG whose values hold the handles of their children: r to a and b, a and b to c, c
   * to d. Releasing r releases everything, each node exactly once, in breadth-first order, and c
   * only when both of its parents are gone.
   */
  @Test
  void valueDagCascadeRemovesEveryNodeOnceInBreadthFirstOrder() {
    List<String> order = new ArrayList<>();
    AtomicReference<StringObjCountedHashMap<long[]>> self = new AtomicReference<>();
    int[] depth = {0};
    int[] maxDepth = {0};
    self.set(
        StringObjCountedHashMap.<long[]>builder()
            .removalListener(
                (key, children) -> {
                  depth[0]++;
                  maxDepth[0] = Math.max(maxDepth[0], depth[0]);
                  order.add(key);
                  assertFalse(self.get().containsKey(key));
                  for (long child : children) {
                    self.get().release(child);
                  }
                  depth[0]--;
                })
            .build());
    StringObjCountedHashMap<long[]> map = self.get();
    long d = map.insert("d", new long[0]);
    long c = map.insert("c", new long[] {d});
    long a = map.insert("a", new long[] {c});
    long b = map.insert("b", new long[] {map.retain(c)});
    long r = map.insert("r", new long[] {a, b});
    long unrelated = map.insert("unrelated", new long[0]);
    assertEquals(2, map.refCount(c));
    assertEquals(6, map.size());

    assertTrue(map.release(r));

    assertEquals(List.of("r", "a", "b", "c", "d"), order);
    assertEquals(1, maxDepth[0], "listener calls must not nest");
    assertEquals(1, map.size());
    assertTrue(map.contains(unrelated));
    for (long gone : new long[] {r, a, b, c, d}) {
      assertFalse(map.contains(gone));
    }
  }

  /**
   * A chain of 100 000 keys, each entry's value naming the next key to release. Releasing the head
   * removes the whole chain; were listener calls nested this would need 100 000 nested frames
   * (a {@link StackOverflowError} on a default stack). The listener checks that it never runs
   * inside another listener call.
   */
  @Test
  void keyChainCascadeOfOneHundredThousandEntriesUsesConstantStack() {
    int n = 100_000;
    long[] handles = new long[n];
    int[] order = new int[n + 1];
    int[] calls = {0};
    int[] depth = {0};
    int[] maxDepth = {0};
    AtomicReference<IntIntCountedHashMap> self = new AtomicReference<>();
    self.set(
        IntIntCountedHashMap.builder()
            .removalListener(
                (key, next) -> {
                  depth[0]++;
                  maxDepth[0] = Math.max(maxDepth[0], depth[0]);
                  order[calls[0]++] = key;
                  if (next >= 0) {
                    // Released now, notified after this call returns.
                    assertTrue(self.get().release(handles[next]));
                    assertFalse(self.get().containsKey(next));
                  }
                  depth[0]--;
                })
            .build());
    IntIntCountedHashMap map = self.get();
    for (int key = 0; key < n; key++) {
      handles[key] = map.insert(key, key - 1);
    }
    assertEquals(n, map.size());

    assertTrue(map.release(handles[n - 1]));

    assertEquals(n, calls[0]);
    assertEquals(1, maxDepth[0], "listener calls must not nest");
    assertEquals(0, map.size());
    assertTrue(map.isEmpty());
    int[] expected = new int[n];
    for (int i = 0; i < n; i++) {
      expected[i] = n - 1 - i;
    }
    assertArrayEquals(expected, Arrays.copyOf(order, n), "the chain is notified head first");
    // The map works normally afterwards (the listener is told directly again).
    long fresh = map.insert(7, -1);
    assertTrue(map.release(fresh));
    assertEquals(n + 1, calls[0]);
    assertEquals(7, order[n]);
  }

  @Test
  void throwingListenerStillRemovesTheEntryAndPropagates() {
    IllegalStateException boom = new IllegalStateException("listener failed");
    List<Integer> told = new ArrayList<>();
    IntLongCountedHashMap map =
        IntLongCountedHashMap.builder()
            .removalListener(
                (key, value) -> {
                  told.add(key);
                  if (key == 1) {
                    throw boom;
                  }
                })
            .build();
    long failing = map.insert(1, 10L);
    long other = map.insert(2, 20L);

    assertSame(boom, assertThrows(IllegalStateException.class, () -> map.release(failing)));

    assertEquals(List.of(1), told);
    assertFalse(map.containsKey(1));
    assertFalse(map.contains(failing));
    assertEquals(1, map.size());
    assertEquals(1, map.refCount(other));
    // Consistent and usable: the key can come back, and the next removal is told normally.
    long again = map.insert(1, 11L);
    assertEquals(again, map.find(1));
    assertEquals(2, map.refCount(again));
    assertTrue(map.release(other));
    assertEquals(List.of(1, 2), told);
  }

  /**
   * The root's listener releases a and b, then throws; a's listener throws too. Both queued calls
   * still run, the first exception propagates with the second suppressed, and every entry has
   * left.
   */
  @Test
  void queuedListenerCallsRunEvenWhenOneThrowsAndTheFirstExceptionPropagates() {
    RuntimeException rootFailure = new RuntimeException("root listener");
    RuntimeException aFailure = new IllegalArgumentException("a listener");
    List<String> told = new ArrayList<>();
    AtomicReference<StringObjCountedHashMap<long[]>> self = new AtomicReference<>();
    self.set(
        StringObjCountedHashMap.<long[]>builder()
            .removalListener(
                (key, children) -> {
                  told.add(key);
                  for (long child : children) {
                    self.get().release(child);
                  }
                  if (key.equals("root")) {
                    throw rootFailure;
                  }
                  if (key.equals("a")) {
                    throw aFailure;
                  }
                })
            .build());
    StringObjCountedHashMap<long[]> map = self.get();
    long c = map.insert("c", new long[0]);
    long a = map.insert("a", new long[] {c});
    long b = map.insert("b", new long[0]);
    long root = map.insert("root", new long[] {a, b});
    long kept = map.insert("kept", new long[0]);

    RuntimeException thrown = assertThrows(RuntimeException.class, () -> map.release(root));

    assertSame(rootFailure, thrown);
    assertEquals(1, thrown.getSuppressed().length);
    assertSame(aFailure, thrown.getSuppressed()[0]);
    assertEquals(List.of("root", "a", "b", "c"), told);
    assertEquals(1, map.size());
    assertTrue(map.contains(kept));
    for (long gone : new long[] {root, a, b, c}) {
      assertFalse(map.contains(gone));
    }
    // Not stuck in "notifying": the next removal is told at once, not queued forever.
    assertTrue(map.release(kept));
    assertEquals(List.of("root", "a", "b", "c", "kept"), told);
    assertTrue(map.isEmpty());
  }

  @Test
  void errorsFromTheListenerPropagateAfterTheQueueDrains() {
    AssertionError failure = new AssertionError("listener error");
    Map<Integer, Integer> told = new java.util.HashMap<>();
    long[] handles = new long[3];
    AtomicReference<IntIntCountedHashMap> self = new AtomicReference<>();
    self.set(
        IntIntCountedHashMap.builder()
            .removalListener(
                (key, next) -> {
                  told.merge(key, 1, Integer::sum);
                  if (next >= 0) {
                    self.get().release(handles[next]);
                  }
                  if (key == 2) {
                    throw failure;
                  }
                })
            .build());
    IntIntCountedHashMap map = self.get();
    for (int key = 0; key < 3; key++) {
      handles[key] = map.insert(key, key - 1);
    }
    assertSame(failure, assertThrows(AssertionError.class, () -> map.release(handles[2])));
    assertEquals(Map.of(0, 1, 1, 1, 2, 1), told);
    assertTrue(map.isEmpty());
  }
}
