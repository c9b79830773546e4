package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.maps.DoubleDoubleHandleHashMap;
import org.junit.jupiter.api.Test;

/**
 * {@code double} keys compare like {@link Double#equals}: every NaN is the same key, whatever its
 * bit pattern, and {@code 0.0} and {@code -0.0} are two keys.
 */
class DoubleKeyTest {

  private static final double[] NANS = {
    Double.NaN,
    Double.longBitsToDouble(0x7ff0_0000_0000_0001L), // signalling NaN, smallest payload
    Double.longBitsToDouble(0xfff8_0000_0000_0000L), // negative quiet NaN
    Double.longBitsToDouble(0x7fff_ffff_ffff_ffffL), // largest payload
    Double.longBitsToDouble(0xffff_ffff_ffff_ffffL),
  };

  @Test
  void allNaNsAreOneKey() {
    DoubleDoubleHandleHashMap map = new DoubleDoubleHandleHashMap();
    long handle = map.insert(Double.NaN, 1.0);

    for (double nan : NANS) {
      assertTrue(Double.isNaN(nan));
      assertEquals(handle, map.find(nan), Long.toHexString(Double.doubleToRawLongBits(nan)));
      assertTrue(map.containsKey(nan));
      assertEquals(Handles.NONE, map.tryInsert(nan, 2.0));
      assertThrows(DuplicateKeyException.class, () -> map.insert(nan, 3.0));
    }
    assertEquals(1, map.size());
    assertEquals(1.0, map.value(handle));
    assertTrue(Double.isNaN(map.key(handle)));
  }

  @Test
  void nanInsertedWithAnyPatternIsFoundWithAnyOther() {
    for (double inserted : NANS) {
      DoubleDoubleHandleHashMap map = new DoubleDoubleHandleHashMap();
      long handle = map.insert(inserted, 1.0);
      for (double probe : NANS) {
        assertEquals(handle, map.find(probe));
      }
      assertTrue(map.remove(handle));
      assertEquals(Handles.NONE, map.find(Double.NaN));
    }
  }

  @Test
  void positiveAndNegativeZeroAreTwoKeys() {
    DoubleDoubleHandleHashMap map = new DoubleDoubleHandleHashMap();

    long positive = map.insert(0.0, 1.0);
    long negative = map.insert(-0.0, 2.0);

    assertNotEquals(positive, negative);
    assertEquals(2, map.size());
    assertEquals(positive, map.find(0.0));
    assertEquals(negative, map.find(-0.0));
    assertEquals(1.0, map.value(positive));
    assertEquals(2.0, map.value(negative));
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(map.key(positive)));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(map.key(negative)));
  }

  @Test
  void removingOneZeroKeepsTheOther() {
    DoubleDoubleHandleHashMap map = new DoubleDoubleHandleHashMap();
    long positive = map.insert(0.0, 1.0);
    long negative = map.insert(-0.0, 2.0);

    map.remove(negative);

    assertEquals(Handles.NONE, map.find(-0.0));
    assertEquals(positive, map.find(0.0));
    assertEquals(1, map.size());
  }

  @Test
  void specialValuesAreDistinctKeysAndValuesRoundTrip() {
    DoubleDoubleHandleHashMap map = new DoubleDoubleHandleHashMap();
    double[] keys = {
      Double.NaN,
      0.0,
      -0.0,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.MIN_NORMAL,
      1.0,
      Math.nextUp(1.0),
    };
    long[] handles = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      handles[i] = map.insert(keys[i], keys[keys.length - 1 - i]);
    }

    assertEquals(keys.length, map.size());
    for (int i = 0; i < keys.length; i++) {
      assertEquals(handles[i], map.find(keys[i]));
      double value = map.value(handles[i]);
      double expected = keys[keys.length - 1 - i];
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(value));
    }
  }

  @Test
  void nanValuesAreStoredBitForBit() {
    DoubleDoubleHandleHashMap map = new DoubleDoubleHandleHashMap();
    double payloadNaN = Double.longBitsToDouble(0x7ff8_0000_0000_0123L);

    long handle = map.insert(1.0, payloadNaN);

    assertEquals(
        Double.doubleToRawLongBits(payloadNaN), Double.doubleToRawLongBits(map.value(handle)));
  }
}
