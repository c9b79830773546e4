package dev.rchashmap.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an operation list against a map under test and a model: a {@link HashMap} from key to
 * value plus the handle the map issued for each live key. Each {@link Op} changes both and checks
 * the map's answers; this class holds the model and checks, after every step:
 *
 * <ul>
 *   <li>size and emptiness;
 *   <li>a rotating window of live entries (find, contains, key, value) and of stale handles
 *       ({@code contains} false), or all of them while there are fewer than {@value #SMALL};
 *       and an accessor of a stale handle, which must throw {@link StaleHandleException}, every
 *       step while the map is small and every {@value #THROWING_EVERY}th step after;
 *   <li>right away, every handle that just became stale, and the stale handle whose slot a new
 *       entry has just reused (the case a missing generation check would get wrong);
 *   <li>everything, every {@value #FULL_CHECK_EVERY} steps and at the end: every live entry,
 *       every retained stale handle, and every accessor of a sample of them.
 * </ul>
 *
 * <p>The windows keep a step's cost independent of the map's size, so runs can be long and the
 * map large; an entry that goes wrong is still seen within a few hundred steps, and a shrunk
 * failing list is small enough to be checked in full after every step. Accessors that must
 * throw are sampled rather than tried every time: under JUnit each exception costs tens of
 * microseconds of stack trace.
 *
 * @param <K> the boxed key type
 * @param <V> the boxed value type
 */
final class ModelRun<K, V> {

  /** Steps between two full checks. */
  static final int FULL_CHECK_EVERY = 1000;

  /** Below this many live entries plus stale handles, every step checks all of them. */
  static final int SMALL = 48;

  /** Live entries checked after each step. */
  private static final int LIVE_WINDOW = 4;

  /** Stale handles checked with {@code contains} after each step. */
  private static final int STALE_WINDOW = 8;

  /** The most stale handles kept; older ones are dropped first. */
  private static final int STALE_KEPT = 4096;

  /** Stale handles whose accessors are tried (each throws) in a full check. */
  private static final int THROWING_SAMPLE = 32;

  /** Stale handles whose every accessor is tried at the end. */
  private static final int FINAL_SAMPLE = 256;

  /** Steps (and slot reuses) between two accessor calls that must throw. */
  static final int THROWING_EVERY = 8;

  private final HandleMap<K, V> map;
  private final Domain<K, V> domain;

  private final Map<K, V> model = new HashMap<>();
  private final Map<K, Long> liveHandles = new HashMap<>();
  private final Picks<K> liveKeys = new Picks<>();
  private final long[] staleHandles = new long[STALE_KEPT];
  private int staleCount;
  private final Map<Integer, Long> staleBySlot = new HashMap<>();
  private final Coverage coverage = new Coverage();

  /** A copy made by {@link Op.Copy}, checked against its snapshot once the original moved on. */
  private CopyCheck<K, V> pendingCopy;

  private int step;
  private int reuses;
  private int liveCursor;
  private int staleCursor;

  private ModelRun(HandleMap<K, V> map, Domain<K, V> domain) {
    this.map = map;
    this.domain = domain;
  }

  /**
   * Runs {@code ops} on a new, empty {@code map}, checking it against the model after each.
   *
   * @return what the run reached
   */
  static <K, V> Coverage check(HandleMap<K, V> map, Domain<K, V> domain, List<Op> ops) {
    ModelRun<K, V> run = new ModelRun<>(map, domain);
    run.checkAll();
    for (Op op : ops) {
      op.applyTo(run);
      run.afterStep();
    }
    run.checkAll();
    run.checkPendingCopy();
    run.checkStaleHandlesFully(run.staleList());
    return run.coverage;
  }

  // ---------------------------------------------------------------------------------------------
  // What operations use

  HandleMap<K, V> map() {
    return map;
  }

  Domain<K, V> domain() {
    return domain;
  }

  K key(int seed) {
    return domain.key().apply(seed);
  }

  V value(int seed) {
    return domain.value().apply(seed);
  }

  boolean has(K key) {
    return model.containsKey(key);
  }

  V modelValue(K key) {
    return model.get(key);
  }

  /** The handle of a live key, or {@code null}. */
  Long handleOf(K key) {
    return liveHandles.get(key);
  }

  int size() {
    return model.size();
  }

  /** A live key chosen by {@code pick} (modulo their number), or {@code null} when empty. */
  K pickLive(int pick) {
    return liveKeys.pick(pick);
  }

  /** A stale handle chosen by {@code pick}, or {@code NONE} when there is none. */
  long pickStale(int pick) {
    return staleCount == 0 ? Handles.NONE : staleHandles[pick % Math.min(staleCount, STALE_KEPT)];
  }

  /** The map has added {@code key} with {@code value} under the new {@code handle}. */
  void added(K key, V value, long handle) {
    assertNotEquals(Handles.NONE, handle, () -> "handle of new key " + key);
    coverage.issued(handle); // checks that no handle is issued twice
    model.put(key, value);
    liveHandles.put(key, handle);
    liveKeys.add(key);
    Long previous = staleBySlot.remove(Handles.index(handle));
    if (previous != null) {
      // The slot of an old entry now holds a new one: its old handle must not reach it.
      checkStale(previous, ++reuses % THROWING_EVERY == 0);
    }
  }

  /** The map has removed {@code key}; its handle is stale from now on. */
  void removed(K key) {
    long handle = liveHandles.remove(key);
    model.remove(key);
    liveKeys.remove(key);
    staleHandles[staleCount++ % STALE_KEPT] = handle;
    staleBySlot.put(Handles.index(handle), handle);
    assertFalse(
        map.contains(handle), () -> "contains just-removed " + Handles.toString(handle));
  }

  /** The map's value of live {@code key} is now {@code value}. */
  void valueSet(K key, V value) {
    model.put(key, value);
  }

  /** Every live key, in the order picks see them. */
  List<K> liveKeys() {
    return liveKeys.all();
  }

  /** The model's pairs, a snapshot. */
  Map<K, V> modelSnapshot() {
    return new HashMap<>(model);
  }

  /** The handle of every live key, a snapshot. */
  Map<K, Long> handleSnapshot() {
    return new HashMap<>(liveHandles);
  }

  /** Up to {@code max} of the stale handles kept, spread over all of them. */
  List<Long> staleSample(int max) {
    List<Long> stale = staleList();
    List<Long> sample = new ArrayList<>();
    int stride = Math.max(1, stale.size() / max);
    for (int i = 0; i < stale.size(); i += stride) {
      sample.add(stale.get(i));
    }
    return sample;
  }

  /**
   * Checks every live entry and that every stale handle kept is not live; without the accessors
   * that must throw, which the regular checks sample (exceptions are costly).
   */
  void checkEveryHandle() {
    assertEquals(model.size(), map.size(), "size");
    for (K key : liveHandles.keySet()) {
      checkLive(key);
    }
    for (int i = 0; i < Math.min(staleCount, STALE_KEPT); i++) {
      long stale = staleHandles[i];
      assertFalse(map.contains(stale), () -> "contains stale " + Handles.toString(stale));
    }
  }

  /**
   * A copy of the map, what it must hold (pairs and handles, the copy's own changes included)
   * and stale handles of the original that must stay stale in it; checked again {@code after}
   * steps, when the original has moved on.
   */
  record CopyCheck<K, V>(
      HandleMap<K, V> copy, Map<K, V> pairs, Map<K, Long> handles, List<Long> stale, int after) {}

  /** Keeps {@code check} for later, checking the copy kept before first. */
  void keepCopy(CopyCheck<K, V> check) {
    checkPendingCopy();
    pendingCopy = new CopyCheck<>(
        check.copy(), check.pairs(), check.handles(), check.stale(), step + check.after());
  }

  /**
   * Checks that {@code copy} holds exactly {@code pairs}, each at the handle in {@code handles},
   * and that none of {@code stale} is live in it.
   */
  static <K, V> void checkCopy(
      HandleMap<K, V> copy, Map<K, V> pairs, Map<K, Long> handles, List<Long> stale) {
    assertEquals(pairs.size(), copy.size(), "size of the copy");
    for (Map.Entry<K, V> pair : pairs.entrySet()) {
      K key = pair.getKey();
      long handle = handles.get(key);
      assertEquals(handle, copy.find(key), () -> "find in the copy " + key);
      assertTrue(copy.contains(handle), () -> "copy contains " + Handles.toString(handle));
      assertEquals(key, copy.key(handle), () -> "key in the copy at " + Handles.toString(handle));
      assertEquals(pair.getValue(), copy.value(handle), () -> "value in the copy of " + key);
    }
    for (long handle : stale) {
      assertFalse(copy.contains(handle), () -> "copy contains stale " + Handles.toString(handle));
    }
  }

  private void checkPendingCopy() {
    CopyCheck<K, V> check = pendingCopy;
    if (check != null) {
      pendingCopy = null;
      checkCopy(check.copy(), check.pairs(), check.handles(), check.stale());
    }
  }

  /** Checks a cursor's current entry against the model; returns its key. */
  K checkCursorEntry(HandleMap.CursorView<K, V> cursor, Set<Long> visited) {
    long handle = cursor.handle();
    K key = cursor.key();
    assertTrue(visited.add(handle), () -> "cursor visited twice " + key);
    assertEquals(liveHandles.get(key), handle, () -> "cursor handle of " + key);
    assertEquals(model.get(key), cursor.value(), () -> "cursor value of " + key);
    return key;
  }

  // ---------------------------------------------------------------------------------------------
  // The checks

  private void afterStep() {
    step++;
    if (pendingCopy != null && step >= pendingCopy.after()) {
      checkPendingCopy();
    }
    coverage.step(model.size());
    assertEquals(model.size(), map.size(), "size");
    assertEquals(model.isEmpty(), map.isEmpty(), "isEmpty");
    int kept = Math.min(staleCount, STALE_KEPT);
    if (step % FULL_CHECK_EVERY == 0) {
      checkAll();
      return;
    }
    boolean small = model.size() + kept < SMALL;
    if (small) {
      for (K key : liveKeys.all()) {
        checkLive(key);
      }
      for (int i = 0; i < kept; i++) {
        long stale = staleHandles[i];
        assertFalse(map.contains(stale), () -> "contains stale " + Handles.toString(stale));
      }
    } else {
      List<K> live = liveKeys.all();
      for (int i = 0; i < LIVE_WINDOW && !live.isEmpty(); i++) {
        checkLive(live.get(liveCursor++ % live.size()));
      }
      for (int i = 0; i < STALE_WINDOW && kept > 0; i++) {
        long stale = staleHandles[staleCursor++ % kept];
        assertFalse(map.contains(stale), () -> "contains stale " + Handles.toString(stale));
      }
    }
    if (kept > 0 && (small || step % THROWING_EVERY == 0)) {
      checkStaleThrows(staleHandles[staleCursor++ % kept], step % 2 == 0);
    }
  }

  /** Every live entry and stale handle. */
  private void checkAll() {
    assertEquals(model.size(), map.size(), "size");
    assertEquals(model.isEmpty(), map.isEmpty(), "isEmpty");
    for (K key : liveHandles.keySet()) {
      checkLive(key);
    }
    assertFalse(map.contains(Handles.NONE), "contains NONE");
    List<Long> stale = staleList();
    for (long handle : stale) {
      assertFalse(map.contains(handle), () -> "contains stale " + Handles.toString(handle));
    }
    int stride = Math.max(1, stale.size() / THROWING_SAMPLE);
    for (int i = step % stride; i < stale.size(); i += stride) {
      checkStaleThrows(stale.get(i), i % 2 == 0);
    }
  }

  private void checkLive(K key) {
    long handle = liveHandles.get(key);
    assertEquals(handle, map.find(key), () -> "find " + key);
    assertTrue(map.contains(handle), () -> "contains " + key + " at " + Handles.toString(handle));
    assertEquals(key, map.key(handle), () -> "key at " + Handles.toString(handle));
    assertEquals(
        model.get(key),
        map.value(handle),
        () -> "value of " + key + " at " + Handles.toString(handle));
  }

  /** {@code contains} of a stale handle, and if {@code throwing} also its {@code key}. */
  private void checkStale(long stale, boolean throwing) {
    assertFalse(map.contains(stale), () -> "contains stale " + Handles.toString(stale));
    if (throwing) {
      checkStaleThrows(stale, true);
    }
  }

  /** {@code key} or {@code value} of a stale handle must throw. */
  private void checkStaleThrows(long stale, boolean byKey) {
    if (byKey) {
      assertThrows(
          StaleHandleException.class,
          () -> map.key(stale),
          () -> "key of stale " + Handles.toString(stale));
    } else {
      assertThrows(
          StaleHandleException.class,
          () -> map.value(stale),
          () -> "value of stale " + Handles.toString(stale));
    }
  }

  /** Every accessor of a sample of the given stale handles; the map must stay as it was. */
  private void checkStaleHandlesFully(List<Long> stale) {
    V someValue = domain.value().apply(1);
    int stride = Math.max(1, stale.size() / FINAL_SAMPLE);
    for (int i = 0; i < stale.size(); i += stride) {
      long handle = stale.get(i);
      String name = Handles.toString(handle);
      assertFalse(map.contains(handle), () -> "contains stale " + name);
      assertThrows(StaleHandleException.class, () -> map.key(handle), () -> "key of " + name);
      assertThrows(StaleHandleException.class, () -> map.value(handle), () -> "value of " + name);
      assertThrows(
          StaleHandleException.class,
          () -> map.setValue(handle, someValue),
          () -> "setValue of " + name);
      assertFalse(map.remove(handle), () -> "remove stale " + name);
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
