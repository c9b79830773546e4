package dev.rchashmap.tests.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.tests.layers.IntIntCountedHashMap;
import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.IntLongRcHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A removal cascade delivers every queued removal to the listener, whatever the listener throws
 * (SPEC 7.4): the same exception object twice (a cached exception, or the JVM's preallocated
 * {@code NullPointerException}), a checked exception thrown sneakily. And the queue keeps only
 * what is pending.
 */
class CascadeFailureTest {

  /** The repro: on key 1 release h2, on key 2 release h3, and always throw one object. */
  @Test
  void theSameExceptionObjectThrownTwiceLosesNoRemoval() {
    IllegalStateException shared = new IllegalStateException("one cached exception");
    List<Integer> seen = new ArrayList<>();
    long[] handles = new long[4];
    AtomicReference<IntLongCountedHashMap> self = new AtomicReference<>();
    self.set(
        IntLongCountedHashMap.builder()
            .removalListener(
                (key, value) -> {
                  seen.add(key);
                  if (key < 3) {
                    self.get().release(handles[key + 1]);
                  }
                  throw shared;
                })
            .build());
    IntLongCountedHashMap map = self.get();
    for (int key = 1; key <= 3; key++) {
      handles[key] = map.insert(key, key);
    }

    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> map.release(handles[1]));

    assertSame(shared, thrown);
    assertEquals(List.of(1, 2, 3), seen, "key 3 must still reach the listener");
    assertEquals(0, thrown.getSuppressed().length, "an exception is not suppressed onto itself");
    assertTrue(map.isEmpty());
  }

  @Test
  void aSneakyCheckedExceptionLosesNoRemovalAndPropagatesAsItIs() {
    Exception checked = new Exception("checked, thrown sneakily");
    List<Integer> seen = new ArrayList<>();
    long[] handles = new long[3];
    AtomicReference<IntLongCountedHashMap> self = new AtomicReference<>();
    self.set(
        IntLongCountedHashMap.builder()
            .removalListener(
                (key, value) -> {
                  seen.add(key);
                  if (key == 1) {
                    self.get().release(handles[2]);
                    throw CascadeFailureTest.<RuntimeException>sneaky(checked);
                  }
                })
            .build());
    IntLongCountedHashMap map = self.get();
    handles[1] = map.insert(1, 10L);
    handles[2] = map.insert(2, 20L);

    Exception thrown = assertThrows(Exception.class, () -> map.release(handles[1]));

    assertSame(checked, thrown);
    assertEquals(List.of(1, 2), seen);
    assertTrue(map.isEmpty());
  }

  /** In the Rc layer a lost removal would also keep the storage alive: onDispose must run. */
  @Test
  void rcCascadeDisposesTheStorageWhateverTheListenerThrows() {
    IllegalStateException shared = new IllegalStateException("one cached exception");
    List<String> events = new ArrayList<>();
    List<IntLongRcHashMap.Ref> chain = new ArrayList<>();
    IntLongRcHashMap map =
        IntLongRcHashMap.builder()
            .removalListener(
                (key, value) -> {
                  events.add("removed " + key);
                  if (key + 1 < chain.size()) {
                    chain.get(key + 1).close();
                  }
                  throw shared;
                })
            .onDispose(() -> events.add("disposed"))
            .build();
    for (int key = 0; key < 4; key++) {
      chain.add(map.insert(key, key));
    }
    map.close();

    assertSame(shared, assertThrows(IllegalStateException.class, () -> chain.get(0).close()));

    assertEquals(List.of("removed 0", "removed 1", "removed 2", "removed 3", "disposed"), events);
  }

  /**
   * A chain of a million releases has one removal pending at a time: the queue must not grow with
   * the chain, and keeps nothing long afterwards.
   */
  @Test
  void aLongChainKeepsTheQueueShort() {
    int n = 1_000_000;
    int[] longestQueue = {0};
    AtomicReference<IntIntCountedHashMap> self = new AtomicReference<>();
    long[] handles = new long[n];
    self.set(
        IntIntCountedHashMap.builder()
            .expectedSize(n)
            .removalListener(
                (key, next) -> {
                  if (next < n) {
                    self.get().release(handles[next]);
                  }
                  Object queue = Internals.get(self.get(), "pendingKeys");
                  longestQueue[0] = Math.max(longestQueue[0], queue == null ? 0 : ((int[]) queue).length);
                })
            .build());
    IntIntCountedHashMap map = self.get();
    for (int key = 0; key < n; key++) {
      handles[key] = map.insert(key, key + 1);
    }

    map.release(handles[0]);

    assertTrue(map.isEmpty());
    assertTrue(longestQueue[0] <= 8, "the queue grew to " + longestQueue[0]);
  }

  /** A wide cascade queues many removals at once; the long queue is dropped after it. */
  @Test
  void aWideCascadeDropsItsLongQueueAfterwards() {
    int children = 10_000;
    List<Integer> seen = new ArrayList<>();
    long[] handles = new long[children + 1];
    AtomicReference<IntIntCountedHashMap> self = new AtomicReference<>();
    self.set(
        IntIntCountedHashMap.builder()
            .removalListener(
                (key, value) -> {
                  seen.add(key);
                  if (key == 0) {
                    for (int child = 1; child <= children; child++) {
                      self.get().release(handles[child]);
                    }
                  }
                })
            .build());
    IntIntCountedHashMap map = self.get();
    for (int key = 0; key <= children; key++) {
      handles[key] = map.insert(key, key);
    }

    map.release(handles[0]);

    assertEquals(children + 1, seen.size());
    for (int key = 0; key <= children; key++) {
      assertEquals(key, seen.get(key), "first in, first out");
    }
    Object queue = Internals.get(map, "pendingKeys");
    assertTrue(queue == null || ((int[]) queue).length <= 16, "a long queue is kept after the cascade");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
