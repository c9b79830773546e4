package dev.rchashmap.tests.layers;

import static dev.rchashmap.testkit.OperationMix.Effect.GROWS;
import static dev.rchashmap.testkit.OperationMix.Effect.NEUTRAL;
import static dev.rchashmap.testkit.OperationMix.Effect.SHRINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.testkit.Gen;
import dev.rchashmap.testkit.OperationMix;
import java.util.Map;
import java.util.function.IntToLongFunction;
import java.util.function.ToLongFunction;

/**
 * One step of a model run on a {@code CountedHashMap}. Each operation is one record holding all
 * there is to it: {@code draw} makes one from a {@link Gen}, {@link #applyTo} performs it on the
 * map and on the model ({@link CountedRun}) side by side and checks the map's answer. {@link
 * #mix} lists them with their weights; a new operation is a new record and one line there.
 *
 * <p>Keys are {@code 0..keys-1}; values are any {@code long}, edges included. A pick chooses among
 * the live entries (modulo their number), so every sublist of an
 * operation list is a valid list too, which shrinking needs.
 */
sealed interface CountedOp {

  /** Picks are drawn below this. */
  int PICKS = 1 << 20;

  /** Performs this step on the map and on the model, checking the map's answers. */
  void applyTo(CountedRun run);

  /** The operations with their base weights, for a domain of {@code keys} keys. */
  static OperationMix<CountedOp> mix(int keys) {
    return mix(keys, Gen::longs);
  }

  /**
   * The operations with their base weights, for a domain of {@code keys} keys and values drawn
   * by {@code values}: {@code gen -> gen.ints()} for a map whose values are {@code int}s.
   */
  static OperationMix<CountedOp> mix(int keys, ToLongFunction<Gen> values) {
    return OperationMix.<CountedOp>builder()
        .add(3, GROWS, gen -> Insert.draw(gen, keys, values))
        .add(1, GROWS, gen -> TryInsert.draw(gen, keys, values))
        .add(1, GROWS, gen -> InsertWith.draw(gen, keys, values))
        .add(3, NEUTRAL, gen -> Find.draw(gen, keys))
        .add(2, GROWS, gen -> FindOrInsert.draw(gen, keys, values))
        .add(2, NEUTRAL, Retain::draw)
        .add(6, SHRINKS, Release::draw)
        .add(1, NEUTRAL, gen -> SetValue.draw(gen, values))
        .add(1, NEUTRAL, gen -> GetOrDefault.draw(gen, keys, values))
        .add(1, NEUTRAL, gen -> ViewRead.draw(gen, keys))
        .build();
  }

  /** A factory that returns {@code value} and counts its calls in {@code runs[0]}. */
  private static IntToLongFunction factory(int key, long value, int[] runs) {
    return k -> {
      runs[0]++;
      assertEquals(key, k, "factory called for another key");
      return value;
    };
  }

  /** {@code insert}: count 1; a duplicate throws and changes nothing. */
  record Insert(int key, long value) implements CountedOp {
    static CountedOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new Insert(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public void applyTo(CountedRun run) {
      if (run.entry(key) != null) {
        assertThrows(DuplicateKeyException.class, () -> run.map().insert(key, value));
      } else {
        run.added(key, value, run.map().insert(key, value));
      }
    }
  }

  /** {@code tryInsert}: {@code NONE} for a duplicate. */
  record TryInsert(int key, long value) implements CountedOp {
    static CountedOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new TryInsert(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public void applyTo(CountedRun run) {
      long handle = run.map().tryInsert(key, value);
      if (run.entry(key) != null) {
        assertEquals(Handles.NONE, handle, () -> "tryInsert of duplicate " + key);
      } else {
        run.added(key, value, handle);
      }
    }
  }

  /** {@code insertWith}: the factory runs once for a new key, never for a duplicate. */
  record InsertWith(int key, long value) implements CountedOp {
    static CountedOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new InsertWith(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public void applyTo(CountedRun run) {
      int[] runs = {0};
      if (run.entry(key) != null) {
        assertThrows(
            DuplicateKeyException.class, () -> run.map().insertWith(key, factory(key, value, runs)));
        assertEquals(0, runs[0], "factory ran for a duplicate");
      } else {
        run.added(key, value, run.map().insertWith(key, factory(key, value, runs)));
        assertEquals(1, runs[0], "factory runs for a new key");
      }
    }
  }

  /** {@code find}: the handle and count +1 on a hit, {@code NONE} on a miss. */
  record Find(int key) implements CountedOp {
    static CountedOp draw(Gen gen, int keys) {
      return new Find(gen.below(keys));
    }

    @Override
    public void applyTo(CountedRun run) {
      CountedRun.Entry entry = run.entry(key);
      if (entry != null) {
        assertEquals(entry.handle, run.map().find(key), () -> "find " + key);
        entry.count++;
      } else {
        assertEquals(Handles.NONE, run.map().find(key), () -> "find absent " + key);
      }
    }
  }

  /** {@code findOrInsert}: count +1 on a hit without the factory, else a new entry. */
  record FindOrInsert(int key, long value) implements CountedOp {
    static CountedOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new FindOrInsert(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public void applyTo(CountedRun run) {
      int[] runs = {0};
      CountedRun.Entry entry = run.entry(key);
      long handle = run.map().findOrInsert(key, factory(key, value, runs));
      if (entry != null) {
        assertEquals(entry.handle, handle, () -> "findOrInsert of present " + key);
        assertEquals(0, runs[0], "factory ran for a present key");
        entry.count++;
      } else {
        assertEquals(1, runs[0], "factory runs for a new key");
        run.added(key, value, handle);
      }
    }
  }

  /** {@code retain} of a live entry: count +1, the same handle back. */
  record Retain(int pick) implements CountedOp {
    static CountedOp draw(Gen gen) {
      return new Retain(gen.below(PICKS));
    }

    @Override
    public void applyTo(CountedRun run) {
      Integer key = run.pickLive(pick);
      if (key != null) {
        CountedRun.Entry entry = run.entry(key);
        assertEquals(entry.handle, run.map().retain(entry.handle), "retain returns its handle");
        entry.count++;
      }
    }
  }

  /** {@code release} of a live entry: count -1; at zero the entry leaves and the listener runs. */
  record Release(int pick) implements CountedOp {
    static CountedOp draw(Gen gen) {
      return new Release(gen.below(PICKS));
    }

    @Override
    public void applyTo(CountedRun run) {
      Integer key = run.pickLive(pick);
      if (key != null) {
        CountedRun.Entry entry = run.entry(key);
        assertEquals((int) key, run.map().key(entry.handle), "key of the picked entry");
        boolean last = --entry.count == 0;
        if (last) {
          run.expectRemoval(key);
        }
        assertEquals(last, run.map().release(entry.handle), () -> "release of " + key);
        if (last) {
          run.removed(key);
        }
      }
    }
  }

  /** {@code setValue} of a live entry. */
  record SetValue(int pick, long value) implements CountedOp {
    static CountedOp draw(Gen gen, ToLongFunction<Gen> values) {
      return new SetValue(gen.below(PICKS), values.applyAsLong(gen));
    }

    @Override
    public void applyTo(CountedRun run) {
      Integer key = run.pickLive(pick);
      if (key != null) {
        CountedRun.Entry entry = run.entry(key);
        run.map().setValue(entry.handle, value);
        entry.value = value;
      }
    }
  }

  /**
   * {@code getOrDefault} and {@code containsKey}: the value of a present key, else the default;
   * the count does not change.
   */
  record GetOrDefault(int key, long defaultValue) implements CountedOp {
    static CountedOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new GetOrDefault(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public void applyTo(CountedRun run) {
      CountedRun.Entry entry = run.entry(key);
      assertEquals(
          entry == null ? defaultValue : entry.value,
          run.map().getOrDefault(key, defaultValue),
          () -> "getOrDefault " + key);
      assertEquals(entry != null, run.map().containsKey(key), () -> "containsKey " + key);
      if (entry != null) {
        assertEquals(entry.count, run.map().refCount(entry.handle), "getOrDefault counted");
      }
    }
  }

  /**
   * Reads through the read-only {@code asMap()} view: {@code get}, {@code containsKey}, {@code
   * getOrDefault}, {@code size}; no count changes. (That its mutators throw is checked in the
   * full checks of {@link CountedRun}: exceptions are costly.)
   */
  record ViewRead(int key) implements CountedOp {
    static CountedOp draw(Gen gen, int keys) {
      return new ViewRead(gen.below(keys));
    }

    @Override
    public void applyTo(CountedRun run) {
      CountedRun.Entry entry = run.entry(key);
      Map<Integer, Long> view = run.map().asMap();
      assertEquals(entry == null ? null : entry.value, view.get(key), () -> "asMap().get " + key);
      assertEquals(entry != null, view.containsKey(key), () -> "asMap().containsKey " + key);
      assertEquals(
          entry == null ? -1L : entry.value,
          view.getOrDefault(key, -1L),
          () -> "asMap().getOrDefault " + key);
      assertEquals(run.map().size(), view.size(), "asMap().size");
      if (entry != null) {
        assertEquals(entry.count, run.map().refCount(entry.handle), "asMap() read counted");
      }
    }
  }
}
