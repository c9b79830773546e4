package dev.rchashmap.tests.model;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model-based tests: random sequences of every handle-map operation, checked step by step against
 * {@link java.util.HashMap} (see {@link ModelRun}), for several key and value types and for an
 * equivalence whose hash is constant.
 */
class HandleHashMapModelTest {

  /** Random sequences per property; edge cases are left out, random sequences find more. */
  private static final int TRIES = 300;

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void intLongMapAgreesWithModel(
      @ForAll("operations") List<Op> ops, @ForAll("expectedSizes") int expectedSize) {
    ModelRun.check(Adapters.intLong(expectedSize), Domain.INT_LONG, ops);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void longObjMapAgreesWithModel(
      @ForAll("operations") List<Op> ops, @ForAll("expectedSizes") int expectedSize) {
    ModelRun.check(Adapters.longObj(expectedSize), Domain.LONG_OBJ, ops);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void objIntMapWithStringKeysAgreesWithModel(
      @ForAll("operations") List<Op> ops, @ForAll("expectedSizes") int expectedSize) {
    ModelRun.check(Adapters.objInt(expectedSize), Domain.STRING_INT, ops);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void doubleDoubleMapAgreesWithModel(
      @ForAll("operations") List<Op> ops, @ForAll("expectedSizes") int expectedSize) {
    ModelRun.check(Adapters.doubleDouble(expectedSize), Domain.DOUBLE_DOUBLE, ops);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void constantHashMapAgreesWithModel(
      @ForAll("operations") List<Op> ops, @ForAll("expectedSizes") int expectedSize) {
    ModelRun.check(Adapters.collidingIntLong(expectedSize), Domain.SMALL_INT_LONG, ops);
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    return Operations.sequences();
  }

  /** {@code -1} means the no-argument constructor. */
  @Provide
  Arbitrary<Integer> expectedSizes() {
    return Arbitraries.of(-1, 0, 1, 3, 64);
  }
}
