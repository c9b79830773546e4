package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.WrongMapException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The seed's Module 3 testing plan for {@code RcHashMap} and its {@code Ref}: share/close
 * counting observed through the map (the counts themselves are not public at this layer), close
 * idempotence, closed Refs, owner checks, equality, duplicates and misses.
 */
class RcHashMapTest {

  /** One call of a removal listener. */
  private record Removal(int key, long value) {}

  private static IntLongRcHashMap recording(List<Removal> removals) {
    return IntLongRcHashMap.builder()
        .removalListener((key, value) -> removals.add(new Removal(key, value)))
        .build();
  }

  @Test
  void entryStaysUntilItsLastRefIsClosed() {
    List<Removal> removals = new ArrayList<>();
    IntLongRcHashMap map = recording(removals);
    IntLongRcHashMap.Ref other = map.insert(2, 20L);
    IntLongRcHashMap.Ref inserted = map.insert(1, 10L);
    IntLongRcHashMap.Ref shared = inserted.share();
    IntLongRcHashMap.Ref found = map.find(1);
    IntLongRcHashMap.Ref interned = map.findOrInsert(1, key -> -1L);
    IntLongRcHashMap.Ref sharedTwice = found.share();
    List<IntLongRcHashMap.Ref> refs = List.of(found, inserted, sharedTwice, interned, shared);

    int open = refs.size();
    for (IntLongRcHashMap.Ref ref : refs) {
      assertEquals(open, ref.refCount(), "every Ref counts once");
      assertTrue(map.containsKey(1), "removed while a Ref was still open");
      assertEquals(2, map.size());
      assertEquals(List.of(), removals);
      assertEquals(10L, ref.value(map));
      ref.close();
      assertTrue(ref.isClosed());
      open--;
    }
    assertFalse(map.containsKey(1));
    assertEquals(1, map.size());
    assertEquals(List.of(new Removal(1, 10L)), removals);
    assertNull(map.find(1));
    assertEquals(20L, other.value(map));
    other.close();
    assertTrue(map.isEmpty());
  }

  @Test
  void closeIsIdempotentPerRefObject() {
    List<Removal> removals = new ArrayList<>();
    IntLongRcHashMap map = recording(removals);
    IntLongRcHashMap.Ref first = map.insert(1, 10L);
    IntLongRcHashMap.Ref second = first.share();
    assertEquals(2, second.refCount());
    first.close();
    first.close();
    first.close();
    assertEquals(1, second.refCount(), "closing one Ref again must not take another Ref's count");
    assertTrue(map.containsKey(1));
    assertEquals(10L, second.value());
    assertEquals(List.of(), removals);
    second.close();
    assertEquals(List.of(new Removal(1, 10L)), removals);
    second.close();
    first.close();
    assertEquals(1, removals.size(), "the listener runs once");
    assertTrue(map.isEmpty());
  }

  @Test
  void closedRefRejectsUseButStillAnswersIdentityQuestions() {
    IntLongRcHashMap map = new IntLongRcHashMap();
    IntLongRcHashMap.Ref open = map.insert(1, 10L);
    IntLongRcHashMap.Ref closed = open.share();
    int hashBefore = closed.hashCode();
    closed.close();

    List<Executable> uses =
        List.of(
            closed::key,
            closed::value,
            () -> closed.setValue(11L),
            closed::share,
            closed::refCount,
            () -> closed.key(map),
            () -> closed.value(map),
            () -> closed.setValue(map, 11L));
    for (Executable use : uses) {
      IllegalStateException e = assertThrows(IllegalStateException.class, use);
      assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
    assertTrue(closed.isClosed());
    assertFalse(open.isClosed());
    assertEquals(hashBefore, closed.hashCode());
    assertEquals(closed, closed);
    assertNotEquals(open, closed, "each Ref is its own counted unit: equality is identity");
    assertFalse(open.sameEntry(closed), "a closed Ref reaches no entry");
    assertFalse(closed.sameEntry(open));
    assertNotNull(closed.toString());
    assertTrue(closed.toString().contains("closed"), closed.toString());
    // Nothing above changed the entry.
    assertEquals(10L, open.value());
    assertTrue(map.containsKey(1));
    int openHash = open.hashCode();
    open.close();
    // Identity questions work even once the entry is gone.
    assertEquals(openHash, open.hashCode());
    assertNotEquals(open, closed);
    assertFalse(open.sameEntry(closed));
    assertNotNull(open.toString());
    assertFalse(map.containsKey(1));
  }

  @Test
  void ownerCheckedAccessorsRejectAnotherMapOfTheSameClass() {
    try (IntLongRcHashMap mine = new IntLongRcHashMap();
        IntLongRcHashMap theirs = new IntLongRcHashMap()) {
      // Same key, same insertion history: both entries get the same handle.
      IntLongRcHashMap.Ref a = mine.insert(1, 10L);
      IntLongRcHashMap.Ref b = theirs.insert(1, 20L);

      assertThrows(WrongMapException.class, () -> a.key(theirs));
      assertThrows(WrongMapException.class, () -> a.value(theirs));
      WrongMapException e = assertThrows(WrongMapException.class, () -> a.setValue(theirs, 99L));
      assertTrue(e.getMessage().contains("IntLongRcHashMap"), e.getMessage());
      assertThrows(WrongMapException.class, () -> b.value(mine));

      assertEquals(10L, a.value(mine));
      assertEquals(20L, b.value(theirs), "a rejected setValue must not write anywhere");
      assertEquals(1, a.key(mine));
      a.setValue(mine, 11L);
      assertEquals(11L, a.value(mine));
      assertEquals(20L, b.value(theirs));
      // The unchecked accessors go to the Ref's own map whatever map is at hand.
      assertEquals(11L, a.value());
      b.setValue(21L);
      assertEquals(21L, b.value(theirs));
      assertEquals(11L, a.value(mine));
      a.close();
      b.close();
    }
  }

  @Test
  void refsToTheSameEntryAreDistinctUnitsThatReachTheSameEntry() {
    try (IntLongRcHashMap map = new IntLongRcHashMap();
        IntLongRcHashMap otherMap = new IntLongRcHashMap()) {
      IntLongRcHashMap.Ref inserted = map.insert(1, 10L);
      IntLongRcHashMap.Ref found = map.find(1);
      IntLongRcHashMap.Ref shared = inserted.share();
      IntLongRcHashMap.Ref interned = map.findOrInsert(1, key -> -1L);
      IntLongRcHashMap.Ref different = map.insert(2, 20L);
      IntLongRcHashMap.Ref sameHandleOtherMap = otherMap.insert(1, 10L);

      for (IntLongRcHashMap.Ref ref : List.of(found, shared, interned)) {
        assertNotSame(inserted, ref, "each call returns a new Ref");
        assertNotEquals(inserted, ref, "each Ref is one counted unit");
        assertTrue(inserted.sameEntry(ref));
        assertTrue(ref.sameEntry(inserted));
      }
      assertFalse(inserted.sameEntry(different));
      assertFalse(inserted.sameEntry(sameHandleOtherMap), "same handle in another map");
      assertFalse(sameHandleOtherMap.sameEntry(inserted));
      assertNotEquals(inserted, null);
      assertNotEquals(inserted, (Object) "Ref");

      // A set never merges two units: each must still be closed, and each is there to close.
      Set<IntLongRcHashMap.Ref> set = new HashSet<>(List.of(inserted, found, shared, interned));
      assertEquals(4, set.size());
      assertEquals(4, inserted.refCount());
      set.add(different);
      set.add(sameHandleOtherMap);
      assertEquals(6, set.size());

      for (IntLongRcHashMap.Ref ref : set) {
        ref.close();
      }
      assertTrue(map.isEmpty(), "closing every Ref of the set leaves nothing behind");
      assertTrue(otherMap.isEmpty());
    }
  }


  @Test
  void findReturnsNullOnAMissInANonEmptyMap() {
    try (IntLongRcHashMap map = new IntLongRcHashMap()) {
      List<IntLongRcHashMap.Ref> refs = new ArrayList<>();
      for (int key = 0; key < 100; key++) {
        refs.add(map.insert(key, key));
      }
      assertEquals(100, map.size());
      int misses = 0;
      for (int key = 100; key < 600; key++) {
        assertNull(map.find(key));
        misses++;
      }
      assertEquals(500, misses);
      refs.forEach(IntLongRcHashMap.Ref::close);
      assertTrue(map.isEmpty(), "misses must not have counted anything");
    }
  }

  @Test
  void duplicateInsertThrowsAndLeavesSizeValuesAndKeepaliveUnchanged() {
    int[] disposed = {0};
    List<Removal> removals = new ArrayList<>();
    IntLongRcHashMap map =
        IntLongRcHashMap.builder()
            .removalListener((key, value) -> removals.add(new Removal(key, value)))
            .onDispose(() -> disposed[0]++)
            .build();
    IntLongRcHashMap.Ref ref = map.insert(7, 70L);
    int[] factoryRuns = {0};
    for (int attempt = 0; attempt < 5; attempt++) {
      DuplicateKeyException e =
          assertThrows(DuplicateKeyException.class, () -> map.insert(7, 71L));
      assertTrue(e.getMessage().contains("7"), e.getMessage());
      assertThrows(
          DuplicateKeyException.class,
          () ->
              map.insertWith(
                  7,
                  key -> {
                    factoryRuns[0]++;
                    return 72L;
                  }));
    }
    assertEquals(0, factoryRuns[0]);
    assertEquals(1, map.size());
    assertEquals(70L, ref.value(map));

    map.close();
    assertEquals(0, disposed[0], "the live entry keeps the storage");
    ref.close();
    assertEquals(List.of(new Removal(7, 70L)), removals, "one count: one close removes");
    assertEquals(1, disposed[0], "the duplicates took no keepalive unit, and returned none");
  }

  @Test
  void refAccessorsReadAndWriteTheEntry() {
    try (StringObjRcHashMap<List<String>> map = new StringObjRcHashMap<>()) {
      List<String> value = new ArrayList<>(List.of("x"));
      StringObjRcHashMap.Ref<List<String>> ref = map.insert("k", value);
      StringObjRcHashMap.Ref<List<String>> found = map.find("k");
      assertEquals("k", ref.key(map));
      assertEquals("k", found.key());
      assertSame(value, found.value(map));
      List<String> replacement = List.of("y");
      found.setValue(map, replacement);
      assertSame(replacement, ref.value());
      ref.setValue(value);
      assertSame(value, found.value());
      assertTrue(ref.toString().contains("k"), ref.toString());
      ref.close();
      found.close();
    }
  }

  @Test
  void throwingListenerStillRemovesTheEntryAndReturnsItsKeepaliveUnit() {
    IllegalStateException boom = new IllegalStateException("listener failed");
    int[] disposed = {0};
    List<Integer> told = new ArrayList<>();
    IntLongRcHashMap map =
        IntLongRcHashMap.builder()
            .removalListener(
                (key, value) -> {
                  told.add(key);
                  throw boom;
                })
            .onDispose(() -> disposed[0]++)
            .build();
    IntLongRcHashMap.Ref a = map.insert(1, 10L);
    IntLongRcHashMap.Ref b = map.insert(2, 20L);
    map.close();

    assertSame(boom, assertThrows(IllegalStateException.class, a::close));
    assertTrue(a.isClosed());
    a.close(); // idempotent even after a failed listener
    assertEquals(List.of(1), told);
    assertEquals(1, map.size());
    assertEquals(0, disposed[0]);
    assertEquals(20L, b.value(map));

    assertSame(boom, assertThrows(IllegalStateException.class, b::close));
    assertEquals(List.of(1, 2), told);
    assertEquals(0, map.size());
    assertEquals(1, disposed[0], "the last unit returned although the listener threw");
  }
}
