package dev.rchashmap.tests.model;

import static dev.rchashmap.testkit.OperationMix.Effect.GROWS;
import static dev.rchashmap.testkit.OperationMix.Effect.NEUTRAL;
import static dev.rchashmap.testkit.OperationMix.Effect.SHRINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.testkit.Gen;
import dev.rchashmap.testkit.OperationMix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * One step of a model run on a {@code HandleHashMap}. Each operation is one record holding all
 * there is to it: {@code draw} makes one from a {@link Gen}, {@link #applyTo} performs it on the
 * map and on the model side by side and checks the map's answer. {@link #mix} lists the records
 * with their weights; a new operation is a new record and one line there.
 *
 * <p>Keys and values are {@code int} seeds that a {@link Domain} turns into keys and values of
 * the specialization under test, so one list fits every specialization. A pick chooses among the
 * live keys or stale handles (modulo their number), so every sublist of a list is valid too,
 * which shrinking needs.
 */
sealed interface Op {

  /** Values come from this many seeds. */
  int VALUES = 100;

  /** Picks are drawn below this; large enough to reach every live entry evenly. */
  int PICKS = 1 << 20;

  /** Performs this step on the map and on the model, checking the map's answers. */
  <K, V> void applyTo(ModelRun<K, V> run);

  /**
   * Every operation with its base weight and its effect on the size, for a domain of {@code
   * keys} key seeds. Fill phases raise the growing kinds, drain phases the shrinking ones, so the
   * map fills up to most of its domain, drains, and fills again, reusing slots. Passes over every
   * entry (cursors, {@code forEach}, {@code clear}) weigh {@code passes} times 1 to 3: rare in long
   * runs ({@code passes} = 1), so that a step costs about the same at any size; frequent in short
   * ones ({@code passes} = 10, 8% of the operations).
   */
  static OperationMix<Op> mix(int keys, int passes) {
    return OperationMix.<Op>builder()
        .add(200, GROWS, gen -> Insert.draw(gen, keys))
        .add(100, GROWS, gen -> TryInsert.draw(gen, keys))
        .add(100, GROWS, gen -> InsertWith.draw(gen, keys))
        .add(100, NEUTRAL, gen -> Lookup.draw(gen, keys))
        .add(150, SHRINKS, RemoveLive::draw)
        .add(40, NEUTRAL, RemoveStale::draw)
        .add(100, NEUTRAL, SetValue::draw)
        .add(passes, SHRINKS, Clear::draw)
        .add(3 * passes, SHRINKS, CursorRemove::draw)
        .add(2 * passes, NEUTRAL, CursorSetValue::draw)
        .add(2 * passes, NEUTRAL, ForEach::draw)
        // The everyday API (SPEC 7.1)
        .add(100, GROWS, gen -> Put.draw(gen, keys))
        .add(60, SHRINKS, gen -> RemoveKey.draw(gen, keys))
        .add(60, GROWS, gen -> FindOrInsert.draw(gen, keys))
        .add(60, GROWS, gen -> AddAndGet.draw(gen, keys))
        .add(15, GROWS, gen -> PutAll.draw(gen, keys))
        .add(60, NEUTRAL, gen -> ViewGet.draw(gen, keys))
        .add(60, GROWS, gen -> ViewPut.draw(gen, keys))
        .add(60, SHRINKS, gen -> ViewRemove.draw(gen, keys))
        .add(2 * passes, SHRINKS, ViewIteration::draw)
        .add(passes, NEUTRAL, gen -> Copy.draw(gen, keys))
        .add(passes, NEUTRAL, TrimToSize::draw)
        .add(passes, NEUTRAL, gen -> EnsureCapacity.draw(gen, keys))
        .add(2 * passes, NEUTRAL, Equals::draw)
        .build();
  }

  /** {@code insert(key, value)}; a duplicate must throw and change nothing. */
  record Insert(int key, int value) implements Op {
    static Op draw(Gen gen, int keys) {
      return new Insert(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      V v = run.value(value);
      if (run.has(k)) {
        assertThrows(
            DuplicateKeyException.class, () -> run.map().insert(k, v), () -> "insert " + k);
      } else {
        run.added(k, v, run.map().insert(k, v));
      }
    }
  }

  /** {@code tryInsert(key, value)}; a duplicate must return {@code NONE}. */
  record TryInsert(int key, int value) implements Op {
    static Op draw(Gen gen, int keys) {
      return new TryInsert(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      V v = run.value(value);
      long handle = run.map().tryInsert(k, v);
      if (run.has(k)) {
        assertEquals(Handles.NONE, handle, () -> "tryInsert of duplicate " + k);
      } else {
        run.added(k, v, handle);
      }
    }
  }

  /** {@code insertWith(key, factory)}; the factory must run once for a new key, never else. */
  record InsertWith(int key, int value) implements Op {
    static Op draw(Gen gen, int keys) {
      return new InsertWith(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      V v = run.value(value);
      List<K> factoryCalls = new ArrayList<>();
      Function<K, V> factory =
          called -> {
            factoryCalls.add(called);
            return v;
          };
      if (run.has(k)) {
        assertThrows(DuplicateKeyException.class, () -> run.map().insertWith(k, factory));
        assertEquals(List.of(), factoryCalls, () -> "factory ran for duplicate " + k);
      } else {
        long handle = run.map().insertWith(k, factory);
        assertEquals(List.of(k), factoryCalls, () -> "factory calls for new key " + k);
        run.added(k, v, handle);
      }
    }
  }

  /** {@code find}, {@code containsKey} and {@code getOrDefault(key, defaultValue)}. */
  record Lookup(int key, int defaultValue) implements Op {
    static Op draw(Gen gen, int keys) {
      return new Lookup(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      V dflt = run.value(defaultValue);
      Long handle = run.handleOf(k);
      long expectedHandle = handle == null ? Handles.NONE : handle;
      assertEquals(expectedHandle, run.map().find(k), () -> "find " + k);
      assertEquals(handle != null, run.map().containsKey(k), () -> "containsKey " + k);
      V expected = handle == null ? dflt : run.modelValue(k);
      assertEquals(expected, run.map().getOrDefault(k, dflt), () -> "getOrDefault " + k);
    }
  }

  /** {@code remove(handle)} of a live entry; must return {@code true}. */
  record RemoveLive(int pick) implements Op {
    static Op draw(Gen gen) {
      return new RemoveLive(gen.below(PICKS));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.pickLive(pick);
      if (k != null) {
        long handle = run.handleOf(k);
        assertTrue(run.map().remove(handle), () -> "remove live " + Handles.toString(handle));
        run.removed(k);
      }
    }
  }

  /** {@code remove(handle)} of a stale handle (or {@code NONE}); must return {@code false}. */
  record RemoveStale(int pick) implements Op {
    static Op draw(Gen gen) {
      return new RemoveStale(gen.below(PICKS));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      long handle = run.pickStale(pick);
      assertFalse(run.map().remove(handle), () -> "remove stale " + Handles.toString(handle));
    }
  }

  /** {@code setValue(handle, value)} of a live entry. */
  record SetValue(int pick, int value) implements Op {
    static Op draw(Gen gen) {
      return new SetValue(gen.below(PICKS), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.pickLive(pick);
      if (k != null) {
        V v = run.value(value);
        run.map().setValue(run.handleOf(k), v);
        run.valueSet(k, v);
      }
    }
  }

  /** {@code clear()}: every handle becomes stale. */
  record Clear() implements Op {
    static Op draw(Gen gen) {
      return new Clear();
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      run.map().clear();
      for (K k : new ArrayList<>(run.liveKeys())) {
        run.removed(k);
      }
    }
  }

  /** A full cursor pass that calls {@code cursor.remove()} on every {@code every}-th entry. */
  record CursorRemove(int every, int offset) implements Op {
    static Op draw(Gen gen) {
      return new CursorRemove(1 + gen.below(4), gen.below(4));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      List<K> toRemove = new ArrayList<>();
      int[] position = {0};
      Set<Long> visited = new HashSet<>();
      run.map()
          .walkCursor(
              cursor -> {
                K k = run.checkCursorEntry(cursor, visited);
                long handle = cursor.handle();
                if (position[0]++ % every == offset % every) {
                  cursor.remove();
                  assertFalse(run.map().contains(handle), () -> "cursor.remove() of " + k);
                  toRemove.add(k);
                }
              });
      assertEquals(run.size(), visited.size(), "cursor visits every entry once");
      for (K k : toRemove) {
        run.removed(k);
      }
    }
  }

  /** A full cursor pass that calls {@code cursor.setValue} on every {@code every}-th entry. */
  record CursorSetValue(int every, int value) implements Op {
    static Op draw(Gen gen) {
      return new CursorSetValue(1 + gen.below(4), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      V v = run.value(value);
      List<K> changed = new ArrayList<>();
      int[] position = {0};
      Set<Long> visited = new HashSet<>();
      run.map()
          .walkCursor(
              cursor -> {
                K k = run.checkCursorEntry(cursor, visited);
                if (position[0]++ % every == 0) {
                  cursor.setValue(v);
                  assertEquals(v, cursor.value(), "cursor.value() after cursor.setValue");
                  changed.add(k);
                }
              });
      assertEquals(run.size(), visited.size(), "cursor visits every entry once");
      for (K k : changed) {
        run.valueSet(k, v);
      }
    }
  }

  /** {@code forEach}, which must visit exactly the model's entries. */
  record ForEach() implements Op {
    static Op draw(Gen gen) {
      return new ForEach();
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      Set<Long> visited = new HashSet<>();
      run.map()
          .forEach(
              (handle, k, v) -> {
                assertTrue(visited.add(handle), () -> "forEach visited twice " + k);
                assertEquals(run.handleOf(k), handle, () -> "forEach handle of " + k);
                assertEquals(run.modelValue(k), v, () -> "forEach value of " + k);
              });
      assertEquals(run.size(), visited.size(), "forEach visits every entry");
    }
  }

  // -----------------------------------------------------------------------------------------------
  // The everyday API (SPEC 7.1)

  /** {@code put}: a new entry, or the new value of an existing one, which keeps its handle. */
  record Put(int key, int value) implements Op {
    static Op draw(Gen gen, int keys) {
      return new Put(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      V v = run.value(value);
      Long before = run.handleOf(k);
      long handle = run.map().put(k, v);
      if (before != null) {
        assertEquals((long) before, handle, () -> "put of present " + k + " changed its handle");
        run.valueSet(k, v);
      } else {
        run.added(k, v, handle);
      }
    }
  }

  /** {@code removeKey}: {@code true} and the handle goes stale, or {@code false} if absent. */
  record RemoveKey(int key) implements Op {
    static Op draw(Gen gen, int keys) {
      return new RemoveKey(gen.below(keys));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      boolean present = run.has(k);
      assertEquals(present, run.map().removeKey(k), () -> "removeKey " + k);
      if (present) {
        run.removed(k);
      }
    }
  }

  /**
   * {@code findOrInsert} on the handle layer: the existing handle without running the factory, or
   * a new entry made by it.
   */
  record FindOrInsert(int key, int value) implements Op {
    static Op draw(Gen gen, int keys) {
      return new FindOrInsert(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      V v = run.value(value);
      List<K> factoryCalls = new ArrayList<>();
      Long before = run.handleOf(k);
      long handle =
          run.map()
              .findOrInsert(
                  k,
                  called -> {
                    factoryCalls.add(called);
                    return v;
                  });
      if (before != null) {
        assertEquals((long) before, handle, () -> "findOrInsert of present " + k);
        assertEquals(List.of(), factoryCalls, () -> "factory ran for present " + k);
      } else {
        assertEquals(List.of(k), factoryCalls, () -> "factory calls for new key " + k);
        run.added(k, v, handle);
      }
    }
  }

  /**
   * {@code addAndGet} where the values are numeric: Java's sum (wrapping for integers), or the
   * delta for a new key; the handle of a present key stays. Does nothing for other values.
   */
  record AddAndGet(int key, int delta) implements Op {
    static Op draw(Gen gen, int keys) {
      return new AddAndGet(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      BinaryOperator<V> add = run.domain().add();
      if (add == null) {
        return;
      }
      K k = run.key(key);
      V d = run.value(delta);
      Long before = run.handleOf(k);
      V result = run.map().addAndGet(k, d);
      if (before != null) {
        V expected = add.apply(run.modelValue(k), d);
        assertEquals(expected, result, () -> "addAndGet " + k + " + " + d);
        assertEquals((long) before, run.map().find(k), () -> "addAndGet moved " + k);
        run.valueSet(k, expected);
      } else {
        assertEquals(d, result, () -> "addAndGet of new " + k);
        run.added(k, d, run.map().find(k));
      }
    }
  }

  /**
   * {@code putAll} from another map of the same class (its own seed, so another cell order),
   * filled with up to 8 pairs: present keys keep their handles, new keys get new ones, and the
   * other map is left as it was.
   */
  record PutAll(List<Integer> keySeeds, List<Integer> valueSeeds) implements Op {
    static Op draw(Gen gen, int keys) {
      int n = gen.below(9);
      List<Integer> keySeeds = new ArrayList<>();
      List<Integer> valueSeeds = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        keySeeds.add(gen.below(keys));
        valueSeeds.add(gen.below(VALUES));
      }
      return new PutAll(keySeeds, valueSeeds);
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      HandleMap<K, V> other = run.map().newMap();
      Map<K, V> pairs = new LinkedHashMap<>();
      for (int i = 0; i < keySeeds.size(); i++) {
        K k = run.key(keySeeds.get(i));
        V v = run.value(valueSeeds.get(i));
        other.put(k, v);
        pairs.put(k, v);
      }
      run.map().putAll(other);
      for (Map.Entry<K, V> pair : pairs.entrySet()) {
        K k = pair.getKey();
        Long before = run.handleOf(k);
        long handle = run.map().find(k);
        if (before != null) {
          assertEquals((long) before, handle, () -> "putAll changed the handle of " + k);
          run.valueSet(k, pair.getValue());
        } else {
          run.added(k, pair.getValue(), handle);
        }
      }
      assertEquals(pairs, other.asMap(), "putAll changed its argument");
    }
  }

  /** {@code asMap()} queries: {@code get}, {@code containsKey}, {@code getOrDefault}. */
  record ViewGet(int key, int defaultValue) implements Op {
    static Op draw(Gen gen, int keys) {
      return new ViewGet(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      V dflt = run.value(defaultValue);
      Map<K, V> view = run.map().asMap();
      boolean present = run.has(k);
      assertEquals(present, view.containsKey(k), () -> "asMap().containsKey " + k);
      assertEquals(run.modelValue(k), view.get(k), () -> "asMap().get " + k);
      assertEquals(
          present ? run.modelValue(k) : dflt,
          view.getOrDefault(k, dflt),
          () -> "asMap().getOrDefault " + k);
    }
  }

  /**
   * {@code asMap().put}: the previous value, or {@code null} and a new entry; an existing entry
   * keeps its handle.
   */
  record ViewPut(int key, int value) implements Op {
    static Op draw(Gen gen, int keys) {
      return new ViewPut(gen.below(keys), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      V v = run.value(value);
      Long before = run.handleOf(k);
      V previous = run.map().asMap().put(k, v);
      if (before != null) {
        assertEquals(run.modelValue(k), previous, () -> "asMap().put of present " + k);
        assertEquals((long) before, run.map().find(k), () -> "asMap().put moved " + k);
        run.valueSet(k, v);
      } else {
        assertNull(previous, () -> "asMap().put of new " + k);
        run.added(k, v, run.map().find(k));
      }
    }
  }

  /** {@code asMap().remove}: the removed value, its handle stale; {@code null} if absent. */
  record ViewRemove(int key) implements Op {
    static Op draw(Gen gen, int keys) {
      return new ViewRemove(gen.below(keys));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      K k = run.key(key);
      boolean present = run.has(k);
      V expected = run.modelValue(k);
      assertEquals(expected, run.map().asMap().remove(k), () -> "asMap().remove " + k);
      if (present) {
        run.removed(k);
      }
    }
  }

  /**
   * A pass over {@code asMap().entrySet()}: every entry once, as the model has it; {@code
   * setValue} on every {@code every}-th entry and {@code iterator.remove()} on the one after,
   * whose entry then still answers its last value.
   */
  record ViewIteration(int every, int value) implements Op {
    static Op draw(Gen gen) {
      return new ViewIteration(2 + gen.below(3), gen.below(VALUES));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      V v = run.value(value);
      Set<K> seen = new HashSet<>();
      List<K> removed = new ArrayList<>();
      Map<K, V> set = new HashMap<>();
      int position = 0;
      Iterator<Map.Entry<K, V>> it = run.map().asMap().entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<K, V> entry = it.next();
        K k = entry.getKey();
        assertTrue(seen.add(k), () -> "asMap() iteration visited twice " + k);
        assertTrue(run.has(k), () -> "asMap() iteration found absent " + k);
        V expected = set.containsKey(k) ? set.get(k) : run.modelValue(k);
        assertEquals(expected, entry.getValue(), () -> "asMap() entry value of " + k);
        if (position % every == 0) {
          assertEquals(expected, entry.setValue(v), () -> "setValue of " + k);
          assertEquals(v, run.map().value(run.handleOf(k)), () -> "setValue wrote through " + k);
          set.put(k, v);
        } else if (position % every == 1) {
          it.remove();
          assertFalse(run.map().contains(run.handleOf(k)), () -> "iterator.remove of " + k);
          assertEquals(expected, entry.getValue(), () -> "removed entry's last value " + k);
          removed.add(k);
        }
        position++;
      }
      assertEquals(run.size(), seen.size(), "asMap() iteration visits every entry");
      for (Map.Entry<K, V> change : set.entrySet()) {
        run.valueSet(change.getKey(), change.getValue());
      }
      for (K k : removed) {
        run.removed(k);
      }
    }
  }

  /**
   * {@code copy()}: every handle of the map reaches the same entry in the copy, and no stale one
   * does. Then the copy changes on its own (a removal, a value, a new key), and the map must not
   * see it; and {@value #COPY_LIFETIME} steps later the copy must still hold what it held, whatever
   * the map did meanwhile.
   */
  record Copy(int removePick, int setPick, int value, int newKey) implements Op {
    static final int COPY_LIFETIME = 40;

    static Op draw(Gen gen, int keys) {
      return new Copy(gen.below(PICKS), gen.below(PICKS), gen.below(VALUES), gen.below(keys));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      HandleMap<K, V> copy = run.map().copy();
      Map<K, V> pairs = run.modelSnapshot();
      Map<K, Long> handles = run.handleSnapshot();
      List<Long> stale = run.staleSample(64);
      ModelRun.checkCopy(copy, pairs, handles, stale);
      assertEquals(run.map().generated(), copy.generated(), "a copy equals its original");
      assertEquals(run.map().generated().hashCode(), copy.generated().hashCode(), "its hashCode");

      // The copy changes on its own.
      K removedKey = run.pickLive(removePick);
      if (removedKey != null) {
        long handle = handles.remove(removedKey);
        pairs.remove(removedKey);
        assertTrue(copy.remove(handle), "remove from the copy");
        stale.add(handle);
        assertTrue(run.map().contains(handle), () -> "removal in the copy reached the map");
      }
      K setKey = run.pickLive(setPick);
      V v = run.value(value);
      if (setKey != null && !setKey.equals(removedKey)) {
        copy.setValue(handles.get(setKey), v);
        pairs.put(setKey, v);
        assertEquals(
            run.modelValue(setKey),
            run.map().value(run.handleOf(setKey)),
            "setValue in the copy reached the map");
      }
      K k = run.key(newKey);
      if (!pairs.containsKey(k)) {
        handles.put(k, copy.put(k, v));
        pairs.put(k, v);
        assertEquals(run.has(k), run.map().containsKey(k), "insertion in the copy reached the map");
      }
      ModelRun.checkCopy(copy, pairs, handles, stale);
      run.keepCopy(new ModelRun.CopyCheck<>(copy, pairs, handles, stale, COPY_LIFETIME));
    }
  }

  /** {@code trimToSize()}: no handle changes, live ones reach their entries, stale ones stay. */
  record TrimToSize() implements Op {
    static Op draw(Gen gen) {
      return new TrimToSize();
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      run.map().trimToSize();
      run.checkEveryHandle();
    }
  }

  /**
   * {@code ensureCapacity(size + extra)} (with {@code extra} up to twice the key domain, or
   * below the size, which changes nothing): no handle changes.
   */
  record EnsureCapacity(int extra) implements Op {
    static Op draw(Gen gen, int keys) {
      return new EnsureCapacity(gen.ints(-keys, 2 * keys));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      run.map().ensureCapacity(Math.max(0, run.size() + extra));
      run.checkEveryHandle();
    }
  }

  /**
   * {@code equals} and {@code hashCode} against a map of the same class filled from the model in
   * another order (and with another seed): equal both ways, the same hash code, which is also
   * {@code HashMap}'s of the boxed pairs. Then one difference (a value, a missing or an extra
   * key) makes them unequal both ways.
   */
  record Equals(int change, int pick, int value, int extraKey) implements Op {
    static Op draw(Gen gen) {
      return new Equals(gen.below(3), gen.below(PICKS), gen.below(VALUES), gen.below(PICKS));
    }

    @Override
    public <K, V> void applyTo(ModelRun<K, V> run) {
      HandleMap<K, V> other = run.map().newMap();
      List<K> keys = new ArrayList<>(run.liveKeys());
      for (int i = keys.size() - 1; i >= 0; i--) {
        other.put(keys.get(i), run.modelValue(keys.get(i)));
      }
      Object mine = run.map().generated();
      assertEquals(mine, other.generated(), "equals a map with the same pairs");
      assertEquals(other.generated(), mine, "equals, the other way");
      assertEquals(mine.hashCode(), other.generated().hashCode(), "hashCode of equal maps");
      assertEquals(run.modelSnapshot().hashCode(), mine.hashCode(), "hashCode as a HashMap's");
      assertNotEquals(mine, run.modelSnapshot(), "a generated map never equals a java.util.Map");
      assertNotEquals(mine, null, "equals(null)");

      K k = run.pickLive(pick);
      switch (k == null ? 2 : change) {
        case 0:
          V v = run.value(value);
          if (Objects.equals(v, run.modelValue(k))) {
            return;
          }
          other.put(k, v);
          break;
        case 1:
          other.removeKey(k);
          break;
        default:
          K extra = run.key(extraKey % VALUES + 100_000);
          if (run.has(extra)) {
            return;
          }
          other.put(extra, run.value(value));
          break;
      }
      assertNotEquals(mine, other.generated(), "equals a map with other pairs");
      assertNotEquals(other.generated(), mine, "equals a map with other pairs, the other way");
    }
  }
}
