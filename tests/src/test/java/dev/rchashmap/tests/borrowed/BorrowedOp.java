package dev.rchashmap.tests.borrowed;

import static dev.rchashmap.testkit.OperationMix.Effect.GROWS;
import static dev.rchashmap.testkit.OperationMix.Effect.NEUTRAL;
import static dev.rchashmap.testkit.OperationMix.Effect.SHRINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import dev.rchashmap.testkit.Gen;
import dev.rchashmap.testkit.OperationMix;
import java.util.List;

/**
 * One step of a borrowed-lookup model run ({@link BorrowedRun}): operations by key and by probe
 * mixed. Names and probe kinds are seeds ({@link BorrowedRun#name}, {@link Probe}), handles are
 * picked among the live or stale ones modulo their number, so every sublist of a list is valid
 * too, which shrinking needs.
 */
sealed interface BorrowedOp {

  /** Values come from this many seeds. */
  int VALUES = 100;

  /** Picks are drawn below this. */
  int PICKS = 1 << 20;

  void applyTo(BorrowedRun run);

  /** Every operation with its base weight, for {@code names} names. */
  static OperationMix<BorrowedOp> mix(int names) {
    return OperationMix.<BorrowedOp>builder()
        .add(200, GROWS, gen -> new FindOrInsertProbe(gen.below(names), probe(gen), value(gen)))
        .add(60, GROWS, gen -> new FindOrInsertKey(gen.below(names), value(gen)))
        .add(60, GROWS, gen -> new Insert(gen.below(names), value(gen)))
        .add(120, NEUTRAL, gen -> new FindProbe(gen.below(names), probe(gen)))
        .add(40, NEUTRAL, gen -> new FindKey(gen.below(names)))
        .add(120, NEUTRAL, gen -> new LookupProbe(gen.below(names), probe(gen), value(gen)))
        .add(300, SHRINKS, gen -> new Drop(gen.below(PICKS)))
        .add(60, SHRINKS, gen -> new DropAll(gen.below(PICKS)))
        .add(40, SHRINKS, gen -> new RemoveKey(gen.below(names)))
        .add(30, NEUTRAL, gen -> new DropStale(gen.below(PICKS)))
        .add(60, NEUTRAL, gen -> new SetValue(gen.below(PICKS), value(gen)))
        .build();
  }

  private static int probe(Gen gen) {
    return gen.below(Probe.values().length);
  }

  private static int value(Gen gen) {
    return gen.below(VALUES);
  }

  /** {@code findOrInsert(probe, factory)}: the key made and the factory run only on a miss. */
  record FindOrInsertProbe(int name, int probe, int value) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = BorrowedRun.name(name);
      Probe kind = Probe.values()[probe];
      BorrowedRun.Entry entry = run.entry(n);
      long h = run.table().findOrInsert(kind.of(n), value, run.factoryCalls());
      if (entry == null) {
        assertEquals(List.of(n), run.factoryCalls(), () -> "factory calls for new " + n);
        run.added(n, value, h);
      } else {
        assertEquals(entry.handle, h, () -> kind + " findOrInsert of present " + n);
        assertEquals(List.of(), run.factoryCalls(), () -> "factory ran for present " + n);
        if (run.table().counts()) {
          entry.count++;
        }
      }
    }
  }

  /** {@code findOrInsert(key, factory)}, the lookup by key. */
  record FindOrInsertKey(int name, int value) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = BorrowedRun.name(name);
      BorrowedRun.Entry entry = run.entry(n);
      long h = run.table().findOrInsert(new String(n), value, run.factoryCalls());
      if (entry == null) {
        assertEquals(List.of(n), run.factoryCalls());
        run.added(n, value, h);
      } else {
        assertEquals(entry.handle, h, () -> "findOrInsert of present " + n);
        assertEquals(List.of(), run.factoryCalls());
        if (run.table().counts()) {
          entry.count++;
        }
      }
    }
  }

  /** {@code insert(key, value)}; a present name must throw and change nothing. */
  record Insert(int name, int value) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = BorrowedRun.name(name);
      if (run.entry(n) != null) {
        assertThrows(DuplicateKeyException.class, () -> run.table().insert(new String(n), value));
      } else {
        run.added(n, value, run.table().insert(new String(n), value));
      }
    }
  }

  /** {@code find(probe)}; the counted layer adds a count on a hit. */
  record FindProbe(int name, int probe) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = BorrowedRun.name(name);
      Probe kind = Probe.values()[probe];
      BorrowedRun.Entry entry = run.entry(n);
      long h = run.table().find(kind.of(n));
      assertEquals(entry == null ? Handles.NONE : entry.handle, h, () -> kind + " find " + n);
      if (entry != null && run.table().counts()) {
        entry.count++;
      }
    }
  }

  /** {@code find(key)}, the lookup by key; the counted layer adds a count on a hit. */
  record FindKey(int name) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = BorrowedRun.name(name);
      BorrowedRun.Entry entry = run.entry(n);
      assertEquals(entry == null ? Handles.NONE : entry.handle, run.table().find(new String(n)));
      if (entry != null && run.table().counts()) {
        entry.count++;
      }
    }
  }

  /** {@code containsKey(probe)} and {@code getOrDefault(probe, default)}: no count changes. */
  record LookupProbe(int name, int probe, int defaultValue) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = BorrowedRun.name(name);
      Probe kind = Probe.values()[probe];
      BorrowedRun.Entry entry = run.entry(n);
      assertEquals(entry != null, run.table().containsKey(kind.of(n)), () -> kind + " has " + n);
      assertEquals(
          entry == null ? defaultValue : entry.value,
          run.table().getOrDefault(kind.of(n), defaultValue),
          () -> kind + " getOrDefault " + n);
    }
  }

  /** {@code remove(handle)} of a live entry, or {@code release(handle)} in the counted layer. */
  record Drop(int pick) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = run.pickLive(pick);
      if (n == null) {
        return;
      }
      BorrowedRun.Entry entry = run.entry(n);
      boolean left = run.table().drop(entry.handle);
      if (run.table().counts()) {
        assertEquals(entry.count == 1, left, () -> "release of " + n + " at count " + entry.count);
        entry.count--;
      } else {
        assertTrue(left, () -> "remove of live " + n);
      }
      if (left) {
        run.removed(n);
      }
    }
  }

  /**
   * Every count of a live entry given back: {@code release} until it leaves in the counted layer
   * (so that the counts that lookups add cannot keep a drain phase from emptying the map), one
   * {@code remove} in the others.
   */
  record DropAll(int pick) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = run.pickLive(pick);
      if (n == null) {
        return;
      }
      BorrowedRun.Entry entry = run.entry(n);
      while (entry.count > 1) {
        assertFalse(run.table().drop(entry.handle), () -> "release of " + n + " at " + entry.count);
        entry.count--;
      }
      assertTrue(run.table().drop(entry.handle), () -> "the last release or remove of " + n);
      run.removed(n);
    }
  }

  /** {@code removeKey(key)} in the layers that have it. */
  record RemoveKey(int name) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      if (run.table().counts()) {
        return;
      }
      String n = BorrowedRun.name(name);
      boolean present = run.entry(n) != null;
      assertEquals(present, run.table().removeKey(new String(n)), () -> "removeKey " + n);
      if (present) {
        run.removed(n);
      }
    }
  }

  /** A stale handle: {@code remove} returns false, {@code release} throws. */
  record DropStale(int pick) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      long handle = run.pickStale(pick);
      if (handle == Handles.NONE) {
        return;
      }
      if (run.table().counts()) {
        assertThrows(StaleHandleException.class, () -> run.table().drop(handle));
      } else {
        assertFalse(run.table().drop(handle), () -> "remove of stale " + Handles.toString(handle));
      }
    }
  }

  /** {@code setValue(handle, value)} of a live entry. */
  record SetValue(int pick, int value) implements BorrowedOp {
    @Override
    public void applyTo(BorrowedRun run) {
      String n = run.pickLive(pick);
      if (n != null) {
        run.table().setValue(run.entry(n).handle, value);
        run.entry(n).value = value;
      }
    }
  }
}
