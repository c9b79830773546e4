package dev.rchashmap.tests.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs an operation sequence against a map under test and a model, a {@link HashMap} from key to
 * value plus the handle the map issued for each live key, and checks after every step that they
 * agree: same size, every model key found at its own handle with the model's value, and every
 * handle ever issued that is no longer live rejected.
 *
 * @param <K> the boxed key type
 * @param <V> the boxed value type
 */
final class ModelRun<K, V> {

  private final HandleMap<K, V> map;
  private final Domain<K, V> domain;

  private final Map<K, V> model = new HashMap<>();
  private final Map<K, Long> liveHandles = new HashMap<>();
  private final List<Long> staleHandles = new ArrayList<>();
  private final Set<Long> issuedHandles = new HashSet<>();

  private ModelRun(HandleMap<K, V> map, Domain<K, V> domain) {
    this.map = map;
    this.domain = domain;
  }

  /** Runs {@code ops} on a new, empty {@code map}, checking it against the model after each. */
  static <K, V> void check(HandleMap<K, V> map, Domain<K, V> domain, List<Op> ops) {
    ModelRun<K, V> run = new ModelRun<>(map, domain);
    run.verifyAgreement();
    for (Op op : ops) {
      op.applyTo(run);
      run.verifyAgreement();
    }
    run.verifyStaleHandlesFully();
  }

  void insert(int keySeed, int valueSeed) {
    K key = domain.key().apply(keySeed);
    V value = domain.value().apply(valueSeed);
    if (model.containsKey(key)) {
      assertThrows(DuplicateKeyException.class, () -> map.insert(key, value), "insert " + key);
    } else {
      added(key, value, map.insert(key, value));
    }
  }

  void tryInsert(int keySeed, int valueSeed) {
    K key = domain.key().apply(keySeed);
    V value = domain.value().apply(valueSeed);
    long handle = map.tryInsert(key, value);
    if (model.containsKey(key)) {
      assertEquals(Handles.NONE, handle, "tryInsert of duplicate " + key);
    } else {
      added(key, value, handle);
    }
  }

  void insertWith(int keySeed, int valueSeed) {
    K key = domain.key().apply(keySeed);
    V value = domain.value().apply(valueSeed);
    List<K> factoryCalls = new ArrayList<>();
    Function<K, V> factory =
        k -> {
          factoryCalls.add(k);
          return value;
        };
    if (model.containsKey(key)) {
      assertThrows(DuplicateKeyException.class, () -> map.insertWith(key, factory));
      assertEquals(List.of(), factoryCalls, "factory ran for duplicate " + key);
    } else {
      long handle = map.insertWith(key, factory);
      assertEquals(List.of(key), factoryCalls, "factory calls for new key " + key);
      added(key, value, handle);
    }
  }

  void lookup(int keySeed, int defaultSeed) {
    K key = domain.key().apply(keySeed);
    V defaultValue = domain.value().apply(defaultSeed);
    Long handle = liveHandles.get(key);

    assertEquals(handle == null ? Handles.NONE : handle, map.find(key), "find " + key);
    assertEquals(handle != null, map.containsKey(key), "containsKey " + key);
    V expected = handle == null ? defaultValue : model.get(key);
    assertEquals(expected, map.getOrDefault(key, defaultValue), "getOrDefault " + key);
  }

  void removeLive(int pick) {
    if (liveHandles.isEmpty()) {
      return;
    }
    K key = pickLiveKey(pick);
    long handle = liveHandles.get(key);

    assertTrue(map.remove(handle), "remove live " + Handles.toString(handle));
    removed(key);
  }

  void removeStale(int pick) {
    long handle =
        staleHandles.isEmpty() ? Handles.NONE : staleHandles.get(pick % staleHandles.size());

    assertFalse(map.remove(handle), "remove stale " + Handles.toString(handle));
  }

  void setValue(int pick, int valueSeed) {
    if (liveHandles.isEmpty()) {
      return;
    }
    K key = pickLiveKey(pick);
    V value = domain.value().apply(valueSeed);

    map.setValue(liveHandles.get(key), value);
    model.put(key, value);
  }

  void clear() {
    map.clear();
    staleHandles.addAll(liveHandles.values());
    liveHandles.clear();
    model.clear();
  }

  void cursorRemove(int every, int offset) {
    List<K> toRemove = new ArrayList<>();
    int[] position = {0};
    Set<Long> visited = new HashSet<>();
    map.walkCursor(
        cursor -> {
          K key = checkCursorEntry(cursor, visited);
          long handle = cursor.handle();
          if (position[0]++ % every == offset % every) {
            cursor.remove();
            assertFalse(map.contains(handle), "cursor.remove() of " + key);
            toRemove.add(key);
          }
        });
    assertEquals(liveHandles.size(), visited.size(), "cursor visits every entry once");
    for (K key : toRemove) {
      removed(key);
    }
  }

  void cursorSetValue(int every, int valueSeed) {
    V value = domain.value().apply(valueSeed);
    List<K> changed = new ArrayList<>();
    int[] position = {0};
    Set<Long> visited = new HashSet<>();
    map.walkCursor(
        cursor -> {
          K key = checkCursorEntry(cursor, visited);
          if (position[0]++ % every == 0) {
            cursor.setValue(value);
            assertEquals(value, cursor.value(), "cursor.value() after cursor.setValue");
            changed.add(key);
          }
        });
    assertEquals(liveHandles.size(), visited.size(), "cursor visits every entry once");
    for (K key : changed) {
      model.put(key, value);
    }
  }

  void forEachMatchesModel() {
    Set<Long> visited = new HashSet<>();
    map.forEach(
        (handle, key, value) -> {
          assertTrue(visited.add(handle), "forEach visited twice " + key);
          assertEquals(liveHandles.get(key), handle, "forEach handle of " + key);
          assertEquals(model.get(key), value, "forEach value of " + key);
        });
    assertEquals(new HashSet<>(liveHandles.values()), visited, "forEach visits every entry");
  }

  /** The checks after every step. */
  private void verifyAgreement() {
    assertEquals(model.size(), map.size(), "size");
    assertEquals(model.isEmpty(), map.isEmpty(), "isEmpty");
    for (Map.Entry<K, Long> entry : liveHandles.entrySet()) {
      K key = entry.getKey();
      long handle = entry.getValue();
      String name = key + " at " + Handles.toString(handle);
      assertEquals(handle, map.find(key), "find " + key);
      assertTrue(map.contains(handle), "contains " + name);
      assertEquals(key, map.key(handle), "key " + name);
      assertEquals(model.get(key), map.value(handle), "value " + name);
    }
    assertFalse(map.contains(Handles.NONE), "contains NONE");
    for (long stale : staleHandles) {
      String name = Handles.toString(stale);
      assertFalse(map.contains(stale), "contains stale " + name);
      assertThrows(StaleHandleException.class, () -> map.value(stale), "value of stale " + name);
    }
  }

  /** The remaining accessors of every stale handle, once at the end (exceptions are costly). */
  private void verifyStaleHandlesFully() {
    V someValue = domain.value().apply(1);
    for (long stale : staleHandles) {
      String name = Handles.toString(stale);
      assertThrows(StaleHandleException.class, () -> map.key(stale), "key of stale " + name);
      assertThrows(
          StaleHandleException.class, () -> map.setValue(stale, someValue), "setValue " + name);
      assertFalse(map.remove(stale), "remove stale " + name);
    }
    assertEquals(model.size(), map.size(), "size after the stale checks");
  }

  private void added(K key, V value, long handle) {
    assertNotEquals(Handles.NONE, handle, "handle of new key " + key);
    assertTrue(issuedHandles.add(handle), "handle issued twice: " + Handles.toString(handle));
    model.put(key, value);
    liveHandles.put(key, handle);
  }

  private void removed(K key) {
    staleHandles.add(liveHandles.remove(key));
    model.remove(key);
  }

  /** A deterministic choice among the live keys, so that a failing sequence replays. */
  private K pickLiveKey(int pick) {
    List<K> keys = new ArrayList<>(liveHandles.keySet());
    return keys.get(pick % keys.size());
  }

  /** Checks the cursor's current entry against the model; returns its key. */
  private K checkCursorEntry(HandleMap.CursorView<K, V> cursor, Set<Long> visited) {
    long handle = cursor.handle();
    K key = cursor.key();
    assertTrue(visited.add(handle), "cursor visited twice " + key);
    assertEquals(liveHandles.get(key), handle, "cursor handle of " + key);
    assertEquals(model.get(key), cursor.value(), "cursor value of " + key);
    return key;
  }
}
