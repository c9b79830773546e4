package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The seed's Module 2 testing plan for {@code CountedHashMap}: counting, removal only at zero,
 * handle identity across increments, duplicates, stale handles, overflow, and what the removal
 * listener sees.
 */
class CountedHashMapTest {

  /** One call of a removal listener. */
  private record Removal(int key, long value) {}

  private static IntLongCountedHashMap recording(List<Removal> removals) {
    return IntLongCountedHashMap.builder()
        .removalListener((key, value) -> removals.add(new Removal(key, value)))
        .build();
  }

  @Test
  void findAndRetainIncrementReleaseDecrementsAndRemovalHappensOnlyAtZero() {
    List<Removal> removals = new ArrayList<>();
    IntLongCountedHashMap map = recording(removals);
    long other = map.insert(2, 20L);
    long handle = map.insert(1, 10L);
    assertEquals(1, map.refCount(handle));

    assertEquals(handle, map.find(1));
    assertEquals(2, map.refCount(handle));
    assertEquals(handle, map.find(1));
    assertEquals(3, map.refCount(handle));
    assertEquals(handle, map.retain(handle));
    assertEquals(4, map.refCount(handle));
    assertEquals(1, map.refCount(other), "counting one entry must not touch another");

    for (int expected = 3; expected >= 1; expected--) {
      assertFalse(map.release(handle), "release above zero must not remove");
      assertEquals(expected, map.refCount(handle));
      assertTrue(map.containsKey(1));
      assertTrue(map.contains(handle));
      assertEquals(2, map.size());
      assertEquals(List.of(), removals, "the listener runs only at zero");
    }

    assertTrue(map.release(handle), "the last release removes");
    assertEquals(List.of(new Removal(1, 10L)), removals);
    assertFalse(map.containsKey(1));
    assertFalse(map.contains(handle));
    assertEquals(1, map.size());
    assertEquals(Handles.NONE, map.find(1));
    assertEquals(1, map.refCount(other));
    assertEquals(20L, map.value(other));
  }

  @Test
  void everyWayOfAddingAnEntryStartsItsCountAtOne() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long inserted = map.insert(1, 10L);
    long tried = map.tryInsert(2, 20L);
    long made = map.insertWith(3, key -> key * 10L);
    long interned = map.findOrInsert(4, key -> key * 10L);
    for (long handle : new long[] {inserted, tried, made, interned}) {
      assertNotEquals(Handles.NONE, handle);
      assertEquals(1, map.refCount(handle));
      assertEquals(map.key(handle) * 10L, map.value(handle));
    }
    assertEquals(4, map.size());
    assertTrue(map.release(made), "count 1 means one release removes");
    assertEquals(3, map.size());
  }

  @Test
  void containsKeyAndGetOrDefaultDoNotCount() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long handle = map.insert(5, 50L);
    assertTrue(map.containsKey(5));
    assertEquals(50L, map.getOrDefault(5, -1L));
    assertEquals(-1L, map.getOrDefault(6, -1L));
    assertEquals(1, map.refCount(handle));
  }

  @Test
  void findMissOnNonEmptyMapReturnsNoneAndCountsNothing() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long[] handles = new long[100];
    for (int key = 0; key < handles.length; key++) {
      handles[key] = map.insert(key, key);
    }
    assertEquals(100, map.size());
    int misses = 0;
    for (int key = 100; key < 1_100; key++) {
      assertEquals(Handles.NONE, map.find(key));
      misses++;
    }
    assertEquals(1_000, misses);
    for (long handle : handles) {
      assertEquals(1, map.refCount(handle));
    }
  }

  @Test
  void valueAndSetValueSeeTheSameEntryThroughEveryIncrementOfItsHandle() {
    StringObjCountedHashMap<StringBuilder> map = new StringObjCountedHashMap<>();
    StringBuilder original = new StringBuilder("v1");
    long inserted = map.insert("k", original);
    long found = map.find("k");
    long retained = map.retain(found);
    long interned = map.findOrInsert("k", key -> new StringBuilder("never"));
    assertEquals(inserted, found);
    assertEquals(inserted, retained);
    assertEquals(inserted, interned);
    assertEquals(4, map.refCount(inserted));
    for (long handle : new long[] {inserted, found, retained, interned}) {
      assertSame(original, map.value(handle));
      assertEquals("k", map.key(handle));
    }

    map.value(found).append("+mutated");
    assertEquals("v1+mutated", map.value(inserted).toString());
    StringBuilder replacement = new StringBuilder("v2");
    map.setValue(retained, replacement);
    assertSame(replacement, map.value(inserted));
    assertSame(replacement, map.value(interned));
    assertSame(replacement, map.getOrDefault("k", null));
    assertEquals(4, map.refCount(inserted), "reads and writes do not count");
  }

  @Test
  void duplicateInsertThrowsAndLeavesCountsSizeAndValuesUnchanged() {
    List<Removal> removals = new ArrayList<>();
    IntLongCountedHashMap map = recording(removals);
    long handle = map.insert(42, 420L);
    map.retain(handle);
    long other = map.insert(7, 70L);

    DuplicateKeyException duplicate =
        assertThrows(DuplicateKeyException.class, () -> map.insert(42, 999L));
    assertTrue(duplicate.getMessage().contains("42"), duplicate.getMessage());
    int[] factoryRuns = {0};
    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.insertWith(
                42,
                key -> {
                  factoryRuns[0]++;
                  return 999L;
                }));
    assertEquals(0, factoryRuns[0], "insertWith must not run the factory for a duplicate");
    assertEquals(Handles.NONE, map.tryInsert(42, 999L));

    assertEquals(2, map.size());
    assertEquals(2, map.refCount(handle));
    assertEquals(1, map.refCount(other));
    assertEquals(420L, map.value(handle));
    assertEquals(70L, map.value(other));
    assertEquals(List.of(), removals);
    // Still exactly two releases to remove it: the duplicates minted no count.
    assertFalse(map.release(handle));
    assertTrue(map.release(handle));
    assertEquals(List.of(new Removal(42, 420L)), removals);
  }

  @Test
  void staleHandlesAreRejectedEverywhereAndChangeNothing() {
    List<Removal> removals = new ArrayList<>();
    IntLongCountedHashMap map = recording(removals);
    long stale = map.insert(1, 10L);
    long survivor = map.insert(2, 20L);
    assertTrue(map.release(stale));
    assertEquals(1, removals.size());

    // A new entry, which may reuse the stale handle's slot: the stale handle must not reach it.
    long reused = map.insert(3, 30L);
    assertNotEquals(stale, reused);
    for (long bad : new long[] {stale, Handles.NONE}) {
      assertThrows(StaleHandleException.class, () -> map.retain(bad));
      assertThrows(StaleHandleException.class, () -> map.release(bad));
      assertThrows(StaleHandleException.class, () -> map.refCount(bad));
      assertThrows(StaleHandleException.class, () -> map.key(bad));
      assertThrows(StaleHandleException.class, () -> map.value(bad));
      assertThrows(StaleHandleException.class, () -> map.setValue(bad, -1L));
      assertFalse(map.contains(bad));
    }
    StaleHandleException e = assertThrows(StaleHandleException.class, () -> map.release(stale));
    assertTrue(e.getMessage().contains(Handles.toString(stale)), e.getMessage());

    assertEquals(2, map.size());
    assertEquals(1, map.refCount(reused));
    assertEquals(1, map.refCount(survivor));
    assertEquals(30L, map.value(reused));
    assertEquals(20L, map.value(survivor));
    assertEquals(1, removals.size(), "no stale call may remove anything");
  }

  /**
   * Drives one count to {@link Integer#MAX_VALUE} honestly, by calling {@code retain}
   * 2<sup>31</sup> - 2 times (about a second on this machine; the only slow test of the layer),
   * then checks that every way of counting refuses to overflow and leaves the count unchanged.
   * Tagged {@code slow}: mutation testing leaves it out (ten seconds and more under PIT, for each
   * mutant of the counted map's hot path that survives).
   */
  @Test
  @Tag("slow")
  void countOverflowThrowsAndLeavesTheCountUnchanged() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long handle = map.insert(1, 10L);
    for (int count = 1; count < Integer.MAX_VALUE; count++) {
      map.retain(handle);
    }
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));

    IllegalStateException viaRetain =
        assertThrows(IllegalStateException.class, () -> map.retain(handle));
    assertFalse(viaRetain instanceof StaleHandleException);
    assertTrue(viaRetain.getMessage().contains("overflow"), viaRetain.getMessage());
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertThrows(IllegalStateException.class, () -> map.find(1));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertThrows(IllegalStateException.class, () -> map.findOrInsert(1, key -> -1L));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));

    assertFalse(map.release(handle));
    assertEquals(Integer.MAX_VALUE - 1, map.refCount(handle));
    assertEquals(handle, map.retain(handle));
    assertEquals(Integer.MAX_VALUE, map.refCount(handle));
    assertEquals(10L, map.value(handle));
    assertEquals(1, map.size());
  }

  @Test
  void listenerRunsAfterTheEntryIsUnlinkedWithItsKeyAndValue() {
    Object value = new Object();
    List<String> seen = new ArrayList<>();
    long[] handle = new long[1];
    AtomicReference<StringObjCountedHashMap<Object>> self = new AtomicReference<>();
    self.set(
        StringObjCountedHashMap.<Object>builder()
            .removalListener(
                (key, removed) -> {
                  StringObjCountedHashMap<Object> map = self.get();
                  assertEquals("gone", key);
                  assertSame(value, removed);
                  assertFalse(map.containsKey(key), "the entry must be unlinked already");
                  assertFalse(map.contains(handle[0]), "its handle must be stale already");
                  assertThrows(StaleHandleException.class, () -> map.refCount(handle[0]));
                  assertThrows(StaleHandleException.class, () -> map.value(handle[0]));
                  assertEquals(Handles.NONE, map.find(key));
                  assertEquals("default", map.getOrDefault(key, "default"));
                  assertEquals(1, map.size(), "only the other entry is left");
                  seen.add(key);
                })
            .build());
    StringObjCountedHashMap<Object> map = self.get();
    map.insert("stays", "x");
    handle[0] = map.insert("gone", value);
    map.retain(handle[0]);
    assertFalse(map.release(handle[0]));
    assertEquals(List.of(), seen);
    assertTrue(map.release(handle[0]));
    assertEquals(List.of("gone"), seen);
    // The listener may even put the key back; here it did not, so it can be inserted afresh.
    long again = map.insert("gone", "new");
    assertEquals(1, map.refCount(again));
  }

  @Test
  void listenerMayReinsertTheKeyItIsToldAbout() {
    List<Integer> told = new ArrayList<>();
    IntLongCountedHashMap[] self = new IntLongCountedHashMap[1];
    long[] reinserted = {Handles.NONE};
    self[0] =
        IntLongCountedHashMap.builder()
            .removalListener(
                (key, value) -> {
                  told.add(key);
                  if (told.size() == 1) {
                    reinserted[0] = self[0].insert(key, value + 1);
                  }
                })
            .build();
    IntLongCountedHashMap map = self[0];
    long first = map.insert(9, 90L);
    assertTrue(map.release(first));
    assertEquals(List.of(9), told);
    assertTrue(map.contains(reinserted[0]));
    assertFalse(map.contains(first));
    assertEquals(91L, map.value(reinserted[0]));
    assertEquals(1, map.refCount(reinserted[0]));
    assertEquals(reinserted[0], map.find(9));
  }

  @Test
  void findOrInsertCountsHitsAndRunsTheFactoryOnlyOnMisses() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    List<Integer> factoryKeys = new ArrayList<>();
    IntLongCountedHashMap.ValueFactory factory =
        key -> {
          factoryKeys.add(key);
          return key * 100L;
        };
    long miss = map.findOrInsert(3, factory);
    assertEquals(List.of(3), factoryKeys);
    assertEquals(1, map.refCount(miss));
    assertEquals(300L, map.value(miss));

    for (int hit = 2; hit <= 5; hit++) {
      assertEquals(miss, map.findOrInsert(3, factory));
      assertEquals(hit, map.refCount(miss));
    }
    assertEquals(List.of(3), factoryKeys, "a hit must not run the factory");
    assertEquals(1, map.size());

    long other = map.findOrInsert(4, factory);
    assertNotEquals(miss, other);
    assertEquals(List.of(3, 4), factoryKeys);
    assertEquals(2, map.size());
    assertEquals(5, map.refCount(miss));
  }

  @Test
  void throwingFactoryLeavesTheMapUnchanged() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long kept = map.insert(1, 10L);
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    IntLongCountedHashMap.ValueFactory failing =
        key -> {
          throw boom;
        };
    assertSame(boom, assertThrows(IllegalArgumentException.class, () -> map.findOrInsert(2, failing)));
    assertSame(boom, assertThrows(IllegalArgumentException.class, () -> map.insertWith(2, failing)));
    assertFalse(map.containsKey(2));
    assertEquals(1, map.size());
    assertEquals(1, map.refCount(kept));
    long later = map.insert(2, 20L);
    assertEquals(1, map.refCount(later));
  }

  @Test
  void collidingKeysAreCountedIndependently() {
    List<Integer> removed = new ArrayList<>();
    CollidingCountedHashMap map =
        CollidingCountedHashMap.builder()
            .removalListener((key, value) -> removed.add(key))
            .build();
    int n = 64;
    long[] handles = new long[n];
    for (int key = 0; key < n; key++) {
      handles[key] = map.insert(key, key * 10L);
      for (int extra = 0; extra < key % 3; extra++) {
        assertEquals(handles[key], map.find(key));
      }
    }
    // Release the even keys completely: removals shift the one probe cluster.
    for (int key = 0; key < n; key += 2) {
      while (!map.release(handles[key])) {
        // keep releasing
      }
    }
    assertEquals(n / 2, map.size());
    assertEquals(n / 2, removed.size());
    for (int key = 0; key < n; key++) {
      if (key % 2 == 0) {
        assertFalse(map.containsKey(key));
        assertEquals(Handles.NONE, map.find(key));
      } else {
        assertEquals(handles[key], map.find(key), "key " + key);
        assertEquals(1 + key % 3 + 1, map.refCount(handles[key]));
        assertEquals(key * 10L, map.value(handles[key]));
      }
    }
  }
}
