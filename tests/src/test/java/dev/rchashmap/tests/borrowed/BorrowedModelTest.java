package dev.rchashmap.tests.borrowed;

import dev.rchashmap.testkit.OperationMix.Phase;
import dev.rchashmap.testkit.Property;
import dev.rchashmap.testkit.Shrinker;
import dev.rchashmap.tests.model.Coverage;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Model-based tests of lookups by a borrowed form: operations by {@code String} key and by {@code
 * CharSequence} probe (a {@code StringBuilder}, a reused {@code CharBuffer} over a slice of a
 * {@code char[]}, a {@code String}) mixed at random and checked step by step against a {@link
 * java.util.HashMap} (see {@link BorrowedRun}), in the handle, weak and counted layers, with the
 * default hash and with a constant-hash key equivalence paired with a constant-hash borrowed one.
 * The first 31 names of the domain share one {@code String.hashCode} ({@code ""}, then {@code
 * "Aa"}/{@code "BB"} blocks combined up to 8 characters), so probes collide with keys in every map.
 * Each seed is one test; a failing list is shrunk and printed with its seed (replay: {@code
 * -Drchashmap.seed=0x...}).
 *
 * <p>Long runs: {@value #SEEDS} seeds of {@value #STEPS} steps in fill and drain phases per map,
 * over {@value #NAMES} names ({@value #COLLIDING_NAMES} for the constant-hash maps, whose every
 * lookup walks one cluster of all the entries), which must grow the map, drain it and reuse its
 * slots ({@link Coverage}). Short runs: {@value #SHORT_SEEDS} seeds per map of up to {@value
 * #SHORT_STEPS} steps on {@value #SHORT_NAMES} names, nearly all of them colliding.
 */
class BorrowedModelTest {

  static final int SEEDS = 4;
  static final int STEPS = 20_000;
  static final int NAMES = 600;
  static final int COLLIDING_NAMES = 300;
  static final int SHORT_SEEDS = 150;
  static final int SHORT_STEPS = 150;
  static final int SHORT_NAMES = 12;

  @TestFactory
  Stream<DynamicTest> handleMapAgreesWithModel() {
    return longRuns(Table::nameHandle, NAMES);
  }

  @TestFactory
  Stream<DynamicTest> constantHashHandleMapAgreesWithModel() {
    return longRuns(Table::collidingHandle, COLLIDING_NAMES);
  }

  @TestFactory
  Stream<DynamicTest> weakMapAgreesWithModel() {
    return longRuns(Table::nameWeak, NAMES);
  }

  @TestFactory
  Stream<DynamicTest> constantHashWeakMapAgreesWithModel() {
    return longRuns(Table::collidingWeak, COLLIDING_NAMES);
  }

  @TestFactory
  Stream<DynamicTest> countedMapAgreesWithModel() {
    return longRuns(Table::nameCounted, NAMES);
  }

  @TestFactory
  Stream<DynamicTest> constantHashCountedMapAgreesWithModel() {
    return longRuns(Table::collidingCounted, COLLIDING_NAMES);
  }

  @TestFactory
  Stream<DynamicTest> everyMapAgreesWithModelInShortRuns() {
    List<Supplier<Table>> tables = Table.all();
    return Property.forAll(
        SHORT_SEEDS,
        gen -> {
          List<BorrowedOp> ops =
              BorrowedOp.mix(SHORT_NAMES).sequence(gen, gen.ints(0, SHORT_STEPS), Phase.MIXED);
          for (Supplier<Table> table : tables) {
            Shrinker.check(ops, list -> BorrowedRun.check(table.get(), SHORT_NAMES, list));
          }
        });
  }

  /** Fill and drain phases of about three times the domain, so counts fall back to zero too. */
  private static Stream<DynamicTest> longRuns(Supplier<Table> table, int names) {
    return Property.forAll(
        SEEDS,
        gen -> {
          List<BorrowedOp> ops = BorrowedOp.mix(names).sequence(gen, STEPS, 3 * names);
          Coverage coverage = Shrinker.check(ops, list -> BorrowedRun.check(table.get(), names, list));
          coverage.assertGrewShrankAndReusedSlots(names / 4);
        });
  }
}
