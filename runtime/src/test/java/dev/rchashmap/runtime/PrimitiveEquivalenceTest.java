package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.testkit.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PrimitiveEquivalenceTest {

  // Every natural equivalence agrees with the boxed type's equals and hashCode. boolean and
  // byte are checked on every pair; the wider types on 1000 random pairs each, drawn with the
  // testkit's edge values mixed in (0, -1, MIN_VALUE, MAX_VALUE; for float and double also NaNs
  // with other payloads, -0.0, infinities, MIN_VALUE), and one pair in four of equal values.

  @Test
  void booleanMatchesBoxedOnEveryPair() {
    BooleanEquivalence e = BooleanEquivalence.natural();
    for (boolean a : new boolean[] {false, true}) {
      for (boolean b : new boolean[] {false, true}) {
        assertEquals(Boolean.valueOf(a).equals(b), e.equivalent(a, b));
      }
      assertEquals(Boolean.valueOf(a).hashCode(), e.hash(a));
    }
  }

  @Test
  void byteMatchesBoxedOnEveryPair() {
    ByteEquivalence e = ByteEquivalence.natural();
    for (int i = Byte.MIN_VALUE; i <= Byte.MAX_VALUE; i++) {
      byte a = (byte) i;
      for (int j = Byte.MIN_VALUE; j <= Byte.MAX_VALUE; j++) {
        byte b = (byte) j;
        assertEquals(Byte.valueOf(a).equals(b), e.equivalent(a, b));
      }
      assertEquals(Byte.valueOf(a).hashCode(), e.hash(a));
      assertTrue(e.equivalent(a, a));
    }
  }

  @TestFactory
  Stream<DynamicTest> shortMatchesBoxed() {
    return Property.forAll(
        1000,
        gen -> {
          short a = gen.shorts();
          short b = gen.oneIn(4) ? a : gen.shorts();
          ShortEquivalence e = ShortEquivalence.natural();
          assertEquals(Short.valueOf(a).equals(b), e.equivalent(a, b));
          assertEquals(Short.valueOf(a).hashCode(), e.hash(a));
        });
  }

  @TestFactory
  Stream<DynamicTest> charMatchesBoxed() {
    return Property.forAll(
        1000,
        gen -> {
          char a = gen.chars();
          char b = gen.oneIn(4) ? a : gen.chars();
          CharEquivalence e = CharEquivalence.natural();
          assertEquals(Character.valueOf(a).equals(b), e.equivalent(a, b));
          assertEquals(Character.valueOf(a).hashCode(), e.hash(a));
        });
  }

  @TestFactory
  Stream<DynamicTest> intMatchesBoxed() {
    return Property.forAll(
        1000,
        gen -> {
          int a = gen.ints();
          int b = gen.oneIn(4) ? a : gen.ints();
          IntEquivalence e = IntEquivalence.natural();
          assertEquals(Integer.valueOf(a).equals(b), e.equivalent(a, b));
          assertEquals(Integer.valueOf(a).hashCode(), e.hash(a));
        });
  }

  @TestFactory
  Stream<DynamicTest> longMatchesBoxed() {
    return Property.forAll(
        1000,
        gen -> {
          long a = gen.longs();
          long b = gen.oneIn(4) ? a : gen.longs();
          LongEquivalence e = LongEquivalence.natural();
          assertEquals(Long.valueOf(a).equals(b), e.equivalent(a, b));
          assertEquals(Long.valueOf(a).hashCode(), e.hash(a));
        });
  }

  @TestFactory
  Stream<DynamicTest> floatMatchesBoxed() {
    return Property.forAll(
        1000,
        gen -> {
          float a = gen.floats();
          float b = gen.oneIn(4) ? a : gen.floats();
          FloatEquivalence e = FloatEquivalence.natural();
          assertEquals(Float.valueOf(a).equals(b), e.equivalent(a, b));
          assertEquals(Float.valueOf(a).hashCode(), e.hash(a));
          assertTrue(e.equivalent(a, a), "reflexive, NaN included");
        });
  }

  @TestFactory
  Stream<DynamicTest> doubleMatchesBoxed() {
    return Property.forAll(
        1000,
        gen -> {
          double a = gen.doubles();
          double b = gen.oneIn(4) ? a : gen.doubles();
          DoubleEquivalence e = DoubleEquivalence.natural();
          assertEquals(Double.valueOf(a).equals(b), e.equivalent(a, b));
          assertEquals(Double.valueOf(a).hashCode(), e.hash(a));
          assertTrue(e.equivalent(a, a), "reflexive, NaN included");
        });
  }

  @Test
  void integralEquivalencesCompareByValue() {
    assertTrue(BooleanEquivalence.natural().equivalent(true, true));
    assertFalse(BooleanEquivalence.natural().equivalent(true, false));
    assertEquals(1231, BooleanEquivalence.natural().hash(true));
    assertEquals(1237, BooleanEquivalence.natural().hash(false));
    assertTrue(ByteEquivalence.natural().equivalent((byte) -1, (byte) 0xFF));
    assertFalse(ByteEquivalence.natural().equivalent((byte) 1, (byte) 2));
    assertTrue(ShortEquivalence.natural().equivalent((short) 300, (short) 300));
    assertFalse(ShortEquivalence.natural().equivalent((short) 300, (short) -300));
    assertTrue(CharEquivalence.natural().equivalent('a', 'a'));
    assertFalse(CharEquivalence.natural().equivalent('a', 'A'));
    assertEquals('a', CharEquivalence.natural().hash('a'));
    assertTrue(IntEquivalence.natural().equivalent(Integer.MIN_VALUE, Integer.MIN_VALUE));
    assertFalse(IntEquivalence.natural().equivalent(1, -1));
    assertEquals(7, IntEquivalence.natural().hash(7));
    assertFalse(LongEquivalence.natural().equivalent(1L, 1L << 32 | 1L));
    assertEquals(Long.hashCode(1L << 32 | 1L), LongEquivalence.natural().hash(1L << 32 | 1L));
  }

  private static final float[] SPECIAL_FLOATS = {
    Float.NaN, Float.intBitsToFloat(0x7fc0_0001), Float.intBitsToFloat(0xffc0_0000),
    Float.intBitsToFloat(0x7f80_0001), 0.0f, -0.0f, Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, 1.0f, -1.0f
  };

  private static final double[] SPECIAL_DOUBLES = {
    Double.NaN, Double.longBitsToDouble(0x7ff8_0000_0000_0001L),
    Double.longBitsToDouble(0xfff8_0000_0000_0000L), Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
    0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
    -Double.MIN_VALUE, Double.MAX_VALUE, 1.0, -1.0
  };

  @Test
  void floatMatchesBoxedOnAllPairsOfSpecialValues() {
    FloatEquivalence e = FloatEquivalence.natural();
    for (float a : SPECIAL_FLOATS) {
      for (float b : SPECIAL_FLOATS) {
        assertEquals(Float.valueOf(a).equals(b), e.equivalent(a, b), a + " vs " + b);
        if (e.equivalent(a, b)) {
          assertEquals(e.hash(a), e.hash(b), a + " vs " + b);
        }
      }
      assertEquals(Float.valueOf(a).hashCode(), e.hash(a));
    }
  }

  @Test
  void doubleMatchesBoxedOnAllPairsOfSpecialValues() {
    DoubleEquivalence e = DoubleEquivalence.natural();
    for (double a : SPECIAL_DOUBLES) {
      for (double b : SPECIAL_DOUBLES) {
        assertEquals(Double.valueOf(a).equals(b), e.equivalent(a, b), a + " vs " + b);
        if (e.equivalent(a, b)) {
          assertEquals(e.hash(a), e.hash(b), a + " vs " + b);
        }
      }
      assertEquals(Double.valueOf(a).hashCode(), e.hash(a));
    }
  }

  @Test
  void floatNaNsAreAllEqualAndZerosDiffer() {
    FloatEquivalence e = FloatEquivalence.natural();
    float otherNaN = Float.intBitsToFloat(0x7fc0_0001);
    assertTrue(Float.isNaN(otherNaN));
    assertNotEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(otherNaN));
    assertTrue(e.equivalent(Float.NaN, otherNaN));
    assertTrue(e.equivalent(Float.NaN, Float.NaN));
    assertEquals(e.hash(Float.NaN), e.hash(otherNaN));
    assertFalse(e.equivalent(0.0f, -0.0f));
    assertTrue(e.equivalent(-0.0f, -0.0f));
    assertTrue(e.equivalent(1.5f, 1.5f));
    assertFalse(e.equivalent(Float.NaN, 1.0f));
  }

  @Test
  void doubleNaNsAreAllEqualAndZerosDiffer() {
    DoubleEquivalence e = DoubleEquivalence.natural();
    double otherNaN = Double.longBitsToDouble(0x7ff8_0000_0000_0001L);
    double negativeNaN = Double.longBitsToDouble(0xfff8_0000_0000_0000L);
    assertTrue(Double.isNaN(otherNaN) && Double.isNaN(negativeNaN));
    assertTrue(e.equivalent(Double.NaN, otherNaN));
    assertTrue(e.equivalent(negativeNaN, otherNaN));
    assertEquals(e.hash(Double.NaN), e.hash(otherNaN));
    assertEquals(e.hash(Double.NaN), e.hash(negativeNaN));
    assertFalse(e.equivalent(0.0, -0.0));
    assertTrue(e.equivalent(-0.0, -0.0));
    assertFalse(e.equivalent(Double.NaN, 0.0));
  }

  @Test
  void naturalsAreSingletonsWithReadableNames() {
    assertSame(IntEquivalence.natural(), IntEquivalence.natural());
    assertSame(DoubleEquivalence.natural(), DoubleEquivalence.natural());
    assertEquals("BooleanEquivalence.natural()", BooleanEquivalence.natural().toString());
    assertEquals("ByteEquivalence.natural()", ByteEquivalence.natural().toString());
    assertEquals("ShortEquivalence.natural()", ShortEquivalence.natural().toString());
    assertEquals("CharEquivalence.natural()", CharEquivalence.natural().toString());
    assertEquals("IntEquivalence.natural()", IntEquivalence.natural().toString());
    assertEquals("LongEquivalence.natural()", LongEquivalence.natural().toString());
    assertEquals("FloatEquivalence.natural()", FloatEquivalence.natural().toString());
    assertEquals("DoubleEquivalence.natural()", DoubleEquivalence.natural().toString());
  }
}
