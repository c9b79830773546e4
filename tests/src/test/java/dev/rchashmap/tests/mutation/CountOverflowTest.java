package dev.rchashmap.tests.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.IntLongRcHashMap;
import dev.rchashmap.tests.layers.ObjObjCountedHashMap;
import dev.rchashmap.tests.layers.ObjObjRcHashMap;
import dev.rchashmap.tests.layers.StringIntCountedHashMap;
import dev.rchashmap.tests.layers.StringIntRcHashMap;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * A count at the edge of overflow, in the counted and Rc maps of every type pair under mutation
 * testing. {@code CountedHashMapTest} drives one count to {@code Integer.MAX_VALUE} honestly, by
 * 2<sup>31</sup> retains, for the {@code IntLong} map; here the count is written into the map's
 * private {@code states} word (count in the high 32 bits, generation in the low ones), so that
 * the check of each specialization is reached in no time: one below the limit still counts, the
 * limit refuses and changes nothing, and a release from the limit counts down.
 */
class CountOverflowTest {

  @Test
  void intLongCountedMapRefusesToOverflow() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long handle = map.insert(1, 10L);
    setCount(map, handle, Integer.MAX_VALUE - 1);
    assertEquals(handle, map.retain(handle));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertOverflow(() -> map.retain(handle));
    assertOverflow(() -> map.find(1));
    assertOverflow(() -> map.findOrInsert(1, key -> -1L));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertFalse(map.release(handle));
    assertEquals(Integer.MAX_VALUE - 1, map.refCount(handle));
    assertEquals(handle, map.find(1));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertEquals(10L, map.value(handle));
    assertEquals(1, map.size());
  }

  @Test
  void objObjCountedMapRefusesToOverflow() {
    ObjObjCountedHashMap<String, String> map = new ObjObjCountedHashMap<>();
    long handle = map.insert("a", "x");
    setCount(map, handle, Integer.MAX_VALUE - 1);
    assertEquals(handle, map.findOrInsert("a", key -> "never"));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertOverflow(() -> map.retain(handle));
    assertOverflow(() -> map.find("a"));
    assertOverflow(() -> map.findOrInsert("a", key -> "never"));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertFalse(map.release(handle));
    assertEquals(Integer.MAX_VALUE - 1, map.refCount(handle));
    assertEquals("x", map.value(handle));
  }

  @Test
  void stringIntCountedMapRefusesToOverflow() {
    StringIntCountedHashMap map = new StringIntCountedHashMap();
    long handle = map.insert("a", 7);
    setCount(map, handle, Integer.MAX_VALUE - 1);
    assertEquals(handle, map.find("a"));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertOverflow(() -> map.retain(handle));
    assertOverflow(() -> map.find("a"));
    assertOverflow(() -> map.findOrInsert("a", key -> -1));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertFalse(map.release(handle));
    assertEquals(Integer.MAX_VALUE - 1, map.refCount(handle));
    assertEquals(7, map.value(handle));
  }

  @Test
  void rcMapsRefuseToShareOrFindAnEntryAtTheLimit() {
    try (IntLongRcHashMap map = new IntLongRcHashMap();
        IntLongRcHashMap.Ref ref = map.insert(1, 10L)) {
      setCount(counted(map), handle(ref), Integer.MAX_VALUE);
      assertOverflow(ref::share);
      assertOverflow(() -> map.find(1));
      assertOverflow(() -> map.findOrInsert(1, key -> -1L));
      assertEquals(Integer.MAX_VALUE, ref.refCount());
      setCount(counted(map), handle(ref), 1);
    }
    try (ObjObjRcHashMap<String, String> map = new ObjObjRcHashMap<>();
        ObjObjRcHashMap.Ref<String, String> ref = map.insert("a", "x")) {
      setCount(counted(map), handle(ref), Integer.MAX_VALUE);
      assertOverflow(ref::share);
      assertOverflow(() -> map.find("a"));
      assertEquals(Integer.MAX_VALUE, ref.refCount());
      setCount(counted(map), handle(ref), 1);
    }
    try (StringIntRcHashMap map = new StringIntRcHashMap();
        StringIntRcHashMap.Ref ref = map.insert("a", 7)) {
      setCount(counted(map), handle(ref), Integer.MAX_VALUE);
      assertOverflow(ref::share);
      assertOverflow(() -> map.findOrInsert("a", key -> -1));
      assertEquals(Integer.MAX_VALUE, ref.refCount());
      setCount(counted(map), handle(ref), 1);
    }
  }

  private static void assertOverflow(org.junit.jupiter.api.function.Executable counting) {
    IllegalStateException e = assertThrows(IllegalStateException.class, counting);
    assertNotNull(e.getMessage());
    assertTrue(e.getMessage().contains("overflow"), e.getMessage());
  }

  /** Writes {@code count} into the states word of the entry of {@code handle}. */
  static void setCount(Object countedMap, long handle, int count) {
    long[] states = (long[]) field(countedMap, "states");
    int slot = Handles.index(handle);
    states[slot] = (long) count << 32 | (states[slot] & 0xFFFF_FFFFL);
  }

  static Object counted(Object rcMap) {
    return field(rcMap, "counted");
  }

  static long handle(Object ref) {
    return (Long) field(ref, "handle");
  }

  static Object field(Object object, String name) {
    try {
      Field field = object.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(object);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(object.getClass() + " has no field " + name, e);
    }
  }
}
