package dev.rchashmap.tests.borrowed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.Weakness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keys of a type variable looked up by a {@code CharSequence} ({@code AnyName...<K, V>} with
 * {@link AnyCharSequenceKeys}): the generated casts work in every layer, and a probe matches only
 * a {@code String} key with its characters, never a key of another type with the same hash
 * ({@code Integer} 120 and {@code "x"} share {@code hashCode} 120).
 */
class ObjectKeyProbeTest {

  private final List<Object> factoryCalls = new ArrayList<>();

  @Test
  void handleLayerTellsAStringKeyFromAnIntegerWithItsHash() {
    AnyNameHandleHashMap<Object, String> map = new AnyNameHandleHashMap<>();
    assertEquals("x".hashCode(), Integer.valueOf(120).hashCode(), "precondition");
    long integer = map.insert(120, "integer");
    assertEquals(Handles.NONE, map.find(new StringBuilder("x")));
    assertEquals(Handles.NONE, map.find(new StringBuilder("120")));
    long string =
        map.findOrInsert(
            new StringBuilder("x"),
            key -> {
              factoryCalls.add(key);
              return "string";
            });
    assertNotEquals(integer, string);
    assertEquals(List.of("x"), factoryCalls);
    assertInstanceOf(String.class, map.key(string));
    assertEquals(string, map.find(Probe.CHAR_BUFFER.of("x")));
    assertEquals(integer, map.find((Object) 120));
    assertEquals("string", map.getOrDefault(Probe.CHAR_BUFFER.of("x"), "none"));
    assertEquals(2, map.size());
  }

  @Test
  void aStringTypedMapPicksTheLookupByKeyForAString() {
    AnyNameHandleHashMap<String, Integer> map = new AnyNameHandleHashMap<>();
    long h = map.insert("x", 1);
    assertEquals(h, map.find("x")); // find(K) with K = String
    assertEquals(h, map.find((CharSequence) "x")); // find(CharSequence)
    assertEquals(h, map.find(new StringBuilder("x")));
  }

  @Test
  void countedLayerCountsFindsByProbe() {
    AnyNameCountedHashMap<Object, Integer> map = new AnyNameCountedHashMap<>();
    long h = map.findOrInsert(new StringBuilder("car"), key -> 3);
    map.insert(98_260, 0); // "car".hashCode()
    assertEquals(h, map.find(new StringBuilder("car")));
    assertEquals(2, map.refCount(h));
    assertTrue(map.containsKey(new StringBuilder("car")));
    assertEquals(3, map.getOrDefault(new StringBuilder("car"), -1));
    assertEquals(2, map.refCount(h));
  }

  @Test
  void rcLayerInternsByProbe() {
    try (AnyNameRcHashMap<Object, Integer> map = new AnyNameRcHashMap<>();
        AnyNameRcHashMap.Ref<Object, Integer> a = map.findOrInsert(new StringBuilder("cdr"), k -> 1);
        AnyNameRcHashMap.Ref<Object, Integer> b = map.findOrInsert(Probe.CHAR_BUFFER.of("cdr"), k -> 2);
        AnyNameRcHashMap.Ref<Object, Integer> c = map.find(new StringBuilder("cdr"))) {
      assertTrue(a.sameEntry(b) && b.sameEntry(c));
      assertEquals(3, a.refCount());
      assertEquals("cdr", a.key());
      assertEquals(1, a.value());
      assertNull(map.find(new StringBuilder("car")));
    }
  }

  @Test
  void weakLayerFindsByProbeWhileTheKeyIsHeld() {
    AnyNameWeakHandleHashMap<Object, Object> map =
        AnyNameWeakHandleHashMap.builder().weakness(Weakness.KEY).build();
    long h = map.findOrInsert(new StringBuilder("atom"), key -> "value");
    Object key = map.key(h);
    System.gc();
    assertEquals(h, map.find(Probe.CHAR_BUFFER.of("atom")));
    assertTrue(map.containsKey(new StringBuilder("atom")));
    assertFalse(map.containsKey(new StringBuilder("atoms")));
    assertEquals("atom", key);
    assertThrows(NullPointerException.class, () -> map.find((CharSequence) null));
  }
}
