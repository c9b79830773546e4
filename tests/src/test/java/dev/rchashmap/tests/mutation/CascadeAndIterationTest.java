package dev.rchashmap.tests.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.tests.layers.ObjObjCountedHashMap;
import dev.rchashmap.tests.layers.ObjObjRcHashMap;
import dev.rchashmap.tests.layers.StringIntCountedHashMap;
import dev.rchashmap.tests.layers.StringIntRcHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * What no test reached in the {@code ObjObj} and {@code StringInt} counted and Rc maps in the
 * first mutation run: cascades of removals through the pending queue, long enough that the queue
 * grows and its head wraps around; the counted maps' {@code forEach}; the Rc maps' {@code refs()}.
 *
 * <p>The cascade is a binary tree of {@value #NODES} entries: the removal listener of entry
 * {@code i} releases entries {@code 2i+1} and {@code 2i+2}, so the calls queue up breadth first and
 * must run in key order, each exactly once.
 */
class CascadeAndIterationTest {

  static final int NODES = 200;

  @Test
  void objObjCountedCascadeRunsBreadthFirst() {
    List<Integer> seen = new ArrayList<>();
    long[] handles = new long[NODES];
    ObjObjCountedHashMap<Integer, Integer>[] holder = newHolder();
    ObjObjCountedHashMap<Integer, Integer> map =
        ObjObjCountedHashMap.<Integer, Integer>builder()
            .removalListener(
                (key, value) -> {
                  seen.add(key);
                  assertEquals(key * 3, value);
                  for (int child = 2 * key + 1; child <= 2 * key + 2 && child < NODES; child++) {
                    assertTrue(holder[0].release(handles[child]));
                  }
                })
            .build();
    holder[0] = map;
    for (int i = 0; i < NODES; i++) {
      handles[i] = map.insert(i, i * 3);
    }
    assertTrue(map.release(handles[0]));
    assertEquals(inOrder(NODES), seen);
    assertTrue(map.isEmpty());
  }

  @SuppressWarnings("unchecked")
  private static ObjObjCountedHashMap<Integer, Integer>[] newHolder() {
    return (ObjObjCountedHashMap<Integer, Integer>[]) new ObjObjCountedHashMap<?, ?>[1];
  }

  @Test
  void stringIntCountedCascadeRunsBreadthFirst() {
    List<Integer> seen = new ArrayList<>();
    long[] handles = new long[NODES];
    StringIntCountedHashMap[] holder = new StringIntCountedHashMap[1];
    StringIntCountedHashMap map =
        StringIntCountedHashMap.builder()
            .removalListener(
                (key, value) -> {
                  int node = Integer.parseInt(key.substring(1));
                  seen.add(node);
                  assertEquals(node * 3, value);
                  for (int child = 2 * node + 1; child <= 2 * node + 2 && child < NODES; child++) {
                    assertTrue(holder[0].release(handles[child]));
                  }
                })
            .build();
    holder[0] = map;
    for (int i = 0; i < NODES; i++) {
      handles[i] = map.insert("k" + i, i * 3);
    }
    assertTrue(map.release(handles[0]));
    assertEquals(inOrder(NODES), seen);
    assertTrue(map.isEmpty());

    // A second cascade in the same map, after the queue has grown and drained.
    seen.clear();
    for (int i = 0; i < NODES; i++) {
      handles[i] = map.insert("k" + i, i * 3);
    }
    assertTrue(map.release(handles[0]));
    assertEquals(inOrder(NODES), seen);
  }

  private static List<Integer> inOrder(int n) {
    List<Integer> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(i);
    }
    return keys;
  }

  @Test
  void countedForEachVisitsEveryEntryWithItsHandle() {
    ObjObjCountedHashMap<String, String> objObj = new ObjObjCountedHashMap<>();
    Map<String, Long> objHandles = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      objHandles.put("k" + i, objObj.insert("k" + i, "v" + i));
    }
    objObj.release(objHandles.remove("k3"));
    Map<String, String> visited = new HashMap<>();
    objObj.forEach(
        (handle, key, value) -> {
          assertEquals(objHandles.get(key), handle);
          assertEquals("v" + key.substring(1), value);
          assertNull(visited.put(key, value), "visited twice: " + key);
        });
    assertEquals(19, visited.size());
    assertFalse(visited.containsKey("k3"));

    StringIntCountedHashMap stringInt = new StringIntCountedHashMap();
    Map<String, Long> handles = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      handles.put("k" + i, stringInt.insert("k" + i, i));
    }
    stringInt.release(handles.remove("k7"));
    Map<String, Integer> seen = new HashMap<>();
    stringInt.forEach(
        (handle, key, value) -> {
          assertEquals(handles.get(key), handle);
          assertEquals(Integer.parseInt(key.substring(1)), value);
          seen.put(key, value);
        });
    assertEquals(19, seen.size());
    assertFalse(seen.containsKey("k7"));
  }

  @Test
  void rcRefsYieldsANewRefPerEntry() {
    try (ObjObjRcHashMap<String, String> map = new ObjObjRcHashMap<>()) {
      List<ObjObjRcHashMap.Ref<String, String>> held = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        held.add(map.insert("k" + i, "v" + i));
      }
      Iterator<ObjObjRcHashMap.Ref<String, String>> refs = map.refs();
      Map<String, String> seen = new HashMap<>();
      while (refs.hasNext()) {
        try (ObjObjRcHashMap.Ref<String, String> ref = refs.next()) {
          assertEquals(2, ref.refCount());
          seen.put(ref.key(map), ref.value(map));
        }
      }
      assertFalse(refs.hasNext());
      assertThrows(NoSuchElementException.class, refs::next);
      assertEquals(10, seen.size());
      assertEquals("v4", seen.get("k4"));
      for (ObjObjRcHashMap.Ref<String, String> ref : held) {
        assertEquals(1, ref.refCount());
        ref.close();
      }
      assertTrue(map.isEmpty());
    }
    try (StringIntRcHashMap map = new StringIntRcHashMap()) {
      List<StringIntRcHashMap.Ref> held = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        held.add(map.insert("k" + i, i));
      }
      Iterator<StringIntRcHashMap.Ref> refs = map.refs();
      Map<String, Integer> seen = new HashMap<>();
      while (refs.hasNext()) {
        try (StringIntRcHashMap.Ref ref = refs.next()) {
          assertEquals(2, ref.refCount());
          seen.put(ref.key(map), ref.value(map));
        }
      }
      assertThrows(NoSuchElementException.class, refs::next);
      assertEquals(10, seen.size());
      assertEquals(4, seen.get("k4"));
      for (StringIntRcHashMap.Ref ref : held) {
        ref.close();
      }
      assertTrue(map.isEmpty());
    }
  }
}
