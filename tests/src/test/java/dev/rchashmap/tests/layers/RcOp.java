package dev.rchashmap.tests.layers;

import static dev.rchashmap.testkit.OperationMix.Effect.GROWS;
import static dev.rchashmap.testkit.OperationMix.Effect.NEUTRAL;
import static dev.rchashmap.testkit.OperationMix.Effect.SHRINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.testkit.Gen;
import dev.rchashmap.testkit.OperationMix;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * One step of a model run on an {@code RcHashMap}. Each operation is one record holding all there
 * is to it: {@code draw} makes one from a {@link Gen}, {@link #applyTo} performs it on the map and
 * on the model ({@link RcRun}) side by side and checks the map's answer. {@link #mix} lists them
 * with their weights; a new operation is a new record and one line there.
 *
 * <p>Keys are {@code 0..keys-1}; values any {@code long}. A pick chooses among the open (or
 * closed) {@code Ref}s modulo their number, so every sublist of an operation list is valid too.
 */
sealed interface RcOp {

  /** Picks are drawn below this. */
  int PICKS = 1 << 20;

  /** Performs this step on the map and on the model, checking the map's answers. */
  <R> void applyTo(RcRun<R> run);

  /** The operations with their base weights, for a domain of {@code keys} keys. */
  static OperationMix<RcOp> mix(int keys) {
    return mix(keys, Gen::longs);
  }

  /**
   * The operations with their base weights, for a domain of {@code keys} keys and values drawn
   * by {@code values}: {@code gen -> gen.ints()} for a map whose values are {@code int}s.
   */
  static OperationMix<RcOp> mix(int keys, ToLongFunction<Gen> values) {
    return OperationMix.<RcOp>builder()
        .add(3, GROWS, gen -> Insert.draw(gen, keys, values))
        .add(1, GROWS, gen -> InsertWith.draw(gen, keys, values))
        .add(3, NEUTRAL, gen -> Find.draw(gen, keys))
        .add(2, GROWS, gen -> FindOrInsert.draw(gen, keys, values))
        .add(2, NEUTRAL, Share::draw)
        .add(6, SHRINKS, Close::draw)
        .add(1, NEUTRAL, CloseAgain::draw)
        .add(1, NEUTRAL, gen -> SetValue.draw(gen, values))
        .add(1, NEUTRAL, gen -> LookupHeld.draw(gen, values))
        .add(1, NEUTRAL, gen -> Lookup.draw(gen, keys, values))
        .build();
  }

  /** {@code insert}: a new entry and its first Ref; a duplicate throws. */
  record Insert(int key, long value) implements RcOp {
    static RcOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new Insert(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      if (run.present(key)) {
        assertThrows(DuplicateKeyException.class, () -> run.map().insert(key, value));
      } else {
        run.inserted(run.map().insert(key, value), key, value);
      }
    }
  }

  /** {@code insertWith}: the factory runs only for a new key. */
  record InsertWith(int key, long value) implements RcOp {
    static RcOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new InsertWith(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      int[] runs = {0};
      if (run.present(key)) {
        assertThrows(
            DuplicateKeyException.class,
            () -> run.map().insertWith(key, k -> ++runs[0]));
        assertEquals(0, runs[0], "factory ran for a duplicate");
      } else {
        run.inserted(run.map().insertWith(key, k -> {
          runs[0]++;
          assertEquals(key, k, "factory called for another key");
          return value;
        }), key, value);
        assertEquals(1, runs[0], "factory runs for a new key");
      }
    }
  }

  /** {@code find}: a new Ref to a present key, {@code null} for an absent one. */
  record Find(int key) implements RcOp {
    static RcOp draw(Gen gen, int keys) {
      return new Find(gen.below(keys));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      R found = run.map().find(key);
      if (run.present(key)) {
        assertNotNull(found, () -> "find " + key);
        run.anotherRef(found, key);
      } else {
        assertNull(found, () -> "find absent " + key);
      }
    }
  }

  /** {@code findOrInsert}: a new Ref, to the present entry or to a new one. */
  record FindOrInsert(int key, long value) implements RcOp {
    static RcOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new FindOrInsert(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      boolean present = run.present(key);
      int[] runs = {0};
      R ref = run.map().findOrInsert(key, k -> {
        runs[0]++;
        return value;
      });
      if (present) {
        assertEquals(0, runs[0], "factory ran for a present key");
        run.anotherRef(ref, key);
      } else {
        assertEquals(1, runs[0], "factory runs for a new key");
        run.inserted(ref, key, value);
      }
    }
  }

  /** {@code share} of an open Ref: another Ref to the same entry. */
  record Share(int pick) implements RcOp {
    static RcOp draw(Gen gen) {
      return new Share(gen.below(PICKS));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      RcRun.Held<R> held = run.pickOpen(pick);
      if (held != null) {
        R shared = run.map().share(held.ref());
        assertTrue(run.map().sameEntry(held.ref(), shared), "a shared Ref reaches its origin's entry");
        assertNotEquals(held.ref(), shared, "and is a counted unit of its own");
        run.anotherRef(shared, held.key());
      }
    }
  }

  /** {@code close} of an open Ref; the last Ref of an entry removes it. */
  record Close(int pick) implements RcOp {
    static RcOp draw(Gen gen) {
      return new Close(gen.below(PICKS));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      if (run.openCount() > 0) {
        run.close(pick);
      }
    }
  }

  /** {@code close} of a closed Ref again: nothing happens. */
  record CloseAgain(int pick) implements RcOp {
    static RcOp draw(Gen gen) {
      return new CloseAgain(gen.below(PICKS));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      RcRun.Held<R> held = run.pickClosed(pick);
      if (held != null) {
        run.map().close(held.ref());
      }
    }
  }

  /** {@code setValue} through an open Ref. */
  record SetValue(int pick, long value) implements RcOp {
    static RcOp draw(Gen gen, ToLongFunction<Gen> values) {
      return new SetValue(gen.below(PICKS), values.applyAsLong(gen));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      RcRun.Held<R> held = run.pickOpen(pick);
      if (held != null) {
        run.map().setValue(held.ref(), value);
        run.valueSet(held.key(), value);
      }
    }
  }

  /**
   * {@code getOrDefault}, {@code containsKey} and {@code asMap()} reads of the key of an open
   * Ref: its value, and no Ref made (the count read through that Ref does not change).
   */
  record LookupHeld(int pick, long defaultValue) implements RcOp {
    static RcOp draw(Gen gen, ToLongFunction<Gen> values) {
      return new LookupHeld(gen.below(PICKS), values.applyAsLong(gen));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      RcRun.Held<R> held = run.pickOpen(pick);
      if (held == null) {
        return;
      }
      int key = held.key();
      int count = run.map().refCount(held.ref());
      long value = run.map().value(held.ref());
      assertEquals(value, run.map().getOrDefault(key, defaultValue), () -> "getOrDefault " + key);
      assertTrue(run.map().containsKey(key), () -> "containsKey " + key);
      Map<Integer, Long> view = run.map().asMap();
      assertEquals(value, view.get(key), () -> "asMap().get " + key);
      assertTrue(view.containsKey(key), () -> "asMap().containsKey " + key);
      assertEquals(count, run.map().refCount(held.ref()), "a lookup without a Ref counted");
    }
  }

  /** {@code getOrDefault}, {@code containsKey} and {@code asMap()} reads of any key. */
  record Lookup(int key, long defaultValue) implements RcOp {
    static RcOp draw(Gen gen, int keys, ToLongFunction<Gen> values) {
      return new Lookup(gen.below(keys), values.applyAsLong(gen));
    }

    @Override
    public <R> void applyTo(RcRun<R> run) {
      Long value = run.value(key);
      assertEquals(
          value == null ? defaultValue : value,
          run.map().getOrDefault(key, defaultValue),
          () -> "getOrDefault " + key);
      assertEquals(value != null, run.map().containsKey(key), () -> "containsKey " + key);
      Map<Integer, Long> view = run.map().asMap();
      assertEquals(value, view.get(key), () -> "asMap().get " + key);
      assertEquals(value != null, view.containsKey(key), () -> "asMap().containsKey " + key);
      assertEquals(run.map().size(), view.size(), "asMap().size");
    }
  }
}
