package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import dev.rchashmap.tests.model.Coverage;
import dev.rchashmap.tests.model.Picks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/**
 * Runs an operation list against an {@code int}-to-{@code long} {@code CountedHashMap} and a
 * model: a {@link HashMap} from key to handle, value and count. Each {@link CountedOp} changes
 * both and checks the map's answers; this class holds the model and checks, after every step:
 *
 * <ul>
 *   <li>the removal listener's calls of the step, in order;
 *   <li>size and emptiness;
 *   <li>a rotating window of live entries (contains, key, value, count), of keys of the domain
 *       ({@code containsKey}) and of stale handles ({@code contains} false), or all of them and
 *       the counts read by a cursor while there are fewer than {@value #SMALL}; and one of
 *       {@code refCount}, {@code retain}, {@code release}, {@code value} of a stale handle, which
 *       must throw {@link StaleHandleException}, every step while the map is small and every
 *       {@value #THROWING_EVERY}th step after;
 *   <li>everything, every {@value #FULL_CHECK_EVERY} steps and at the end: every live entry, the
 *       counts read by a cursor, every key of the domain, every retained stale handle, and every
 *       accessor of a sample of them.
 * </ul>
 *
 * <p>Accessors that must throw are sampled rather than tried every time: under JUnit each
 * exception costs tens of microseconds of stack trace.
 */
final class CountedRun {

  /** Steps between two full checks. */
  static final int FULL_CHECK_EVERY = 1000;

  /** Below this many live entries plus stale handles, every step checks all of them. */
  static final int SMALL = 48;
  private static final int LIVE_WINDOW = 4;
  private static final int KEY_WINDOW = 2;
  private static final int STALE_WINDOW = 8;
  private static final int STALE_KEPT = 4096;
  private static final int THROWING_SAMPLE = 32;
  private static final int FINAL_SAMPLE = 256;

  /** Steps between two accessor calls that must throw. */
  static final int THROWING_EVERY = 8;

  /** The model's view of one entry. */
  static final class Entry {
    final long handle;
    long value;
    int count = 1;

    Entry(long handle, long value) {
      this.handle = handle;
      this.value = value;
    }
  }

  private final LayerAdapters.Counted map;
  private final int keys;
  private final List<String> removals = new ArrayList<>();
  private final List<String> expectedRemovals = new ArrayList<>();
  private final Map<Integer, Entry> model = new HashMap<>();
  private final Picks<Integer> liveKeys = new Picks<>();
  private final long[] staleHandles = new long[STALE_KEPT];
  private int staleCount;
  private final Coverage coverage = new Coverage();
  private int step;
  private int liveCursor;
  private int keyCursor;
  private int staleCursor;
  private Object lastOp;

  private CountedRun(Function<LayerAdapters.Listener, LayerAdapters.Counted> newMap, int keys) {
    this.map = newMap.apply((key, value) -> removals.add(key + "=" + value));
    this.keys = keys;
  }

  /**
   * Runs {@code ops} on a new map made by {@code newMap} with a listener that records removals.
   * Keys of the operations are {@code 0..keys-1}.
   *
   * @return what the run reached
   */
  static Coverage check(
      Function<LayerAdapters.Listener, LayerAdapters.Counted> newMap, int keys,
      List<CountedOp> ops) {
    CountedRun run = new CountedRun(newMap, keys);
    run.checkAll();
    for (CountedOp op : ops) {
      run.lastOp = op;
      op.applyTo(run);
      run.afterStep();
    }
    run.checkAll();
    List<Long> stale = run.staleList();
    for (int i = 0; i < stale.size(); i += Math.max(1, stale.size() / FINAL_SAMPLE)) {
      run.checkStaleFully(stale.get(i));
    }
    return run.coverage;
  }

  // ---------------------------------------------------------------------------------------------
  // What operations use

  LayerAdapters.Counted map() {
    return map;
  }

  /** The model entry of {@code key}, or {@code null}. */
  Entry entry(int key) {
    return model.get(key);
  }

  /** A live key chosen by {@code pick}, or {@code null} when the map is empty. */
  Integer pickLive(int pick) {
    return liveKeys.pick(pick);
  }

  /** The map has added {@code key} with {@code value} and count 1 under {@code handle}. */
  void added(int key, long value, long handle) {
    assertNotEquals(Handles.NONE, handle, () -> "handle of new key " + key);
    coverage.issued(handle);
    model.put(key, new Entry(handle, value));
    liveKeys.add(key);
  }

  /** The entry of {@code key} is about to leave: the listener must see it, once. */
  void expectRemoval(int key) {
    expectedRemovals.add(key + "=" + model.get(key).value);
  }

  /** The entry of {@code key} has left; its handle is stale from now on. */
  void removed(int key) {
    Entry entry = model.remove(key);
    liveKeys.remove(key);
    staleHandles[staleCount++ % STALE_KEPT] = entry.handle;
    assertFalse(map.contains(entry.handle), () -> "contains just-released " + key);
  }

  // ---------------------------------------------------------------------------------------------
  // The checks

  private void afterStep() {
    step++;
    coverage.step(model.size());
    assertEquals(expectedRemovals, removals, () -> "removal listener calls of " + lastOp);
    expectedRemovals.clear();
    removals.clear();
    assertEquals(model.size(), map.size(), "size");
    assertEquals(model.isEmpty(), map.isEmpty(), "isEmpty");
    int kept = Math.min(staleCount, STALE_KEPT);
    if (step % FULL_CHECK_EVERY == 0) {
      checkAll();
      return;
    }
    boolean small = model.size() + kept < SMALL;
    if (small) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (Map.Entry<Integer, Entry> e : model.entrySet()) {
        checkLive(e.getKey());
        counts.put(e.getKey(), e.getValue().count);
      }
      checkView();
      assertEquals(counts, map.countsByCursor(), "counts read by a cursor");
      for (int key = -1; key <= Math.min(keys, SMALL); key++) {
        checkContainsKey(key);
      }
      for (int i = 0; i < kept; i++) {
        long stale = staleHandles[i];
        assertFalse(map.contains(stale), () -> "contains stale " + Handles.toString(stale));
      }
    } else {
      List<Integer> live = liveKeys.all();
      for (int i = 0; i < LIVE_WINDOW && !live.isEmpty(); i++) {
        checkLive(live.get(liveCursor++ % live.size()));
      }
      for (int i = 0; i < KEY_WINDOW; i++) {
        checkContainsKey(keyCursor++ % (keys + 2) - 1);
      }
      for (int i = 0; i < STALE_WINDOW && kept > 0; i++) {
        long stale = staleHandles[staleCursor++ % kept];
        assertFalse(map.contains(stale), () -> "contains stale " + Handles.toString(stale));
      }
    }
    if (kept > 0 && (small || step % THROWING_EVERY == 0)) {
      long stale = staleHandles[staleCursor++ % kept];
      assertThrows(StaleHandleException.class, staleAccess(stale, staleCursor % 4),
          () -> "stale " + Handles.toString(stale));
    }
  }

  private void checkAll() {
    assertEquals(model.size(), map.size(), "size");
    assertEquals(model.isEmpty(), map.isEmpty(), "isEmpty");
    checkView();
    checkViewRefusesChanges();
    Map<Integer, Integer> counts = new HashMap<>();
    for (Map.Entry<Integer, Entry> e : model.entrySet()) {
      checkLive(e.getKey());
      counts.put(e.getKey(), e.getValue().count);
    }
    assertEquals(counts, map.countsByCursor(), "counts read by a cursor");
    for (int key = -1; key <= keys; key++) {
      checkContainsKey(key);
    }
    assertFalse(map.contains(Handles.NONE), "contains NONE");
    List<Long> stale = staleList();
    for (long handle : stale) {
      assertFalse(map.contains(handle), () -> "contains stale " + Handles.toString(handle));
    }
    int stride = Math.max(1, stale.size() / THROWING_SAMPLE);
    for (int i = step % stride; i < stale.size(); i += stride) {
      long handle = stale.get(i);
      assertThrows(StaleHandleException.class, staleAccess(handle, i % 4),
          () -> "stale " + Handles.toString(handle));
    }
  }

  /**
   * The read-only {@code asMap()} view holds the model's pairs, both ways of {@code equals} (one
   * iterates the view, the other looks keys up in it), with {@code HashMap}'s hash code. Called
   * before the counts are checked, which it must not change.
   */
  private void checkView() {
    Map<Integer, Long> pairs = new HashMap<>();
    for (Map.Entry<Integer, Entry> e : model.entrySet()) {
      pairs.put(e.getKey(), e.getValue().value);
    }
    Map<Integer, Long> view = map.asMap();
    assertEquals(pairs, view, "asMap() against the model");
    assertEquals(view, pairs, "asMap() against the model, iterating the view");
    assertEquals(pairs.hashCode(), view.hashCode(), "asMap().hashCode()");
  }

  /** The view refuses every change, and changes nothing; once per full check (exceptions cost). */
  private void checkViewRefusesChanges() {
    Map<Integer, Long> view = map.asMap();
    assertThrows(UnsupportedOperationException.class, () -> view.put(keys, 1L));
    assertThrows(UnsupportedOperationException.class, () -> view.putIfAbsent(keys, 1L));
    if (!model.isEmpty()) {
      int key = liveKeys.pick(step);
      assertThrows(UnsupportedOperationException.class, () -> view.remove(key));
      assertThrows(UnsupportedOperationException.class, view::clear);
      assertThrows(
          UnsupportedOperationException.class,
          () -> view.entrySet().iterator().next().setValue(1L));
    }
  }

  private void checkLive(int key) {
    Entry entry = model.get(key);
    long handle = entry.handle;
    assertTrue(map.contains(handle), () -> "contains " + key + " at " + Handles.toString(handle));
    assertEquals(key, map.key(handle), () -> "key at " + Handles.toString(handle));
    assertEquals(entry.value, map.value(handle), () -> "value of " + key);
    assertEquals(entry.count, map.refCount(handle), () -> "refCount of " + key);
  }

  private void checkContainsKey(int key) {
    assertEquals(model.containsKey(key), map.containsKey(key), () -> "containsKey " + key);
  }

  /** One of the four accessors that must throw for a stale handle. */
  private Executable staleAccess(long stale, int which) {
    switch (which) {
      case 0:
        return () -> map.refCount(stale);
      case 1:
        return () -> map.retain(stale);
      case 2:
        return () -> map.release(stale);
      default:
        return () -> map.value(stale);
    }
  }

  private void checkStaleFully(long stale) {
    assertFalse(map.contains(stale));
    for (int which = 0; which < 4; which++) {
      assertThrows(StaleHandleException.class, staleAccess(stale, which),
          () -> "stale " + Handles.toString(stale));
    }
    assertEquals(model.size(), map.size(), "size after the stale checks");
  }

  private List<Long> staleList() {
    List<Long> stale = new ArrayList<>();
    for (int i = 0; i < Math.min(staleCount, STALE_KEPT); i++) {
      stale.add(staleHandles[i]);
    }
    return stale;
  }
}
