package dev.rchashmap.tests.model;

import dev.rchashmap.testkit.OperationMix.Phase;
import dev.rchashmap.testkit.Property;
import dev.rchashmap.testkit.Shrinker;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Model-based tests: long random sequences of every handle-map operation, checked step by step
 * against {@link java.util.HashMap} (see {@link ModelRun}), for several key and value types and
 * for an equivalence whose hash is constant. Each seed is one test; a failing list is shrunk
 * and printed with its seed (replay: {@code -Drchashmap.seed=0x...}).
 *
 * <p>Long runs: the key domains are large enough that every map grows far past its initial
 * capacity, drains, and reuses its slots; {@link Coverage} fails the test if that stops being so.
 * Per specialization {@value #SEEDS} seeds of {@value #STEPS} steps in fill and drain phases: a
 * million steps in all. Short runs: {@value #SHORT_SEEDS} seeds per specialization of up to
 * {@value #SHORT_STEPS} steps on {@value #SHORT_KEYS} key seeds, from a fresh map, with frequent
 * passes over all entries; the map stays small, so every step checks all of it.
 */
class HandleHashMapModelTest {

  /** Seeds per specialization. */
  static final int SEEDS = 8;

  /** Operations per seed. */
  static final int STEPS = 25_000;

  /** Key seeds of the default-hash maps. */
  static final int KEYS = 1000;

  /**
   * Key seeds of the constant-hash map, where every lookup walks one probe cluster of all the
   * entries; fewer keys keep its steps about as cheap as the others'.
   */
  static final int COLLIDING_KEYS = 512;

  /** The size every run must reach and fall back from; the initial capacity is 8 to 64. */
  static final int MIN_PEAK = 256;

  /** Short runs per specialization. */
  static final int SHORT_SEEDS = 300;

  /** The longest short run. */
  static final int SHORT_STEPS = 200;

  /** Key seeds of the short runs: few, so duplicates and re-insertions are frequent. */
  static final int SHORT_KEYS = 40;

  @TestFactory
  Stream<DynamicTest> intLongMapAgreesWithModel() {
    return modelTest(Adapters::intLong, Domain.INT_LONG, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> longObjMapAgreesWithModel() {
    return modelTest(Adapters::longObj, Domain.LONG_OBJ, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> objIntMapWithStringKeysAgreesWithModel() {
    return modelTest(Adapters::objInt, Domain.STRING_INT, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> stringIntMapAgreesWithModel() {
    return modelTest(Adapters::stringInt, Domain.STRING_INT, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> objObjMapAgreesWithModel() {
    return modelTest(Adapters::objObj, Domain.LONG_OBJ, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> doubleDoubleMapAgreesWithModel() {
    return modelTest(Adapters::doubleDouble, Domain.DOUBLE_DOUBLE, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> constantHashMapAgreesWithModel() {
    return modelTest(
        Adapters::collidingIntLong, Domain.centeredIntLong(COLLIDING_KEYS), COLLIDING_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> intLongMapAgreesWithModelInShortRuns() {
    return shortRuns(Adapters::intLong, Domain.INT_LONG, SHORT_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> longObjMapAgreesWithModelInShortRuns() {
    return shortRuns(Adapters::longObj, Domain.LONG_OBJ, SHORT_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> objIntMapWithStringKeysAgreesWithModelInShortRuns() {
    return shortRuns(Adapters::objInt, Domain.STRING_INT, SHORT_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> stringIntMapAgreesWithModelInShortRuns() {
    return shortRuns(Adapters::stringInt, Domain.STRING_INT, SHORT_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> objObjMapAgreesWithModelInShortRuns() {
    return shortRuns(Adapters::objObj, Domain.LONG_OBJ, SHORT_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> doubleDoubleMapAgreesWithModelInShortRuns() {
    return shortRuns(Adapters::doubleDouble, Domain.DOUBLE_DOUBLE, SHORT_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> constantHashMapAgreesWithModelInShortRuns() {
    return shortRuns(
        Adapters::collidingIntLong, Domain.centeredIntLong(SHORT_KEYS), SHORT_KEYS);
  }

  /**
   * One test per seed: a map made with an expected size drawn from {@code -1} (the no-argument
   * constructor), 0, 1, 3 and 64, and {@value #STEPS} operations on {@code keys} key seeds in
   * fill and drain phases of about twice the domain's size, long enough to fill and to empty it.
   */
  private static <K, V> Stream<DynamicTest> modelTest(
      IntFunction<HandleMap<K, V>> newMap, Domain<K, V> domain, int keys) {
    return Property.forAll(
        SEEDS,
        gen -> {
          int expectedSize = gen.oneOf(-1, 0, 1, 3, 64);
          List<Op> ops = Op.mix(keys, 1).sequence(gen, STEPS, 2 * keys);
          Coverage coverage =
              Shrinker.check(ops, list -> ModelRun.check(newMap.apply(expectedSize), domain, list));
          coverage.assertGrewShrankAndReusedSlots(MIN_PEAK);
        });
  }

  /** One test per seed: up to {@value #SHORT_STEPS} operations with the base weights. */
  private static <K, V> Stream<DynamicTest> shortRuns(
      IntFunction<HandleMap<K, V>> newMap, Domain<K, V> domain, int keys) {
    return Property.forAll(
        SHORT_SEEDS,
        gen -> {
          int expectedSize = gen.oneOf(-1, 0, 1, 3, 64);
          List<Op> ops = Op.mix(keys, 10).sequence(gen, gen.ints(0, SHORT_STEPS), Phase.MIXED);
          Shrinker.check(ops, list -> ModelRun.check(newMap.apply(expectedSize), domain, list));
        });
  }
}
