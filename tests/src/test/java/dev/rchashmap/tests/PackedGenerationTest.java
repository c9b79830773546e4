package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.LongObjHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import org.junit.jupiter.api.Test;

/**
 * The index packs each entry's generation next to its slot only while the generation fits the
 * bits the index length leaves (see {@code PackedHandles}); past that, lookups read it from the
 * slot. Either way {@code find} must return exactly the handle {@code insert} issued, also
 * across index growth, which repacks with one generation bit fewer.
 *
 * <p>A map hands out fresh slots first and then the slot vacated longest ago, so to wear one slot
 * the tests first fill the storage, leaving a single slot to be reused again and again.
 */
class PackedGenerationTest {

  /** An index of 2^21 cells packs 10 generation bits: live generations up to 1023. */
  private static final int MILLION = 1_000_000;

  @Test
  void findReturnsTheIssuedHandleOnceTheGenerationNoLongerFits() {
    IntLongHandleHashMap map = IntLongHandleHashMap.builder().expectedSize(MILLION).build();
    fill(map, MILLION - 1);
    long handle = Handles.NONE;
    for (int round = 0; round < 600; round++) {
      handle = map.insert(42, round);
      assertEquals(handle, map.find(42), "round " + round);
      map.remove(handle);
    }
    handle = map.insert(42, 7L);
    assertTrue(Handles.generation(handle) > 1023, Handles.toString(handle));
    assertEquals(handle, map.find(42));
    assertEquals(7L, map.getOrDefault(42, -1L));
    assertTrue(map.containsKey(42));
    assertTrue(map.remove(handle));
    assertFalse(map.containsKey(42));
    assertEquals(Handles.NONE, map.find(42));
  }

  @Test
  void growthRepacksAndDropsGenerationsThatNoLongerFit() {
    // 2^20 cells pack 11 generation bits; growing to 2^21 leaves 10. Generation 1501 fits the
    // first but not the second, generation 3 fits both.
    IntLongHandleHashMap map = IntLongHandleHashMap.builder().expectedSize(700_000).build();
    fill(map, 700_000 - 1);
    long reused = Handles.NONE;
    for (int round = 0; round < 751; round++) {
      reused = map.insert(-1, round);
      if (round < 750) {
        map.remove(reused);
      }
    }
    assertEquals(1501, Handles.generation(reused));
    long[] handles = new long[MILLION];
    for (int key = 0; key < MILLION; key++) {
      handles[key] = map.insert(key, key);
    }
    assertEquals(reused, map.find(-1));
    assertEquals(750L, map.value(map.find(-1)));
    for (int key = 0; key < MILLION; key++) {
      assertEquals(handles[key], map.find(key));
    }
    assertTrue(map.remove(reused));
    assertEquals(MILLION + 700_000 - 1, map.size());
  }

  @Test
  void referenceAndWideKeysToo() {
    StringIntHandleHashMap strings = StringIntHandleHashMap.builder().expectedSize(MILLION).build();
    LongObjHandleHashMap<String> longs =
        LongObjHandleHashMap.<String>builder().expectedSize(MILLION).build();
    for (int filler = 0; filler < MILLION - 1; filler++) {
      strings.insert("filler" + filler, filler);
      longs.insert(-1L - filler, "filler");
    }
    for (int round = 0; round < 600; round++) {
      strings.remove(strings.insert("k", round));
      longs.remove(longs.insert(1L << 40, "v" + round));
    }
    long stringHandle = strings.insert("k", 1);
    long longHandle = longs.insert(1L << 40, "v");
    assertTrue(Handles.generation(stringHandle) > 1023);
    assertEquals(stringHandle, strings.find("k"));
    assertEquals(1, strings.value(stringHandle));
    assertEquals(longHandle, longs.find(1L << 40));
    assertEquals("v", longs.value(longHandle));
    assertTrue(strings.remove(stringHandle));
    assertTrue(longs.remove(longHandle));
    assertEquals(2 * (MILLION - 1), strings.size() + longs.size());
  }

  /** Fills all but one slot of the storage with keys far from the ones the tests use. */
  private static void fill(IntLongHandleHashMap map, int count) {
    for (int filler = 0; filler < count; filler++) {
      map.insert(Integer.MIN_VALUE + filler, filler);
    }
  }
}
