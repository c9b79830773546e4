package dev.rchashmap.tests.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rchashmap.tests.layers.ObjObjHandleHashMap;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Survivors of the first mutation run in the handle maps, killed: {@code equals} of two maps of
 * one size whose keys differ while their values agree; an exhausted view iterator; a view
 * iterator's {@code remove} and a cursor's accessors after the map changed under them; and
 * {@code putAll} from a map whose storage is full (its last slot is the last of its arrays).
 */
class FailFastAndEqualsTest {

  @Test
  void mapsWithEqualValuesUnderDifferentKeysDiffer() {
    IntLongHandleHashMap a = new IntLongHandleHashMap();
    IntLongHandleHashMap b = new IntLongHandleHashMap();
    a.insert(1, 10L);
    b.insert(2, 10L);
    assertNotEquals(a, b);
    assertNotEquals(b, a);

    ObjObjHandleHashMap<String, String> c = new ObjObjHandleHashMap<>();
    ObjObjHandleHashMap<String, String> d = new ObjObjHandleHashMap<>();
    c.insert("a", "x");
    d.insert("b", "x");
    assertNotEquals(c, d);

    StringIntHandleHashMap e = new StringIntHandleHashMap();
    StringIntHandleHashMap f = new StringIntHandleHashMap();
    e.insert("a", 1);
    f.insert("b", 1);
    assertNotEquals(e, f);
  }

  @Test
  void viewIteratorsAndCursorsFailFast() {
    IntLongHandleHashMap intLong = new IntLongHandleHashMap();
    intLong.insert(1, 10L);
    checkIterator(intLong.asMap(), () -> intLong.insert(2, 20L));
    IntLongHandleHashMap.Cursor intLongCursor = intLong.cursor();
    intLongCursor.next();
    intLong.insert(3, 30L);
    assertThrows(ConcurrentModificationException.class, intLongCursor::key);

    ObjObjHandleHashMap<String, String> objObj = new ObjObjHandleHashMap<>();
    objObj.insert("a", "x");
    checkIterator(objObj.asMap(), () -> objObj.insert("b", "y"));
    ObjObjHandleHashMap<String, String>.Cursor objObjCursor = objObj.cursor();
    objObjCursor.next();
    objObj.insert("c", "z");
    assertThrows(ConcurrentModificationException.class, objObjCursor::key);

    StringIntHandleHashMap stringInt = new StringIntHandleHashMap();
    stringInt.insert("a", 1);
    checkIterator(stringInt.asMap(), () -> stringInt.insert("b", 2));
    StringIntHandleHashMap.Cursor stringIntCursor = stringInt.cursor();
    stringIntCursor.next();
    stringInt.insert("c", 3);
    assertThrows(ConcurrentModificationException.class, stringIntCursor::key);
  }

  /** {@code view} holds one entry; {@code change} adds another through the map. */
  private static <K, V> void checkIterator(Map<K, V> view, Runnable change) {
    Iterator<Map.Entry<K, V>> exhausted = view.entrySet().iterator();
    exhausted.next();
    assertThrows(NoSuchElementException.class, exhausted::next);

    Iterator<Map.Entry<K, V>> entries = view.entrySet().iterator();
    entries.next();
    change.run();
    assertThrows(ConcurrentModificationException.class, entries::remove);
    assertEquals(2, view.size());
  }

  @Test
  void putAllFromAMapWhoseStorageIsFull() {
    IntLongHandleHashMap full = new IntLongHandleHashMap(2);
    full.insert(1, 10L);
    full.insert(2, 20L);
    IntLongHandleHashMap target = new IntLongHandleHashMap();
    target.putAll(full);
    assertEquals(full, target);

    ObjObjHandleHashMap<String, String> fullObj = new ObjObjHandleHashMap<>(2);
    fullObj.insert("a", "x");
    fullObj.insert("b", "y");
    ObjObjHandleHashMap<String, String> targetObj = new ObjObjHandleHashMap<>();
    targetObj.putAll(fullObj);
    assertEquals(fullObj, targetObj);

    StringIntHandleHashMap fullStr = new StringIntHandleHashMap(2);
    fullStr.insert("a", 1);
    fullStr.insert("b", 2);
    StringIntHandleHashMap targetStr = new StringIntHandleHashMap();
    targetStr.putAll(fullStr);
    assertEquals(fullStr, targetStr);
  }
}
