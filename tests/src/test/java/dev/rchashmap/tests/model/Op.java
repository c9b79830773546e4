package dev.rchashmap.tests.model;

import static dev.rchashmap.testkit.OperationMix.Effect.GROWS;
import static dev.rchashmap.testkit.OperationMix.Effect.NEUTRAL;
import static dev.rchashmap.testkit.OperationMix.Effect.SHRINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.testkit.Gen;
import dev.rchashmap.testkit.OperationMix;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
}
