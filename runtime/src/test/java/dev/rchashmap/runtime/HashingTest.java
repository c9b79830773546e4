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

  /** The inverse of {@link Hashing#mix(int, long)}, written independently of it. */
  private static int unmix(int hash, long seed) {
    int x = hash;
    x *= inverse(C2);
    x ^= (x >>> 13) ^ (x >>> 26);
    x *= inverse(C1);
    x ^= x >>> 16;
    return x ^ (int) seed;
  }

  /** murmur3's fmix32 without its last xor-shift, as the reference for the seeded mix. */
  private static int fmix32WithoutLastStep(int x) {
    x ^= x >>> 16;
    x *= C1;
    x ^= x >>> 13;
    x *= C2;
    return x;
  }

  @Test
  void inversesAreInverses() {
    assertEquals(1, C1 * inverse(C1));
    assertEquals(1, C2 * inverse(C2));
  }

  @Test
  void mixIsFmix32OfTheKeyXorTheSeedWithoutItsLastStep() {
    assertEquals(0, Hashing.mix(0, 0L));
    for (int x : new int[] {1, -1, 42, Integer.MIN_VALUE}) {
      assertEquals(fmix32WithoutLastStep(x), Hashing.mix(x, 0L));
      assertEquals(fmix32WithoutLastStep(x ^ 0x1234_5678), Hashing.mix(x, 0xABCD_0000_1234_5678L));
    }
    // murmur3's fmix32(1) = 0x514e28b7: the last step only folds the high half into the low one.
    int h = Hashing.mix(1, 0L);
    assertEquals(0x514e_28b7, h ^ (h >>> 16));
  }

  @TestFactory
  Stream<DynamicTest> mixIntIsABijectionForEverySeed() {
    return Property.forAll(
        10_000,
        gen -> {
          int x = gen.ints();
          long seed = gen.longs();
          assertEquals(x, unmix(Hashing.mix(x, seed), seed));
          assertEquals(x, Hashing.mix(unmix(x, seed), seed));
        });
  }

  @Test
  void mixIntGivesDistinctHashesForSequentialKeys() {
    int n = 1 << 20;
    int[] hashes = new int[n];
    for (int i = 0; i < n; i++) {
      hashes[i] = Hashing.mix(i, 0x5EEDL);
    }
    java.util.Arrays.sort(hashes);
    for (int i = 1; i < n; i++) {
      assertTrue(hashes[i - 1] != hashes[i], "collision at " + hashes[i]);
    }
  }

  /**
   * The largest deviation from one half, over every input bit and every one of the top {@code
   * outputBits} output bits, of the chance that flipping the input bit flips the output bit.
   */
  private static double worstTopBitBias(int inputBits, int outputBits, java.util.function.LongUnaryOperator hash) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    int trials = 20_000;
    int[][] flips = new int[inputBits][outputBits];
    for (int t = 0; t < trials; t++) {
      long x = random.nextLong();
      long h = hash.applyAsLong(x);
      for (int i = 0; i < inputBits; i++) {
        long d = h ^ hash.applyAsLong(x ^ (1L << i));
        for (int j = 0; j < outputBits; j++) {
          flips[i][j] += (int) (d >>> (31 - j)) & 1;
        }
      }
    }
    double worst = 0;
    for (int[] row : flips) {
      for (int count : row) {
        worst = Math.max(worst, Math.abs(count / (double) trials - 0.5));
      }
    }
    return worst;
  }

  /** Every input bit reaches every bit the index is addressed by: full avalanche in the top 16. */
  @Test
  void mixAvalanchesIntoTheHighBits() {
    // 20,000 trials put a fair coin within 0.02 of one half with overwhelming odds.
    assertTrue(worstTopBitBias(32, 16, x -> Hashing.mix((int) x, 0x5EEDL)) < 0.02);
    assertTrue(worstTopBitBias(64, 16, x -> Hashing.mix(x, 0x5EEDL)) < 0.02);
  }

  @Test
  void avalancheCheckCatchesTheFormerSpread() {
    // The former default, a fold and one multiplication, leaves bit 31 of the key in bit 31 alone.
    double bias = worstTopBitBias(32, 16, x -> (((int) x) ^ (((int) x) >>> 15)) * 0x9E37_79B9);
    assertTrue(bias > 0.4, "bias " + bias);
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
  @ValueSource(ints = {0, 1, 4, 5, 10, 16, 19, 20})
  void mixIntSpreadsClusteredKeys(int shift) {
    // A random function puts 4096 keys into about 8192 * (1 - e^-0.5) = 3223 of 8192 cells.
    int hit = cellsHit(shift, x -> Hashing.mix(x, 0x5EEDL));
    assertTrue(hit >= 3000, "keys i << " + shift + " hit only " + hit + " cells");
  }

  @Test
  void spreadCheckCatchesAnUnmixedHash() {
    // The identity hash puts the first 4096 sequential keys into one cell: the check can fail.
    assertEquals(1, cellsHit(0, x -> x));
    // Fibonacci hashing alone crowds multiples of 32 into 1775 cells.
    assertTrue(cellsHit(5, x -> x * 0x9E37_79B9) < 2000);
  }

  @Test
  void theSeedMovesEveryKey() {
    int moved = 0;
    for (int key = 0; key < 10_000; key++) {
      moved += Hashing.mix(key, 1L) >>> 18 != Hashing.mix(key, 2L) >>> 18 ? 1 : 0;
    }
    // Two seeds agree on a key's 14-bit home cell with chance 1/16384.
    assertTrue(moved > 9_990, moved + " of 10,000 keys moved");
  }

  @Test
  void randomSeedsDiffer() {
    java.util.Set<Long> seeds = new java.util.HashSet<>();
    for (int i = 0; i < 100; i++) {
      seeds.add(Hashing.randomSeed());
    }
    assertEquals(100, seeds.size());
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
      cells.set(Hashing.mix(i << shift, 0x5EEDL) >>> Hashing.shiftFor(8192));
    }
    int hit = cells.cardinality();
    assertTrue(hit >= 3000, "keys i << " + shift + " hit only " + hit + " cells");
  }

  @Test
  void mixLongIsTheHighHalfOfFmix64OfTheKeyXorTheSeed() {
    long x = 0x0123_4567_89ab_cdefL;
    long seed = 0x5EEDL;
    long h = x ^ seed;
    h ^= h >>> 33;
    h *= 0xff51_afd7_ed55_8ccdL;
    h ^= h >>> 33;
    h *= 0xc4ce_b9fe_1a85_ec53L;
    assertEquals((int) (h >>> 32), Hashing.mix(x, seed));
    // The high half of the key matters: keys that differ only above bit 31 get different hashes.
    assertTrue(Hashing.mix(1L << 32, seed) != Hashing.mix(0L, seed));
    assertTrue(Hashing.mix(1L << 63, seed) != Hashing.mix(0L, seed));
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
