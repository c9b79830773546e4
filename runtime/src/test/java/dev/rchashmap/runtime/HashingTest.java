package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.testkit.Property;
import java.util.BitSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HashingTest {

  private static final int C1 = 0x85eb_ca6b;
  private static final int C2 = 0xc2b2_ae35;

  /** The multiplicative inverse of an odd number modulo 2^32, by Newton's iteration. */
  private static int inverse(int odd) {
    int x = odd; // correct to 3 bits, each step doubles the correct bits
    for (int i = 0; i < 5; i++) {
      x *= 2 - odd * x;
    }
    return x;
  }

  /** The inverse of fmix32, written independently of {@link Hashing#mix(int)}. */
  private static int unmix(int x) {
    x ^= x >>> 16;
    x *= inverse(C2);
    x ^= (x >>> 13) ^ (x >>> 26);
    x *= inverse(C1);
    x ^= x >>> 16;
    return x;
  }

  @Test
  void inversesAreInverses() {
    assertEquals(1, C1 * inverse(C1));
    assertEquals(1, C2 * inverse(C2));
  }

  @Test
  void mixIsMurmur3Fmix32() {
    // Reference values of fmix32 (murmur3); 0 is a fixed point.
    assertEquals(0, Hashing.mix(0));
    assertEquals(0x514e_28b7, Hashing.mix(1));
    assertEquals(0x81f1_6f39, Hashing.mix(-1));
  }

  @TestFactory
  Stream<DynamicTest> mixIntIsInvertible() {
    return Property.forAll(
        10_000,
        gen -> {
          int x = gen.ints();
          assertEquals(x, unmix(Hashing.mix(x)));
          assertEquals(x, Hashing.mix(unmix(x)));
        });
  }

  @Test
  void mixIntGivesDistinctHashesForSequentialKeys() {
    int n = 1 << 20;
    int[] hashes = new int[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = Hashing.mix(i);
    }
    java.util.Arrays.sort(hashes);
    for (int i = 1; i < n; i++) {
      assertTrue(hashes[i - 1] != hashes[i], "collision at " + hashes[i]);
    }
  }

  /**
   * Cells of an 8192-cell index hit by the 4096 keys {@code i << shift}, each placed as the maps
   * place it: by the hash's high bits, {@code hash >>> shiftFor(8192)}.
   */
  private static int cellsHit(int shift, java.util.function.IntUnaryOperator hash) {
    BitSet cells = new BitSet(8192);
    for (int i = 0; i < 4096; i++) {
      cells.set(hash.applyAsInt(i << shift) >>> Hashing.shiftFor(8192));
    }
    return cells.cardinality();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 10, 16, 20})
  void mixIntSpreadsClusteredKeys(int shift) {
    // A random function puts 4096 keys into about 8192 * (1 - e^-0.5) = 3223 of 8192 cells.
    int hit = cellsHit(shift, Hashing::mix);
    assertTrue(hit >= 3000, "keys i << " + shift + " hit only " + hit + " cells");
  }

  @Test
  void spreadCheckCatchesAnUnmixedHash() {
    // The identity hash puts the first 4096 sequential keys into one cell: the check can fail.
    assertEquals(1, cellsHit(0, x -> x));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void spreadSpreadsClusteredKeys(int shift) {
    // A random function reaches about 3223 cells; spread keeps at least three quarters of that.
    int hit = cellsHit(shift, Hashing::spread);
    assertTrue(hit >= 2400, "keys i << " + shift + " hit only " + hit + " cells");
  }

  @Test
  void spreadCheckCatchesAPlainMultiplication() {
    // Fibonacci hashing alone crowds multiples of 32 into 1775 cells: the check above can fail.
    assertTrue(cellsHit(5, x -> x * 0x9E37_79B9) < 2000);
  }

  @TestFactory
  Stream<DynamicTest> spreadIsInvertible() {
    return Property.forAll(
        1000,
        gen -> {
          int x = gen.ints();
          // 0x144cbc89 is the inverse of 0x9e3779b9 modulo 2^32; then undo x ^ (x >>> 15).
          int folded = Hashing.spread(x) * 0x144c_bc89;
          assertEquals(x, folded ^ (folded >>> 15) ^ (folded >>> 30));
        });
  }

  @Test
  void spreadFoldsThenMultipliesByTheGoldenRatio() {
    assertEquals(0x9E37_79B9, Hashing.spread(1));
    assertEquals(0, Hashing.spread(0));
    assertEquals(0x4000_0001 * 0x9E37_79B9, Hashing.spread(0x4000_8000));
  }

  @Test
  void nonZeroReplacesOnlyZero() {
    assertEquals(Hashing.ZERO_STAND_IN, Hashing.nonZero(0));
    assertTrue(Hashing.ZERO_STAND_IN != 0);
    assertEquals(1, Hashing.nonZero(1));
    assertEquals(-1, Hashing.nonZero(-1));
    assertEquals(Hashing.ZERO_STAND_IN, Hashing.nonZero(Hashing.ZERO_STAND_IN));
  }

  @Test
  void shiftForKeepsTheTopLog2Bits() {
    assertEquals(29, Hashing.shiftFor(8));
    assertEquals(19, Hashing.shiftFor(8192));
    assertEquals(2, Hashing.shiftFor(Hashing.MAX_INDEX_LENGTH));
    assertEquals(7, -1 >>> Hashing.shiftFor(8));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 10, 16, 20, 32, 40, 51})
  void mixLongSpreadsClusteredKeys(int shift) {
    BitSet cells = new BitSet(8192);
    for (long i = 0; i < 4096; i++) {
      cells.set(Hashing.mix(i << shift) >>> Hashing.shiftFor(8192));
    }
    int hit = cells.cardinality();
    assertTrue(hit >= 3000, "keys i << " + shift + " hit only " + hit + " cells");
  }

  @Test
  void mixLongIsFoldedFmix64() {
    long x = 0x0123_4567_89ab_cdefL;
    long h = x;
    h ^= h >>> 33;
    h *= 0xff51_afd7_ed55_8ccdL;
    h ^= h >>> 33;
    h *= 0xc4ce_b9fe_1a85_ec53L;
    h ^= h >>> 33;
    assertEquals((int) (h ^ (h >>> 32)), Hashing.mix(x));
    assertEquals(0, Hashing.mix(0L));
    // The high half matters: keys that differ only above bit 31 get different hashes.
    assertTrue(Hashing.mix(1L << 32) != Hashing.mix(0L));
    assertTrue(Hashing.mix(1L << 63) != Hashing.mix(0L));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 8",
    "1, 8",
    "6, 8",
    "7, 16",
    "12, 16",
    "13, 32",
    "24, 32",
    "25, 64",
    "48, 64",
    "49, 128",
    "768, 1024",
    "769, 2048",
    "3145728, 4194304", // 3 << 20 -> 1 << 22
    "3145729, 8388608",
    "805306368, 1073741824", // 3 << 28, the most a map can hold -> 1 << 30
  })
  void indexLengthForBoundaries(int expectedSize, int indexLength) {
    assertEquals(indexLength, Hashing.indexLengthFor(expectedSize));
  }

  @TestFactory
  Stream<DynamicTest> indexLengthIsTheSmallestPowerOfTwoThatFits() {
    return Property.forAll(
        2_000,
        gen -> {
          int expectedSize = gen.ints(0, 3 << 28);
          int n = Hashing.indexLengthFor(expectedSize);
          assertEquals(1, Integer.bitCount(n), "power of two");
          assertTrue(n >= 8 && n <= Hashing.MAX_INDEX_LENGTH);
          assertTrue(expectedSize <= Hashing.maxEntries(n), "fits");
          assertTrue(n == 8 || expectedSize > Hashing.maxEntries(n / 2), "smallest");
        });
  }

  @Test
  void indexLengthForRejectsNegativeSizes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hashing.indexLengthFor(-1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hashing.indexLengthFor(Integer.MIN_VALUE));
  }

  @ParameterizedTest
  @ValueSource(ints = {(3 << 28) + 1, 1 << 30, Integer.MAX_VALUE})
  void indexLengthForRejectsHugeSizes(int expectedSize) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Hashing.indexLengthFor(expectedSize));
    assertTrue(e.getMessage().startsWith("too many entries"), e.getMessage());
    assertTrue(e.getMessage().contains(Integer.toString(expectedSize)), e.getMessage());
  }

  @Test
  void maxEntriesIsThreeQuarters() {
    assertEquals(6, Hashing.maxEntries(8));
    assertEquals(12, Hashing.maxEntries(16));
    assertEquals(3 << 28, Hashing.maxEntries(Hashing.MAX_INDEX_LENGTH));
    assertEquals(1 << 30, Hashing.MAX_INDEX_LENGTH);
  }

  @Test
  void grownCapacityDoublesWithAMinimumOfEight() {
    assertEquals(8, Hashing.grownCapacity(0, 1));
    assertEquals(8, Hashing.grownCapacity(2, 3));
    assertEquals(16, Hashing.grownCapacity(8, 9));
    assertEquals(2048, Hashing.grownCapacity(1024, 1025));
  }

  @Test
  void grownCapacityHonoursMinCapacity() {
    assertEquals(100, Hashing.grownCapacity(8, 100));
    assertEquals(9, Hashing.grownCapacity(0, 9));
  }

  @Test
  void grownCapacityIsCappedBelowMaxValue() {
    int cap = Integer.MAX_VALUE - 8;
    assertEquals(cap, Hashing.grownCapacity(1 << 30, (1 << 30) + 1));
    assertEquals(cap, Hashing.grownCapacity(cap - 1, cap));
    assertEquals(cap, Hashing.grownCapacity(Integer.MAX_VALUE - 100, cap));
  }

  @Test
  void grownCapacityRejectsImpossibleRequests() {
    int cap = Integer.MAX_VALUE - 8;
    assertThrows(IllegalStateException.class, () -> Hashing.grownCapacity(cap, cap + 1));
    assertThrows(IllegalStateException.class, () -> Hashing.grownCapacity(cap, Integer.MAX_VALUE));
    // A negative minimum is a request that overflowed int.
    assertThrows(IllegalStateException.class, () -> Hashing.grownCapacity(cap, Integer.MIN_VALUE));
    assertThrows(IllegalArgumentException.class, () -> Hashing.grownCapacity(-1, 8));
  }

  @TestFactory
  Stream<DynamicTest> grownCapacityIsAtLeastMinAndGrows() {
    return Property.forAll(
        1000,
        gen -> {
          int capacity = gen.ints(0, Integer.MAX_VALUE - 8);
          int minCapacity = gen.ints(0, Integer.MAX_VALUE - 8);
          int grown = Hashing.grownCapacity(capacity, minCapacity);
          assertTrue(grown >= minCapacity);
          assertTrue(grown <= Integer.MAX_VALUE - 8);
          assertTrue(grown >= Math.min(Math.max(8L, 2L * capacity), Integer.MAX_VALUE - 8));
        });
  }
}
