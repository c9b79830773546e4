package dev.rchashmap.tests.weak;

import static dev.rchashmap.testkit.OperationMix.Effect.GROWS;
import static dev.rchashmap.testkit.OperationMix.Effect.NEUTRAL;
import static dev.rchashmap.testkit.OperationMix.Effect.SHRINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import dev.rchashmap.runtime.Weakness;
import dev.rchashmap.testkit.Gen;
import dev.rchashmap.testkit.OperationMix;
import dev.rchashmap.testkit.Property;
import dev.rchashmap.testkit.Shrinker;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Model-based tests of weak entries: random sequences of insertions whose key and value the test
 * holds or not, removals, replacements, lookups, and the test letting go of keys and values it
 * held, with now and then a collection after which the map must hold exactly the survivors. The
 * model is the test's own list of entries with what it still holds of each; which of them
 * survive is written out per weakness in {@link #keeps} (not taken from the runtime), and the
 * map is checked against a {@link HashMap} of them: size, every survivor by key, by handle and by
 * iteration, the {@code java.util.Map} view, and every handle of an entry removed or collected
 * stale. Each seed is one test; a failing list is shrunk (replay: {@code
 * -Drchashmap.seed=0x...}).
 *
 * <p>Between collections the test touches only entries that must survive, so every step is
 * deterministic whatever the collector does meanwhile; the collections are bounded waits ({@link
 * Gc}). The maps: {@code ObjObjWeakHandleHashMap} and {@code CollidingObjObjWeakHandleHashMap},
 * whose keys all share one probe cluster, so that expunging shifts the others, with each of the
 * four weaknesses.
 */
class WeakModelTest {

  /** Seeds per map and weakness. */
  static final int SEEDS = 3;

  /** Operations per seed. */
  static final int STEPS = 1_500;

  /** Picks are drawn below this, then taken modulo the number of candidates. */
  static final int PICKS = 1 << 20;

  @TestFactory
  Stream<DynamicTest> weakKeys() {
    return modelTest(Weakness.KEY, false);
  }

  @TestFactory
  Stream<DynamicTest> weakValues() {
    return modelTest(Weakness.VALUE, false);
  }

  @TestFactory
  Stream<DynamicTest> weakKeysOrValues() {
    return modelTest(Weakness.KEY_OR_VALUE, false);
  }

  @TestFactory
  Stream<DynamicTest> weakKeysAndValues() {
    return modelTest(Weakness.KEY_AND_VALUE, false);
  }

  @TestFactory
  Stream<DynamicTest> weakKeysInOneCluster() {
    return modelTest(Weakness.KEY, true);
  }

  @TestFactory
  Stream<DynamicTest> weakValuesInOneCluster() {
    return modelTest(Weakness.VALUE, true);
  }

  @TestFactory
  Stream<DynamicTest> weakKeysOrValuesInOneCluster() {
    return modelTest(Weakness.KEY_OR_VALUE, true);
  }

  @TestFactory
  Stream<DynamicTest> weakKeysAndValuesInOneCluster() {
    return modelTest(Weakness.KEY_AND_VALUE, true);
  }

  private static Stream<DynamicTest> modelTest(Weakness weakness, boolean colliding) {
    OperationMix<Op> mix = mix();
    return Property.forAll(SEEDS, gen -> {
      List<Op> ops = mix.sequence(gen, STEPS, 300);
      Run result = Shrinker.check(ops, list -> new Run(newMap(weakness, colliding), weakness).run(list));
      assertTrue(result.collected > 0, "no entry left through the collector");
      assertTrue(result.survivedCollections > 0, "no entry survived a collection");
      assertTrue(result.collections > 1, "too few collections: " + result.collections);
    });
  }

  private static WeakMap newMap(Weakness weakness, boolean colliding) {
    return colliding
        ? adapt(CollidingObjObjWeakHandleHashMap.<Object, Object>builder().weakness(weakness).build())
        : adapt(ObjObjWeakHandleHashMap.<Object, Object>builder().weakness(weakness).build());
  }

  /** A list that may hold {@code null}s, as {@code List.of} may not. */
  static List<Object> listOf(Object key, Object value) {
    List<Object> list = new ArrayList<>(2);
    list.add(key);
    list.add(value);
    return list;
  }

  /** The operations of the generated weak maps that the model uses, whichever the class. */
  interface WeakMap {
    long insert(Object key, Object value);

    long put(Object key, Object value);

    long find(Object key);

    boolean removeKey(Object key);

    boolean remove(long handle);

    boolean contains(long handle);

    Object key(long handle);

    Object value(long handle);

    void setValue(long handle, Object value);

    int size();

    int expunge();

    void clear();

    /** Handle to [key, value] of every entry {@code forEach} visits. */
    Map<Long, List<Object>> entries();

    Map<Object, Object> asMap();
  }

  /** Whether the map holds keys weakly, as the README's table says. */
  static boolean weakKeys(Weakness weakness) {
    return weakness != Weakness.VALUE;
  }

  /** Whether the map holds values weakly. */
  static boolean weakValues(Weakness weakness) {
    return weakness != Weakness.KEY;
  }

  /** Whether an entry stays, given whether its key and its value are still reachable. */
  static boolean keeps(Weakness weakness, boolean keyReachable, boolean valueReachable) {
    switch (weakness) {
      case KEY:
        return keyReachable;
      case VALUE:
        return valueReachable;
      case KEY_OR_VALUE:
        return keyReachable || valueReachable;
      default:
        return keyReachable && valueReachable;
    }
  }

  static OperationMix<Op> mix() {
    return OperationMix.<Op>builder()
        .add(300, GROWS, gen -> new Insert(gen.below(5) < 3, gen.below(5) < 3, gen.below(1000)))
        .add(80, SHRINKS, gen -> new DropKey(gen.below(PICKS)))
        .add(80, SHRINKS, gen -> new DropValue(gen.below(PICKS)))
        .add(40, SHRINKS, gen -> new RemoveKey(gen.below(PICKS)))
        .add(40, SHRINKS, gen -> new RemoveHandle(gen.below(PICKS)))
        .add(50, NEUTRAL, gen -> new Put(gen.below(PICKS), gen.below(1000), gen.below(4) < 3))
        .add(50, NEUTRAL, gen -> new SetValue(gen.below(PICKS), gen.below(1000), gen.below(4) < 3))
        .add(100, NEUTRAL, gen -> new Find(gen.below(PICKS)))
        .add(1, SHRINKS, gen -> new Clear())
        .add(8, NEUTRAL, gen -> new Collect())
        .build();
  }

  /** One step; only primitives, so that an operation list never holds a key or a value. */
  sealed interface Op {}

  /** Inserts a new key; the test keeps the key and the value, or not. */
  record Insert(boolean keyHeld, boolean valueHeld, int number) implements Op {}

  /** The test lets go of the key of an entry (survivor or not). */
  record DropKey(int pick) implements Op {}

  /** The test lets go of the value of an entry. */
  record DropValue(int pick) implements Op {}

  /** {@code removeKey} of a survivor, with an equal but new key. */
  record RemoveKey(int pick) implements Op {}

  /** {@code remove(handle)} of a survivor. */
  record RemoveHandle(int pick) implements Op {}

  /** {@code put} of a new value for a survivor found by key; the test keeps the value or not. */
  record Put(int pick, int number, boolean valueHeld) implements Op {}

  /** {@code setValue} by handle of a survivor; the test keeps the value or not. */
  record SetValue(int pick, int number, boolean valueHeld) implements Op {}

  /** {@code find} of a survivor by an equal key, and its key and value by handle. */
  record Find(int pick) implements Op {}

  /** {@code clear()}. */
  record Clear() implements Op {}

  /** Collections until the map holds exactly the survivors, then a check of all of it. */
  record Collect() implements Op {}

  /** An entry the test made, with what the test still holds of it. */
  static final class Entry {
    final int id;
    final long handle;
    /** The key, while the test holds it. */
    Key key;
    /** The value, while the test holds it. */
    Val value;
    /** The number of the current value, held or not. */
    int number;

    Entry(int id, long handle, Key key, Val value, int number) {
      this.id = id;
      this.handle = handle;
      this.key = key;
      this.value = value;
      this.number = number;
    }

    @Override
    public String toString() {
      return "entry " + id + " " + Handles.toString(handle) + (key == null ? " key dropped" : "")
          + (value == null ? " value dropped" : "");
    }
  }

  /** One run of an operation list from a new map. */
  static final class Run {
    final WeakMap map;
    final Weakness weakness;
    /** Every entry that may still be in the map: survivors and those due to leave. */
    final List<Entry> entries = new ArrayList<>();
    /** Handle to id of entries removed or collected: the handles must be stale. */
    final Map<Long, Integer> gone = new HashMap<>();
    int nextId;
    int collected;
    int survivedCollections;
    int collections;

    Run(WeakMap map, Weakness weakness) {
      this.map = map;
      this.weakness = weakness;
    }

    Run run(List<Op> ops) {
      for (Op op : ops) {
        apply(op);
      }
      apply(new Collect());
      return this;
    }

    /** Whether the entry must stay, given what the test holds of it. */
    boolean survives(Entry entry) {
      boolean keyReachable = !weakKeys(weakness) || entry.key != null;
      boolean valueReachable = !weakValues(weakness) || entry.value != null;
      return keeps(weakness, keyReachable, valueReachable);
    }

    /** Whether the entry must be found by key: it survives and its key was not collected. */
    boolean findable(Entry entry) {
      return survives(entry) && (!weakKeys(weakness) || entry.key != null);
    }

    private List<Entry> survivors() {
      List<Entry> survivors = new ArrayList<>();
      for (Entry entry : entries) {
        if (survives(entry)) {
          survivors.add(entry);
        }
      }
      return survivors;
    }

    private List<Entry> findables() {
      List<Entry> findables = new ArrayList<>();
      for (Entry entry : entries) {
        if (findable(entry)) {
          findables.add(entry);
        }
      }
      return findables;
    }

    private static Entry pick(List<Entry> from, int pick) {
      return from.isEmpty() ? null : from.get(pick % from.size());
    }

    void apply(Op op) {
      if (op instanceof Insert) {
        Insert insert = (Insert) op;
        entries.add(insert(nextId++, insert.keyHeld(), insert.valueHeld(), insert.number()));
      } else if (op instanceof DropKey) {
        List<Entry> holding = new ArrayList<>();
        for (Entry entry : entries) {
          if (entry.key != null) {
            holding.add(entry);
          }
        }
        Entry entry = pick(holding, ((DropKey) op).pick());
        if (entry != null) {
          entry.key = null;
        }
      } else if (op instanceof DropValue) {
        List<Entry> holding = new ArrayList<>();
        for (Entry entry : entries) {
          if (entry.value != null) {
            holding.add(entry);
          }
        }
        Entry entry = pick(holding, ((DropValue) op).pick());
        if (entry != null) {
          entry.value = null;
        }
      } else if (op instanceof RemoveKey) {
        Entry entry = pick(findables(), ((RemoveKey) op).pick());
        if (entry != null) {
          assertTrue(map.removeKey(new Key(entry.id)), () -> "removeKey of " + entry);
          removed(entry);
        }
      } else if (op instanceof RemoveHandle) {
        Entry entry = pick(survivors(), ((RemoveHandle) op).pick());
        if (entry != null) {
          assertTrue(map.remove(entry.handle), () -> "remove of " + entry);
          removed(entry);
        }
      } else if (op instanceof Put) {
        Put put = (Put) op;
        Entry entry = pick(findables(), put.pick());
        if (entry != null) {
          replace(entry, put.number(), put.valueHeld(), true);
        }
      } else if (op instanceof SetValue) {
        SetValue set = (SetValue) op;
        Entry entry = pick(survivors(), set.pick());
        if (entry != null) {
          replace(entry, set.number(), set.valueHeld(), false);
        }
      } else if (op instanceof Find) {
        Entry entry = pick(findables(), ((Find) op).pick());
        if (entry != null) {
          assertEquals(entry.handle, map.find(new Key(entry.id)), () -> "find of " + entry);
          checkSurvivor(entry);
        }
      } else if (op instanceof Clear) {
        map.clear();
        for (Entry entry : entries) {
          gone.put(entry.handle, entry.id);
        }
        entries.clear();
        assertEquals(0, map.size());
      } else {
        collect();
      }
    }

    /**
     * Inserts an entry, checking it while its key and value are surely reachable (they are
     * locals here); returns what the test keeps of it. A method of its own so that what the test
     * does not keep dies with its frame.
     */
    private Entry insert(int id, boolean keyHeld, boolean valueHeld, int number) {
      Key key = new Key(id);
      Val value = new Val(number);
      long handle = map.insert(key, value);
      assertTrue(map.contains(handle));
      assertSame(key, map.key(handle));
      assertSame(value, map.value(handle));
      Entry entry = new Entry(id, handle, keyHeld ? key : null, valueHeld ? value : null, number);
      Reference.reachabilityFence(key);
      Reference.reachabilityFence(value);
      return entry;
    }

    /** Replaces the value of a survivor by {@code put} or {@code setValue}. */
    private void replace(Entry entry, int number, boolean valueHeld, boolean byKey) {
      Val value = new Val(number);
      if (byKey) {
        assertEquals(entry.handle, map.put(new Key(entry.id), value), () -> "put of " + entry);
      } else {
        map.setValue(entry.handle, value);
      }
      assertSame(value, map.value(entry.handle));
      entry.number = number;
      entry.value = valueHeld ? value : null;
      Reference.reachabilityFence(value);
    }

    private void removed(Entry entry) {
      assertFalse(map.contains(entry.handle));
      entries.remove(entry);
      gone.put(entry.handle, entry.id);
    }

    /** Checks a survivor by handle: what the test holds is what the map has. */
    private void checkSurvivor(Entry entry) {
      assertTrue(map.contains(entry.handle), () -> "survivor lost: " + entry);
      if (entry.key != null) {
        assertSame(entry.key, map.key(entry.handle));
      } else if (!weakKeys(weakness)) {
        assertEquals(new Key(entry.id), map.key(entry.handle));
      }
      if (entry.value != null) {
        assertSame(entry.value, map.value(entry.handle));
      } else if (!weakValues(weakness)) {
        assertEquals(new Val(entry.number), map.value(entry.handle));
      }
    }

    /**
     * Collects until the map has no more entries than survivors and every side it holds weakly
     * that nothing else holds reads as {@code null}, then checks the whole map.
     */
    private void collect() {
      collections++;
      List<Entry> survivors = survivors();
      // At least one collection, so that a survivor the map lost cannot go unnoticed.
      Gc.rounds(1, map::expunge);
      Gc.until(() -> "the map keeps only the " + survivors.size() + " survivors: size "
              + map.size(),
          map::expunge,
          () -> map.size() <= survivors.size() && weakSidesCleared(survivors));
      assertEquals(survivors.size(), map.size(), "a survivor was lost");

      // Those due to leave have left: their handles are stale, their keys no longer found.
      for (Entry entry : new ArrayList<>(entries)) {
        if (!survives(entry)) {
          assertFalse(map.contains(entry.handle), () -> "still there: " + entry);
          entries.remove(entry);
          gone.put(entry.handle, entry.id);
          collected++;
        }
      }
      survivedCollections += survivors.size();
      for (Map.Entry<Long, Integer> stale : gone.entrySet()) {
        long handle = stale.getKey();
        assertFalse(map.contains(handle), () -> "stale handle live: " + Handles.toString(handle));
        assertThrows(StaleHandleException.class, () -> map.value(handle));
        assertEquals(Handles.NONE, map.find(new Key(stale.getValue())),
            () -> "found the key of a gone entry " + stale.getValue());
      }

      // Every survivor by handle and key; by iteration; through the Map view.
      Map<Object, Object> model = new HashMap<>();
      Set<Long> handles = new HashSet<>();
      for (Entry entry : survivors) {
        checkSurvivor(entry);
        handles.add(entry.handle);
        if (findable(entry)) {
          assertEquals(entry.handle, map.find(new Key(entry.id)), () -> "find of " + entry);
          model.put(new Key(entry.id), new Val(entry.number));
        } else {
          // KEY_OR_VALUE: the key nobody held was collected; no equal key finds the entry.
          assertNull(map.key(entry.handle));
          assertEquals(Handles.NONE, map.find(new Key(entry.id)));
        }
        if (entry.value == null && weakValues(weakness)) {
          assertNull(map.value(entry.handle), () -> "a collected value reads as null: " + entry);
        }
      }
      Map<Long, List<Object>> iterated = map.entries();
      assertEquals(handles, iterated.keySet(), "iteration visits exactly the survivors");
      if (weakness != Weakness.KEY_OR_VALUE) {
        assertEquals(model, new HashMap<>(map.asMap()));
        assertEquals(model, map.asMap());
        assertEquals(map.asMap(), model);
        assertEquals(model.hashCode(), map.asMap().hashCode());
      }
    }

    /**
     * Whether every side of a survivor that the map holds weakly and the test no longer holds was
     * collected, as it is by the collection that takes the entries due to leave.
     */
    private boolean weakSidesCleared(List<Entry> survivors) {
      for (Entry entry : survivors) {
        if (entry.key == null && weakKeys(weakness) && map.key(entry.handle) != null) {
          return false;
        }
        if (entry.value == null && weakValues(weakness) && map.value(entry.handle) != null) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The model check can fail: a map that loses an entry the model expects to survive is caught
   * (here the model believes keys are held strongly, the map holds them weakly).
   */
  @org.junit.jupiter.api.Test
  void aMapThatLosesASurvivorFailsTheCheck() {
    Run run = new Run(
        adapt(ObjObjWeakHandleHashMap.<Object, Object>builder().weakness(Weakness.KEY).build()),
        Weakness.VALUE);
    run.apply(new Insert(false, true, 1));
    AssertionError failure = assertThrows(AssertionError.class, () -> run.apply(new Collect()));
    assertTrue(failure.getMessage().contains("survivor"), failure.getMessage());
  }

  private static WeakMap adapt(ObjObjWeakHandleHashMap<Object, Object> map) {
    return new WeakMap() {
      @Override public long insert(Object key, Object value) { return map.insert(key, value); }
      @Override public long put(Object key, Object value) { return map.put(key, value); }
      @Override public long find(Object key) { return map.find(key); }
      @Override public boolean removeKey(Object key) { return map.removeKey(key); }
      @Override public boolean remove(long handle) { return map.remove(handle); }
      @Override public boolean contains(long handle) { return map.contains(handle); }
      @Override public Object key(long handle) { return map.key(handle); }
      @Override public Object value(long handle) { return map.value(handle); }
      @Override public void setValue(long handle, Object value) { map.setValue(handle, value); }
      @Override public int size() { return map.size(); }
      @Override public int expunge() { return map.expungeStaleEntries(); }
      @Override public void clear() { map.clear(); }
      @Override public Map<Long, List<Object>> entries() {
        Map<Long, List<Object>> entries = new HashMap<>();
        map.forEach((handle, key, value) -> entries.put(handle, listOf(key, value)));
        return entries;
      }
      @Override public Map<Object, Object> asMap() { return map.asMap(); }
    };
  }

  private static WeakMap adapt(CollidingObjObjWeakHandleHashMap<Object, Object> map) {
    return new WeakMap() {
      @Override public long insert(Object key, Object value) { return map.insert(key, value); }
      @Override public long put(Object key, Object value) { return map.put(key, value); }
      @Override public long find(Object key) { return map.find(key); }
      @Override public boolean removeKey(Object key) { return map.removeKey(key); }
      @Override public boolean remove(long handle) { return map.remove(handle); }
      @Override public boolean contains(long handle) { return map.contains(handle); }
      @Override public Object key(long handle) { return map.key(handle); }
      @Override public Object value(long handle) { return map.value(handle); }
      @Override public void setValue(long handle, Object value) { map.setValue(handle, value); }
      @Override public int size() { return map.size(); }
      @Override public int expunge() { return map.expungeStaleEntries(); }
      @Override public void clear() { map.clear(); }
      @Override public Map<Long, List<Object>> entries() {
        Map<Long, List<Object>> entries = new HashMap<>();
        map.forEach((handle, key, value) -> entries.put(handle, listOf(key, value)));
        return entries;
      }
      @Override public Map<Object, Object> asMap() { return map.asMap(); }
    };
  }
}
