package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.MapClosedException;
import dev.rchashmap.testkit.Gen;
import dev.rchashmap.tests.model.Coverage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs an operation list against an {@code int}-to-{@code long} {@code RcHashMap} and a model
 * (the value of each key, how many open {@code Ref}s reach it, which {@code Ref}s are open or
 * closed), then closes every open {@code Ref} and the map in a random order. Each {@link RcOp}
 * changes map and model and checks the map's answers; this class checks, after every step:
 *
 * <ul>
 *   <li>the removal listener's and the on-dispose callback's calls of the step, in order: the
 *       map holds exactly the keys with open {@code Ref}s (the seed's liveness property);
 *   <li>size and emptiness;
 *   <li>a rotating window of open {@code Ref}s (key, value, count), of keys of the domain
 *       ({@code containsKey}) and of closed {@code Ref}s (closed), or all of them while there
 *       are fewer than {@value #SMALL}; and {@code key()} of a closed {@code Ref}, which must
 *       throw, every step while the map is small and every {@value #THROWING_EVERY}th step after;
 *   <li>everything, every {@value #FULL_CHECK_EVERY} steps and at the end.
 * </ul>
 *
 * @param <R> the {@code Ref} type
 */
final class RcRun<R> {

  /** Steps between two full checks. */
  static final int FULL_CHECK_EVERY = 1000;

  /** Below this many entries plus open and closed Refs, every step checks all of them. */
  static final int SMALL = 48;
  private static final int OPEN_WINDOW = 4;
  private static final int KEY_WINDOW = 2;
  private static final int CLOSED_KEPT = 4096;
  private static final int THROWING_SAMPLE = 32;

  /** Steps between two calls on a closed Ref that must throw (exceptions are costly). */
  private static final int THROWING_EVERY = 8;

  /** A Ref with the key it was made for. */
  record Held<R>(R ref, int key) {}

  private final LayerAdapters.Rc<R> map;
  private final int keys;
  private final List<String> events = new ArrayList<>();
  private final List<String> expected = new ArrayList<>();
  private final Map<Integer, Long> values = new HashMap<>();
  private final Map<Integer, Integer> openRefs = new HashMap<>();
  private final List<Held<R>> open = new ArrayList<>();
  private final List<Held<R>> closed = new ArrayList<>();
  private int closedCount;
  private final Coverage coverage = new Coverage();
  private int step;
  private int openCursor;
  private int keyCursor;
  private int closedCursor;
  private Object lastOp;

  private RcRun(BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<R>> newMap, int keys) {
    this.map =
        newMap.apply((key, value) -> events.add(key + "=" + value), () -> events.add("disposed"));
    this.keys = keys;
  }

  /**
   * Runs {@code ops} on a new map, then closes the open {@code Ref}s in an order drawn from
   * {@code shuffleSeed} and the map itself after {@code closeAtPick} (modulo their number + 1)
   * of them. Keys of the operations are {@code 0..keys-1}.
   *
   * @return what the run reached
   */
  static <R> Coverage check(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<R>> newMap,
      int keys,
      List<RcOp> ops,
      long shuffleSeed,
      int closeAtPick) {
    RcRun<R> run = new RcRun<>(newMap, keys);
    run.checkAll(true);
    for (RcOp op : ops) {
      run.lastOp = op;
      op.applyTo(run);
      run.afterStep(true);
    }
    run.checkAll(true);
    run.closeEverything(shuffleSeed, closeAtPick);
    return run.coverage;
  }

  // ---------------------------------------------------------------------------------------------
  // What operations use

  LayerAdapters.Rc<R> map() {
    return map;
  }

  boolean present(int key) {
    return values.containsKey(key);
  }

  /** An open Ref chosen by {@code pick}, or {@code null} when none is open. */
  Held<R> pickOpen(int pick) {
    return open.isEmpty() ? null : open.get(pick % open.size());
  }

  /** A closed Ref chosen by {@code pick}, or {@code null} when none was closed. */
  Held<R> pickClosed(int pick) {
    return closed.isEmpty() ? null : closed.get(pick % closed.size());
  }

  /** The map has made the first Ref of a new entry. */
  void inserted(R ref, int key, long value) {
    coverage.issued(map.handle(ref));
    values.put(key, value);
    openRefs.put(key, 1);
    open.add(new Held<>(ref, key));
  }

  /** The map has made another Ref to the entry of {@code key}. */
  void anotherRef(R ref, int key) {
    openRefs.merge(key, 1, Integer::sum);
    open.add(new Held<>(ref, key));
  }

  /** The model's value of {@code key}, or {@code null} when no open Ref reaches it. */
  Long value(int key) {
    return values.get(key);
  }

  /** The value of {@code key} is now {@code value}. */
  void valueSet(int key, long value) {
    values.put(key, value);
  }

  /** Closes the open Ref chosen by {@code pick}, expecting the entry to leave with its last. */
  void close(int pick) {
    int index = pick % open.size();
    Held<R> held = open.get(index);
    Held<R> last = open.remove(open.size() - 1);
    if (index < open.size()) {
      open.set(index, last);
    }
    int left = openRefs.merge(held.key(), -1, Integer::sum);
    if (left == 0) {
      openRefs.remove(held.key());
      expected.add(held.key() + "=" + values.remove(held.key()));
    }
    map.close(held.ref());
    if (closed.size() < CLOSED_KEPT) {
      closed.add(held);
    } else {
      closed.set(closedCount % CLOSED_KEPT, held);
    }
    closedCount++;
  }

  int openCount() {
    return open.size();
  }

  // ---------------------------------------------------------------------------------------------
  // The final phase: close everything

  private void closeEverything(long shuffleSeed, int closeAtPick) {
    List<Held<R>> order = new Gen(shuffleSeed).shuffle(open);
    Collections.reverse(order);
    open.clear();
    open.addAll(order); // closing the last open Ref each time follows the shuffled order
    int total = open.size();
    int closeAt = Math.floorMod(closeAtPick, total + 1);
    boolean disposeExpected = false;
    for (int action = 0; action <= total; action++) {
      lastOp = action == closeAt ? "map.close()" : "closing Ref " + action + " of " + total;
      if (action == closeAt) {
        assertFalse(map.isClosed());
        map.close();
        assertTrue(map.isClosed());
        assertThrows(MapClosedException.class, () -> map.find(0));
        assertThrows(MapClosedException.class, () -> map.insert(keys + 1, 0L));
      } else {
        close(open.size() - 1);
      }
      if (map.isClosed() && values.isEmpty() && !disposeExpected) {
        expected.add("disposed");
        disposeExpected = true;
      }
      afterStep(!map.isClosed());
    }
    checkAll(!map.isClosed());
    assertTrue(disposeExpected, "never disposed");
    assertTrue(map.isEmpty());
    map.close();
    assertEquals(List.of(), events, "disposed twice, or a listener call after the end");
  }

  // ---------------------------------------------------------------------------------------------
  // The checks

  private void afterStep(boolean mapOpen) {
    step++;
    coverage.step(values.size());
    assertEquals(
        expected, events, () -> "listener and dispose calls of " + lastOp
            + " (dispose too early or too late, or a listener call missing)");
    expected.clear();
    events.clear();
    assertEquals(values.size(), map.size(), "size");
    assertEquals(values.isEmpty(), map.isEmpty(), "isEmpty");
    if (step % FULL_CHECK_EVERY == 0) {
      checkAll(mapOpen);
      return;
    }
    boolean small = values.size() + open.size() + closed.size() < SMALL;
    if (small) {
      for (Held<R> held : open) {
        checkOpen(held);
      }
      for (int key = -1; key <= Math.min(keys, SMALL); key++) {
        checkContainsKey(key);
      }
      for (Held<R> held : closed) {
        assertTrue(map.isClosed(held.ref()), "isClosed of a closed Ref");
      }
    } else {
      for (int i = 0; i < OPEN_WINDOW && !open.isEmpty(); i++) {
        checkOpen(open.get(openCursor++ % open.size()));
      }
      for (int i = 0; i < KEY_WINDOW; i++) {
        checkContainsKey(keyCursor++ % (keys + 2) - 1);
      }
      if (!closed.isEmpty()) {
        Held<R> held = closed.get(closedCursor++ % closed.size());
        assertTrue(map.isClosed(held.ref()), "isClosed of a closed Ref");
      }
    }
    if (!closed.isEmpty() && (small || step % THROWING_EVERY == 0)) {
      Held<R> held = closed.get(closedCursor++ % closed.size());
      assertThrows(IllegalStateException.class, () -> map.key(held.ref()));
    }
  }

  private void checkAll(boolean mapOpen) {
    assertEquals(values.size(), map.size(), "size");
    assertEquals(values.isEmpty(), map.isEmpty(), "isEmpty");
    // The read-only view, both ways of equals, before the counts are checked: it makes no Ref.
    Map<Integer, Long> view = map.asMap();
    assertEquals(values, view, "asMap() against the model");
    assertEquals(view, values, "asMap() against the model, iterating the view");
    assertEquals(values.hashCode(), view.hashCode(), "asMap().hashCode()");
    assertThrows(UnsupportedOperationException.class, () -> view.put(keys, 1L));
    if (!values.isEmpty()) {
      int key = values.keySet().iterator().next();
      assertThrows(UnsupportedOperationException.class, () -> view.remove(key));
      assertThrows(UnsupportedOperationException.class, view::clear);
    }
    for (int key = -1; key <= keys; key++) {
      checkContainsKey(key);
    }
    if (!mapOpen) {
      assertThrows(MapClosedException.class, () -> map.find(0));
      assertThrows(MapClosedException.class, () -> map.insert(keys + 1, 0L));
    }
    Map<Integer, Integer> counted = new HashMap<>();
    for (Held<R> held : open) {
      counted.merge(held.key(), 1, Integer::sum);
      checkOpen(held);
    }
    assertEquals(openRefs, counted, "model: open Refs per key");
    int stride = Math.max(1, closed.size() / THROWING_SAMPLE);
    for (int i = 0; i < closed.size(); i++) {
      Held<R> held = closed.get(i);
      assertTrue(map.isClosed(held.ref()), "isClosed of a closed Ref");
      if (i % stride == 0) {
        assertThrows(IllegalStateException.class, () -> map.key(held.ref()));
      }
    }
  }

  private void checkOpen(Held<R> held) {
    int key = held.key();
    assertFalse(map.isClosed(held.ref()), () -> "isClosed of an open Ref to " + key);
    assertEquals(key, map.key(held.ref()), () -> "key of a Ref to " + key);
    assertEquals((long) values.get(key), map.value(held.ref()), () -> "value of " + key);
    assertEquals((int) openRefs.get(key), map.refCount(held.ref()), () -> "refCount of " + key);
  }

  private void checkContainsKey(int key) {
    assertEquals(values.containsKey(key), map.containsKey(key), () -> "containsKey " + key);
  }
}
