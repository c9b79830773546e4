package dev.rchashmap.tests.combos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Equivalence;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs a handful of the 100 generated combinations with extreme keys and values, so that the
 * substitution of each kind of type (boolean, narrow and wide primitives, floating point, type
 * variables, a concrete class) is exercised and not only compiled.
 */
class GeneratedCombinationsTest {

  @Test
  void booleanKeysHaveTwoSlotsAndObjectValues() {
    BooleanObjHandleHashMap<String> map = new BooleanObjHandleHashMap<>();

    long yes = map.insert(true, "yes");
    long no = map.insert(false, null);

    assertEquals(Handles.NONE, map.tryInsert(true, "again"));
    assertThrows(DuplicateKeyException.class, () -> map.insert(false, "again"));
    assertEquals(2, map.size());
    assertEquals(yes, map.find(true));
    assertEquals(no, map.find(false));
    assertEquals("yes", map.value(yes));
    assertNull(map.value(no));
    assertEquals(true, map.key(yes));
    assertEquals(false, map.key(no));
  }

  @Test
  void booleanToBooleanRemoveAndReinsert() {
    BooleanBooleanHandleHashMap map = new BooleanBooleanHandleHashMap();
    long old = map.insert(true, false);
    map.remove(old);

    long fresh = map.insert(true, true);

    assertNotEquals(old, fresh);
    assertTrue(map.value(fresh));
    assertThrows(StaleHandleException.class, () -> map.value(old));
  }

  @Test
  void everyByteIsADistinctKey() {
    ByteByteHandleHashMap map = new ByteByteHandleHashMap();
    for (int i = Byte.MIN_VALUE; i <= Byte.MAX_VALUE; i++) {
      map.insert((byte) i, (byte) ~i);
    }

    assertEquals(256, map.size());
    for (int i = Byte.MIN_VALUE; i <= Byte.MAX_VALUE; i++) {
      long handle = map.find((byte) i);
      assertEquals((byte) i, map.key(handle));
      assertEquals((byte) ~i, map.value(handle));
    }
  }

  @Test
  void byteKeysWithExtremeDoubleValues() {
    ByteDoubleHandleHashMap map = new ByteDoubleHandleHashMap();
    byte[] keys = {Byte.MIN_VALUE, -1, 0, 1, Byte.MAX_VALUE};
    double[] values = {
      Double.MAX_VALUE, -Double.MIN_VALUE, Double.NaN, -0.0, Double.NEGATIVE_INFINITY
    };
    long[] handles = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      handles[i] = map.insert(keys[i], values[i]);
    }

    for (int i = 0; i < keys.length; i++) {
      assertEquals(handles[i], map.find(keys[i]));
      assertEquals(keys[i], map.key(handles[i]));
      assertEquals(
          Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(map.value(handles[i])));
    }
    assertEquals(-2.5, map.getOrDefault((byte) 2, -2.5));
  }

  @Test
  void charKeysWithFloatValues() {
    CharFloatHandleHashMap map = new CharFloatHandleHashMap();
    char[] keys = {Character.MIN_VALUE, 'a', '\uD800', Character.MAX_VALUE};
    float[] values = {Float.MIN_VALUE, Float.NaN, -0.0f, Float.MAX_VALUE};
    for (int i = 0; i < keys.length; i++) {
      map.insert(keys[i], values[i]);
    }

    for (int i = 0; i < keys.length; i++) {
      long handle = map.find(keys[i]);
      assertEquals(keys[i], map.key(handle));
      assertEquals(
          Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(map.value(handle)));
    }
    assertEquals(Handles.NONE, map.find('b'));
  }

  @Test
  void shortKeysAtTheExtremes() {
    ShortLongHandleHashMap map = new ShortLongHandleHashMap();
    long min = map.insert(Short.MIN_VALUE, Long.MIN_VALUE);
    long max = map.insert(Short.MAX_VALUE, Long.MAX_VALUE);

    assertEquals(min, map.find(Short.MIN_VALUE));
    assertEquals(max, map.find(Short.MAX_VALUE));
    assertEquals(Long.MIN_VALUE, map.value(min));
    assertEquals(Long.MAX_VALUE, map.value(max));
    assertEquals(Handles.NONE, map.find((short) 0));
  }

  @Test
  void floatKeysFollowFloatEquals() {
    FloatIntHandleHashMap map = new FloatIntHandleHashMap();
    long nan = map.insert(Float.NaN, 1);
    long positiveZero = map.insert(0.0f, 2);
    long negativeZero = map.insert(-0.0f, 3);

    assertEquals(nan, map.find(Float.intBitsToFloat(0x7fc0_0001)));
    assertEquals(nan, map.find(Float.intBitsToFloat(0xff80_0001)));
    assertNotEquals(positiveZero, negativeZero);
    assertEquals(positiveZero, map.find(0.0f));
    assertEquals(negativeZero, map.find(-0.0f));
    assertEquals(3, map.size());
  }

  @Test
  void longKeysAtTheExtremesWithCharValues() {
    LongCharHandleHashMap map = new LongCharHandleHashMap();
    long[] keys = {Long.MIN_VALUE, -1L, 0L, 1L << 32, Long.MAX_VALUE};
    for (long key : keys) {
      map.insert(key, (char) (key >>> 48));
    }

    for (long key : keys) {
      assertEquals((char) (key >>> 48), map.value(map.find(key)));
    }
    assertEquals(Handles.NONE, map.find(1L));
  }

  @Test
  void stringToString() {
    StringStringHandleHashMap map = new StringStringHandleHashMap();
    long empty = map.insert("", "empty");
    long unicode = map.insert("\u00e9t\u00e9 \uD83D\uDE00", null);

    assertEquals(empty, map.find(new String("")));
    assertEquals("empty", map.value(empty));
    assertNull(map.value(unicode));
    assertEquals("fallback", map.getOrDefault("missing", "fallback"));
    map.setValue(unicode, "summer");
    assertEquals("summer", map.value(map.find("\u00e9t\u00e9 \uD83D\uDE00")));
  }

  @Test
  void objectToObjectWithTypeArguments() {
    ObjObjHandleHashMap<String, Integer> map = new ObjObjHandleHashMap<>();
    long handle = map.insertWith("length", String::length);

    Integer value = map.value(handle);
    String key = map.key(handle);

    assertEquals(6, value);
    assertEquals("length", key);
    assertEquals(Integer.valueOf(-1), map.getOrDefault("other", -1));
    Set<String> visited = new HashSet<>();
    map.forEach((h, k, v) -> visited.add(k + "=" + v));
    assertEquals(Set.of("length=6"), visited);
  }

  @Test
  void factoriesAndConsumersMayTakeWiderTypes() {
    ObjObjHandleHashMap<String, Number> map = new ObjObjHandleHashMap<>();
    ObjObjHandleHashMap.ValueFactory<Object, Integer> hashOf = Object::hashCode;
    List<String> seen = new ArrayList<>();
    ObjObjHandleHashMap.EntryConsumer<Object, Object> collect =
        (handle, key, value) -> seen.add(key + "=" + value);

    long handle = map.insertWith("abc", hashOf);
    map.forEach(collect);

    assertEquals("abc".hashCode(), map.value(handle));
    assertEquals(List.of("abc=" + "abc".hashCode()), seen);
  }

  @Test
  void builderOfAGenericMapTakesAnEquivalenceOfASupertype() {
    ObjObjHandleHashMap<String, Integer> map =
        ObjObjHandleHashMap.<String, Integer>builder()
            .expectedSize(4)
            .equivalence(Equivalence.identity())
            .build();
    String first = new String("same");
    String second = new String("same");

    long one = map.insert(first, 1);
    long two = map.insert(second, 2);

    assertNotEquals(one, two, "identity: equal strings are different keys");
    assertEquals(one, map.find(first));
    assertEquals(two, map.find(second));
    assertEquals(Handles.NONE, map.find("same".substring(1)));
  }

  @Test
  void objectKeysUseEqualsAndKeepTheInstance() {
    ObjLongHandleHashMap<Long> map = new ObjLongHandleHashMap<>();
    Long boxed = Long.valueOf(1_000_000L);

    long handle = map.insert(boxed, 5L);

    assertEquals(handle, map.find(Long.valueOf(1_000_000L)));
    assertSame(boxed, map.key(handle));
  }

  @Test
  void intKeysWithObjectValuesIterate() {
    IntObjHandleHashMap<int[]> map = new IntObjHandleHashMap<>();
    int[] array = {1, 2, 3};
    map.insert(Integer.MIN_VALUE, array);

    var cursor = map.cursor();
    assertTrue(cursor.next());
    assertSame(array, cursor.value());
    assertEquals(Integer.MIN_VALUE, cursor.key());
    cursor.remove();
    assertTrue(map.isEmpty());
  }
}
