package dev.rchashmap.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GenTest {

  private static final int DRAWS = 20_000;

  private static <T> Set<T> draw(Supplier<T> draw) {
    Set<T> seen = new HashSet<>();
    for (int i = 0; i < DRAWS; i++) {
      seen.add(draw.get());
    }
    return seen;
  }

  @Test
  void theSameSeedDrawsTheSameValues() {
    Gen a = new Gen(42);
    Gen b = new Gen(42);
    for (int i = 0; i < 1000; i++) {
      assertEquals(a.ints(), b.ints());
      assertEquals(a.strings(), b.strings());
      assertEquals(Double.doubleToRawLongBits(a.doubles()), Double.doubleToRawLongBits(b.doubles()));
    }
    assertEquals(42, a.seed());
    assertNotEquals(new Gen(1).longs(), new Gen(2).longs());
  }

  @Test
  void intsDrawEveryEdgeAndManyOtherValues() {
    Gen gen = new Gen(1);
    Set<Integer> seen = draw(gen::ints);
    for (int edge : Gen.intEdges()) {
      assertTrue(seen.contains(edge), "edge " + edge + " never drawn");
    }
    assertTrue(seen.size() > DRAWS / 2, "too few distinct values: " + seen.size());
  }

  @Test
  void longsDrawEveryEdgeAndManyOtherValues() {
    Gen gen = new Gen(2);
    Set<Long> seen = draw(gen::longs);
    for (long edge : Gen.longEdges()) {
      assertTrue(seen.contains(edge), "edge " + edge + " never drawn");
    }
    assertTrue(seen.size() > DRAWS / 2, "too few distinct values: " + seen.size());
  }

  @Test
  void floatsDrawEveryEdgeBitPatternNaNPayloadsIncluded() {
    Gen gen = new Gen(3);
    Set<Integer> bits = draw(() -> Float.floatToRawIntBits(gen.floats()));
    for (int edge : Gen.floatEdgeBits()) {
      assertTrue(bits.contains(edge), String.format("edge 0x%08x never drawn", edge));
    }
    // The list holds what the properties rely on: non-canonical NaNs and -0.0.
    Set<Integer> edges = new HashSet<>();
    for (int edge : Gen.floatEdgeBits()) {
      edges.add(edge);
    }
    assertTrue(edges.contains(Float.floatToRawIntBits(-0.0f)));
    assertTrue(edges.contains(Float.floatToRawIntBits(Float.MIN_VALUE)));
    assertTrue(edges.contains(0x7FC0_0001) && Float.isNaN(Float.intBitsToFloat(0x7FC0_0001)));
    assertTrue(bits.size() > DRAWS / 2, "too few distinct values: " + bits.size());
  }

  @Test
  void doublesDrawEveryEdgeBitPatternNaNPayloadsIncluded() {
    Gen gen = new Gen(4);
    Set<Long> bits = draw(() -> Double.doubleToRawLongBits(gen.doubles()));
    for (long edge : Gen.doubleEdgeBits()) {
      assertTrue(bits.contains(edge), String.format("edge 0x%016x never drawn", edge));
    }
    assertTrue(bits.contains(Double.doubleToRawLongBits(-0.0)));
    assertTrue(bits.contains(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY)));
    assertTrue(bits.size() > DRAWS / 2, "too few distinct values: " + bits.size());
  }

  @Test
  void rangesStayInsideAndFavourTheirBounds() {
    Gen gen = new Gen(5);
    int[] hits = new int[11];
    for (int i = 0; i < DRAWS; i++) {
      hits[gen.ints(-5, 5) + 5]++;
    }
    // Uniform would give DRAWS / 11 each; the bounds and 0, 1, -1 get the edge share on top.
    assertTrue(hits[0] > DRAWS / 11 + DRAWS / 100, "min not favoured: " + hits[0]);
    assertTrue(hits[10] > DRAWS / 11 + DRAWS / 100, "max not favoured: " + hits[10]);
    for (int hit : hits) {
      assertTrue(hit > 0);
    }
    Set<Integer> full = draw(() -> gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE));
    assertTrue(full.contains(Integer.MIN_VALUE) && full.contains(Integer.MAX_VALUE));
    Set<Long> top = draw(() -> gen.longs(Long.MAX_VALUE - 3, Long.MAX_VALUE));
    assertEquals(Set.of(Long.MAX_VALUE - 3, Long.MAX_VALUE - 2, Long.MAX_VALUE - 1, Long.MAX_VALUE), top);
    Set<Integer> one = draw(() -> gen.ints(7, 7));
    assertEquals(Set.of(7), one);
    assertThrows(IllegalArgumentException.class, () -> gen.ints(1, 0));
  }

  @Test
  void stringsRespectTheirLengthAndIncludeEdges() {
    Gen gen = new Gen(6);
    Set<String> seen = draw(() -> gen.strings(40));
    assertTrue(seen.contains(""));
    assertTrue(seen.contains("Aa") && seen.contains("BB"));
    assertTrue(seen.contains("\uD83D\uDE00"));
    assertTrue(seen.stream().anyMatch(s -> s.length() == 40), "no string of the largest length");
    assertTrue(seen.stream().allMatch(s -> s.length() <= 40));
    assertTrue(seen.stream().anyMatch(s -> s.codePoints().anyMatch(c -> c > 0xFFFF)));
    assertTrue(seen.size() > DRAWS / 2);
  }

  @Test
  void arraysIncludeEmptyAndFullLengths() {
    Gen gen = new Gen(7);
    Set<Integer> lengths = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      lengths.add(gen.intArrays(20).length);
      lengths.add(gen.longArrays(20).length);
    }
    assertTrue(lengths.contains(0) && lengths.contains(20));
    assertTrue(lengths.stream().allMatch(n -> n >= 0 && n <= 20));
  }

  @Test
  void weightedNeverPicksAZeroWeight() {
    Gen gen = new Gen(8);
    int[] hits = new int[3];
    for (int i = 0; i < DRAWS; i++) {
      hits[gen.weighted(1, 0, 3)]++;
    }
    assertEquals(0, hits[1]);
    assertTrue(hits[2] > 2 * hits[0], hits[0] + " vs " + hits[2]);
    assertThrows(IllegalArgumentException.class, () -> gen.weighted(0, 0));
  }

  @Test
  void shuffleIsAPermutation() {
    Gen gen = new Gen(9);
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      values.add(i);
    }
    List<Integer> shuffled = gen.shuffle(values);
    assertNotEquals(values, shuffled);
    assertEquals(new HashSet<>(values), new HashSet<>(shuffled));
    assertEquals(100, shuffled.size());
  }

  @Test
  void describesTheFirstValuesDrawn() {
    Gen gen = new Gen(10);
    assertEquals("no values drawn through the Gen", gen.describeDraws());
    gen.oneOf("a", "b");
    gen.oneOf(Float.intBitsToFloat(0x7FC0_0001));
    String described = gen.describeDraws();
    assertTrue(described.startsWith("values drawn: \""), described);
    assertTrue(described.endsWith("NaN(0x7fc00001)"), described);
    for (int i = 0; i < 30; i++) {
      gen.ints();
    }
    assertTrue(gen.describeDraws().startsWith("first 20 of 32 values drawn: "), gen.describeDraws());
  }
}
