package dev.rchashmap.tests.model;

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
 * <p>The key domains are large enough that every map grows far past its initial capacity,
 * drains, and reuses its slots; {@link Coverage} fails the test if that stops being so. Per
 * specialization {@value #SEEDS} seeds of {@value #STEPS} steps: a million steps in all.
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
  Stream<DynamicTest> doubleDoubleMapAgreesWithModel() {
    return modelTest(Adapters::doubleDouble, Domain.DOUBLE_DOUBLE, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> constantHashMapAgreesWithModel() {
    return modelTest(
        Adapters::collidingIntLong, Domain.centeredIntLong(COLLIDING_KEYS), COLLIDING_KEYS);
  }

  /**
   * One test per seed: a map made with an expected size drawn from {@code -1} (the no-argument
   * constructor), 0, 1, 3 and 64, and {@value #STEPS} operations on {@code keys} key seeds.
   */
  private static <K, V> Stream<DynamicTest> modelTest(
      IntFunction<HandleMap<K, V>> newMap, Domain<K, V> domain, int keys) {
    return Property.forAll(
        SEEDS,
        gen -> {
          int expectedSize = gen.oneOf(-1, 0, 1, 3, 64);
          List<Op> ops = Op.sequence(gen, keys, STEPS);
          Coverage coverage =
              Shrinker.check(ops, list -> ModelRun.check(newMap.apply(expectedSize), domain, list));
          coverage.assertGrewShrankAndReusedSlots(MIN_PEAK);
        });
  }
}
