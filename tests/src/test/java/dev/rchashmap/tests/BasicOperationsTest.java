package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.IntEquivalence;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.LongObjHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Insert, find, access by handle and remove, with {@code size}/{@code isEmpty} checked after each
 * operation (seed testing plan: "insert/find/remove sequences preserve index and storage
 * consistency", "len/is_empty track the number of stored slots").
 */
class BasicOperationsTest {

  @Test
  void newMapIsEmpty() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();

    assertEquals(0, map.size());
    assertTrue(map.isEmpty());
    assertEquals(Handles.NONE, map.find(0));
    assertFalse(map.containsKey(0));
  }

  @Test
  void insertReturnsLiveHandleThatFindReturnsToo() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();

    long handle = map.insert(7, 70L);

    assertNotEquals(Handles.NONE, handle);
    assertEquals(handle, map.find(7));
    assertTrue(map.contains(handle));
    assertTrue(map.containsKey(7));
    assertEquals(7, map.key(handle));
    assertEquals(70L, map.value(handle));
    assertEquals(1, map.size());
    assertFalse(map.isEmpty());
  }

  @Test
  void sizeAndIsEmptyFollowEveryInsertAndRemove() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long[] handles = new long[50];

    for (int i = 0; i < handles.length; i++) {
      handles[i] = map.insert(i * 31, i);
      assertEquals(i + 1, map.size());
      assertFalse(map.isEmpty());
    }
    for (int i = 0; i < handles.length; i++) {
      assertTrue(map.remove(handles[i]));
      assertEquals(handles.length - i - 1, map.size());
      assertEquals(i == handles.length - 1, map.isEmpty());
    }
  }

  @Test
  void findAfterRemoveMissesAndOtherEntriesStay() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long one = map.insert(1, 10L);
    long two = map.insert(2, 20L);
    long three = map.insert(3, 30L);

    assertTrue(map.remove(two));

    assertEquals(Handles.NONE, map.find(2));
    assertFalse(map.containsKey(2));
    assertEquals(one, map.find(1));
    assertEquals(three, map.find(3));
    assertEquals(10L, map.value(one));
    assertEquals(30L, map.value(three));
    assertEquals(2, map.size());
  }

  @Test
  void removeTwiceReturnsFalseTheSecondTime() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long handle = map.insert(5, 50L);

    assertTrue(map.remove(handle));
    assertFalse(map.remove(handle));
    assertEquals(0, map.size());
  }

  @Test
  void handlesOfDistinctEntriesDiffer() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    Set<Long> handles = new HashSet<>();

    for (int i = 0; i < 1000; i++) {
      assertTrue(handles.add(map.insert(i, i)), "handle issued twice at key " + i);
    }
  }

  @Test
  void setValueChangesOnlyThatEntry() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long one = map.insert(1, 10L);
    long two = map.insert(2, 20L);

    map.setValue(one, -11L);

    assertEquals(-11L, map.value(one));
    assertEquals(20L, map.value(two));
    assertEquals(one, map.find(1), "setValue must not move the entry");
    assertEquals(2, map.size());
  }

  @Test
  void getOrDefaultReturnsValueOrDefault() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    map.insert(1, 10L);

    assertEquals(10L, map.getOrDefault(1, -1L));
    assertEquals(-1L, map.getOrDefault(2, -1L));
    assertEquals(Long.MIN_VALUE, map.getOrDefault(2, Long.MIN_VALUE));
  }

  @Test
  void extremeKeysAndValuesRoundTrip() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    int[] keys = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 16, 1 << 30};
    long[] handles = new long[keys.length];

    for (int i = 0; i < keys.length; i++) {
      handles[i] = map.insert(keys[i], Long.MIN_VALUE + i);
    }
    for (int i = 0; i < keys.length; i++) {
      assertEquals(handles[i], map.find(keys[i]));
      assertEquals(keys[i], map.key(handles[i]));
      assertEquals(Long.MIN_VALUE + i, map.value(handles[i]));
    }
    assertEquals(keys.length, map.size());
  }

  @Test
  void referenceValuesMayBeNull() {
    LongObjHandleHashMap<String> map = new LongObjHandleHashMap<>();
    long handle = map.insert(Long.MAX_VALUE, null);

    assertNull(map.value(handle));
    assertEquals(handle, map.find(Long.MAX_VALUE));
    assertEquals("dflt", map.getOrDefault(1L, "dflt"));
    assertNull(map.getOrDefault(Long.MAX_VALUE, "dflt"), "a present null value is returned");

    map.setValue(handle, "x");
    assertEquals("x", map.value(handle));
    map.setValue(handle, null);
    assertNull(map.value(handle));
  }

  @Test
  void stringKeysCompareByEquals() {
    StringIntHandleHashMap map = new StringIntHandleHashMap();
    long handle = map.insert("apple", 1);

    String sameContent = new String("apple".toCharArray());
    assertEquals(handle, map.find(sameContent));
    assertEquals(1, map.getOrDefault(sameContent, -1));
    assertEquals(Handles.NONE, map.find("Apple"));
  }

  @Test
  void stringKeysWithEqualHashCodesAreDistinct() {
    StringIntHandleHashMap map = new StringIntHandleHashMap();
    assertEquals("Aa".hashCode(), "BB".hashCode());

    long aa = map.insert("Aa", 1);
    long bb = map.insert("BB", 2);

    assertNotEquals(aa, bb);
    assertEquals(aa, map.find("Aa"));
    assertEquals(bb, map.find("BB"));
    assertTrue(map.remove(aa));
    assertEquals(bb, map.find("BB"));
    assertEquals(Handles.NONE, map.find("Aa"));
  }

  @Test
  void negativeExpectedSizeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new IntLongHandleHashMap(-1));
    assertThrows(
        IllegalArgumentException.class,
        () -> IntLongHandleHashMap.builder().expectedSize(-5).build());
  }

  @Test
  void zeroExpectedSizeStillGrows() {
    IntLongHandleHashMap map = new IntLongHandleHashMap(0);
    for (int i = 0; i < 100; i++) {
      map.insert(i, i);
    }
    assertEquals(100, map.size());
    assertEquals(99L, map.getOrDefault(99, -1L));
  }

  @Test
  void builderWithExpectedSizeAndEquivalence() {
    IntLongHandleHashMap map =
        IntLongHandleHashMap.builder().expectedSize(10).equivalence(new ModuloTen()).build();

    long handle = map.insert(3, 30L);

    assertEquals(handle, map.find(13), "13 is equivalent to 3 under the custom equivalence");
    assertTrue(map.containsKey(-7 + 10));
    assertEquals(Handles.NONE, map.tryInsert(23, 1L));
    assertEquals(3, map.key(handle), "the stored key is the one inserted");
    assertEquals(1, map.size());
  }

  @Test
  void builderEquivalenceNullRestoresTheDefault() {
    IntLongHandleHashMap map =
        IntLongHandleHashMap.builder().equivalence(new ModuloTen()).equivalence(null).build();

    map.insert(3, 30L);

    assertEquals(Handles.NONE, map.find(13));
    map.insert(13, 130L);
    assertEquals(2, map.size());
  }

  @Test
  void builderDefaultsGiveAnEmptyWorkingMap() {
    IntLongHandleHashMap map = IntLongHandleHashMap.builder().build();

    assertTrue(map.isEmpty());
    long handle = map.insert(1, 1L);
    assertEquals(handle, map.find(1));
  }

  @Test
  void toStringListsEntriesInSlotOrder() {
    // Storage for two entries, so that key 3 must reuse the slot of key 1.
    IntLongHandleHashMap map = new IntLongHandleHashMap(2);
    assertEquals("{}", map.toString());

    long one = map.insert(1, 10L);
    map.insert(2, 20L);
    assertEquals("{1=10, 2=20}", map.toString());

    map.remove(one);
    assertEquals("{2=20}", map.toString());

    map.insert(3, 30L); // reuses the slot of key 1
    assertEquals("{3=30, 2=20}", map.toString());
  }

  @Test
  void toStringOfReferenceEntries() {
    LongObjHandleHashMap<String> map = new LongObjHandleHashMap<>();
    map.insert(-1L, "minus one");
    map.insert(5L, null);

    assertEquals("{-1=minus one, 5=null}", map.toString());
  }

  /** Keys are equivalent when they have the same remainder modulo ten (non-negative keys). */
  private static final class ModuloTen implements IntEquivalence {
    @Override
    public int hash(int value) {
      return Math.floorMod(value, 10);
    }

    @Override
    public boolean equivalent(int a, int b) {
      return Math.floorMod(a, 10) == Math.floorMod(b, 10);
    }
  }
}
