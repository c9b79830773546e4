package dev.rchashmap.tests.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.IntLongRcHashMap;
import dev.rchashmap.tests.layers.ObjObjCountedHashMap;
import dev.rchashmap.tests.layers.ObjObjHandleHashMap;
import dev.rchashmap.tests.layers.ObjObjRcHashMap;
import dev.rchashmap.tests.layers.StringIntCountedHashMap;
import dev.rchashmap.tests.layers.StringIntRcHashMap;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the model tests leave out, for the maps under mutation testing: the {@code asMap()} entry
 * set's {@code contains} and {@code remove}, the view entries' {@code equals}, {@code hashCode}
 * and {@code toString}, the view's {@code isEmpty}, and {@code toString} and {@code equals} of
 * the maps themselves against other objects. Each map holds two entries made in a fresh map, so
 * that slot order is insertion order and the text is known.
 */
class ViewAndTextTest {

  @Test
  void intLongHandleMap() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    assertTrue(map.asMap().isEmpty());
    map.insert(1, 10L);
    map.insert(2, 20L);
    assertEquals("{1=10, 2=20}", map.toString());
    assertNotEquals(map, "{1=10, 2=20}");
    assertNotEquals(map, null);
    checkView(map.asMap(), 1, 10L, 3, 11L);
    checkRemovableEntries(map.asMap(), 1, 10L, 11L);
    assertEquals("{2=20}", map.toString());
    assertEquals(1, map.size());
  }

  @Test
  void objObjHandleMap() {
    ObjObjHandleHashMap<String, String> map = new ObjObjHandleHashMap<>();
    assertTrue(map.asMap().isEmpty());
    map.insert("a", "x");
    map.insert("b", "y");
    assertEquals("{a=x, b=y}", map.toString());
    assertNotEquals(map, "{a=x, b=y}");
    checkView(map.asMap(), "a", "x", "c", "z");
    checkRemovableEntries(map.asMap(), "a", "x", "z");
    assertEquals("{b=y}", map.toString());
  }

  @Test
  void stringIntHandleMap() {
    StringIntHandleHashMap map = new StringIntHandleHashMap();
    assertTrue(map.asMap().isEmpty());
    map.insert("a", 1);
    map.insert("b", 2);
    assertEquals("{a=1, b=2}", map.toString());
    assertNotEquals(map, "{a=1, b=2}");
    checkView(map.asMap(), "a", 1, "c", 3);
    checkRemovableEntries(map.asMap(), "a", 1, 3);
    assertEquals("{b=2}", map.toString());
  }

  @Test
  void countedMaps() {
    IntLongCountedHashMap intLong = new IntLongCountedHashMap();
    assertTrue(intLong.asMap().isEmpty());
    intLong.insert(1, 10L);
    intLong.insert(2, 20L);
      assertEquals("{1=10, 2=20}", intLong.toString());
    checkView(intLong.asMap(), 1, 10L, 3, 11L);
    checkReadOnlyEntries(intLong.asMap(), 1, 10L);

    ObjObjCountedHashMap<String, String> objObj = new ObjObjCountedHashMap<>();
    assertTrue(objObj.asMap().isEmpty());
    objObj.insert("a", "x");
    objObj.insert("b", "y");
      assertEquals("{a=x, b=y}", objObj.toString());
    checkView(objObj.asMap(), "a", "x", "c", "z");
    checkReadOnlyEntries(objObj.asMap(), "a", "x");

    StringIntCountedHashMap stringInt = new StringIntCountedHashMap();
    assertTrue(stringInt.asMap().isEmpty());
    stringInt.insert("a", 1);
    stringInt.insert("b", 2);
      assertEquals("{a=1, b=2}", stringInt.toString());
    checkView(stringInt.asMap(), "a", 1, "c", 3);
    checkReadOnlyEntries(stringInt.asMap(), "a", 1);
  }

  @Test
  void rcMaps() {
    {
      IntLongRcHashMap map = new IntLongRcHashMap();
      IntLongRcHashMap.Ref a = map.insert(1, 10L);
      IntLongRcHashMap.Ref b = map.insert(2, 20L);
      assertEquals("{1=10, 2=20}", map.toString());
      assertEquals("Ref[1=10]", a.toString());
      checkView(map.asMap(), 1, 10L, 3, 11L);
      checkReadOnlyEntries(map.asMap(), 1, 10L);
      map.close();
      assertEquals("{1=10, 2=20} (closed)", map.toString());
      b.close();
      assertEquals("Ref[closed]", b.toString());
      a.close();
    }
    {
      ObjObjRcHashMap<String, String> map = new ObjObjRcHashMap<>();
      ObjObjRcHashMap.Ref<String, String> a = map.insert("a", "x");
      ObjObjRcHashMap.Ref<String, String> b = map.insert("b", "y");
      assertEquals("{a=x, b=y}", map.toString());
      assertEquals("Ref[a=x]", a.toString());
      checkView(map.asMap(), "a", "x", "c", "z");
      checkReadOnlyEntries(map.asMap(), "a", "x");
      map.close();
      assertEquals("{a=x, b=y} (closed)", map.toString());
      b.close();
      assertEquals("Ref[closed]", b.toString());
      a.close();
    }
    {
      StringIntRcHashMap map = new StringIntRcHashMap();
      StringIntRcHashMap.Ref a = map.insert("a", 1);
      StringIntRcHashMap.Ref b = map.insert("b", 2);
      assertEquals("{a=1, b=2}", map.toString());
      assertEquals("Ref[a=1]", a.toString());
      checkView(map.asMap(), "a", 1, "c", 3);
      checkReadOnlyEntries(map.asMap(), "a", 1);
      map.close();
      assertEquals("{a=1, b=2} (closed)", map.toString());
      b.close();
      assertEquals("Ref[closed]", b.toString());
      a.close();
    }
  }

  /**
   * The view holds {@code key=value} and not {@code absent}; {@code other} is a value that no
   * entry has. Checks the entry set's {@code contains}, the first entry's {@code equals}, {@code
   * hashCode} and {@code toString}, and {@code isEmpty}.
   */
  private static <K, V> void checkView(Map<K, V> view, K key, V value, K absent, V other) {
    assertFalse(view.isEmpty());
    assertTrue(view.entrySet().contains(Map.entry(key, value)));
    assertFalse(view.entrySet().contains(Map.entry(key, other)), "another value");
    assertFalse(view.entrySet().contains(Map.entry(absent, value)), "an absent key");
    assertFalse(view.entrySet().contains(key), "not an entry");
    assertFalse(view.entrySet().contains(null), "null");

    Map.Entry<K, V> first = view.entrySet().iterator().next();
    assertEquals(Map.entry(key, value), first);
    assertEquals(first, Map.entry(key, value));
    assertNotEquals(first, Map.entry(key, other));
    assertNotEquals(first, Map.entry(absent, value));
    assertNotEquals(first, key);
    assertEquals(Map.entry(key, value).hashCode(), first.hashCode());
    assertEquals(key + "=" + value, first.toString());
  }

  /** The handle layer's entry set removes an entry only when its key and value both match. */
  private static <K, V> void checkRemovableEntries(Map<K, V> view, K key, V value, V other) {
    assertFalse(view.entrySet().remove(Map.entry(key, other)));
    assertFalse(view.entrySet().remove("not an entry"));
    int size = view.size();
    assertTrue(view.entrySet().remove(Map.entry(key, value)));
    assertEquals(size - 1, view.size());
    assertFalse(view.containsKey(key));
    assertFalse(view.entrySet().remove(Map.entry(key, value)), "already removed");
  }

  /** The counted and Rc layers' views are read-only, their entries too. */
  private static <K, V> void checkReadOnlyEntries(Map<K, V> view, K key, V value) {
    int size = view.size();
    assertThrows(
        UnsupportedOperationException.class, () -> view.entrySet().remove(Map.entry(key, value)));
    Iterator<Map.Entry<K, V>> entries = view.entrySet().iterator();
    entries.next();
    assertThrows(UnsupportedOperationException.class, entries::remove);
    assertEquals(size, view.size());
    assertTrue(view.entrySet().contains(Map.entry(key, value)));
  }
}
