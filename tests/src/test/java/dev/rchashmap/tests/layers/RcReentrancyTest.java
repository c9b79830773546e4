package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.MapClosedException;
import dev.rchashmap.runtime.ReentrancyException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-entry into an {@code RcHashMap}: user equality code that calls the map it is running in is
 * rejected with {@link ReentrancyException} (assertions are on in these tests) and leaves the
 * map unchanged; removal listeners and value factories run outside critical sections and may
 * use the map freely. Also: value factories that throw.
 */
class RcReentrancyTest {

  @BeforeAll
  static void assertionsAreOn() {
    assertTrue(
        ObjObjHandleHashMap.class.desiredAssertionStatus(),
        "the reentrancy guard only runs with -ea; surefire must enable assertions");
  }

  /** A map of keys 0..9 to "v0".."v9", each entry held by one Ref, logging its events. */
  private static final class Fixture {
    final List<String> events = new ArrayList<>();
    final ObjObjRcHashMap<ReentrantKey, String> map =
        ObjObjRcHashMap.<ReentrantKey, String>builder()
            .removalListener((key, value) -> events.add("removed " + key.id()))
            .onDispose(() -> events.add("disposed"))
            .build();
    final List<ObjObjRcHashMap.Ref<ReentrantKey, String>> refs = new ArrayList<>();

    Fixture() {
      for (int id = 0; id < 10; id++) {
        refs.add(map.insert(new ReentrantKey(id), "v" + id));
      }
    }

    /** Checks that the map holds exactly its ten entries, then closes everything. */
    void checkUnchangedAndClose() {
      assertEquals(10, map.size());
      for (int id = 0; id < 10; id++) {
        assertEquals("v" + id, refs.get(id).value(map));
        assertTrue(map.containsKey(new ReentrantKey(id)));
      }
      assertFalse(map.containsKey(new ReentrantKey(100)));
      map.close();
      for (int id = 0; id < 10; id++) {
        assertEquals(1, refs.get(id).refCount(), "no operation above may leave a count behind");
        refs.get(id).close();
        // One close removes each entry.
        assertEquals("removed " + id, events.get(id));
      }
      assertEquals(11, events.size());
      assertEquals("disposed", events.get(10));
    }
  }

  @Test
  void equalsThatCallsFindDuringFindIsRejectedAndLeavesTheMapUnchanged() {
    Fixture f = new Fixture();
    ReentrantKey query = new ReentrantKey(5);
    query.arm(() -> f.map.find(new ReentrantKey(3)));

    ReentrancyException e = assertThrows(ReentrancyException.class, () -> f.map.find(query));
    assertEquals(1, query.hookCalls(), "the test must really call equals during find");
    assertTrue(e.getMessage().contains("find"), e.getMessage());

    query.disarm();
    // The guard was released: the same lookup works now, and counts once.
    ObjObjRcHashMap.Ref<ReentrantKey, String> found = f.map.find(query);
    assertNotNull(found);
    assertEquals("v5", found.value(f.map));
    found.close();
    f.checkUnchangedAndClose();
  }

  @Test
  void equalsThatCallsInsertDuringInsertIsRejectedAndInsertsNothing() {
    Fixture f = new Fixture();
    ReentrantKey duplicate = new ReentrantKey(4);
    duplicate.arm(() -> f.map.insert(new ReentrantKey(100), "nested"));

    assertThrows(ReentrancyException.class, () -> f.map.insert(duplicate, "dup"));
    assertEquals(1, duplicate.hookCalls());
    duplicate.disarm();
    f.checkUnchangedAndClose();
  }

  @Test
  void equalsThatCallsContainsKeyDuringFindOrInsertIsRejected() {
    Fixture f = new Fixture();
    ReentrantKey query = new ReentrantKey(7);
    int[] factoryRuns = {0};
    query.arm(() -> f.map.containsKey(new ReentrantKey(1)));

    assertThrows(
        ReentrancyException.class,
        () ->
            f.map.findOrInsert(
                query,
                key -> {
                  factoryRuns[0]++;
                  return "made";
                }));
    assertEquals(1, query.hookCalls());
    assertEquals(0, factoryRuns[0]);
    query.disarm();
    f.checkUnchangedAndClose();
  }

  @Test
  void equalsThatUsesAnotherMapIsNotReentry() {
    Fixture f = new Fixture();
    try (ObjObjRcHashMap<ReentrantKey, String> other = new ObjObjRcHashMap<>()) {
      ObjObjRcHashMap.Ref<ReentrantKey, String> otherRef = other.insert(new ReentrantKey(3), "o");
      ReentrantKey query = new ReentrantKey(2);
      query.arm(() -> other.find(new ReentrantKey(3)).close());
      ObjObjRcHashMap.Ref<ReentrantKey, String> found = f.map.find(query);
      query.disarm();
      assertEquals(1, query.hookCalls());
      assertEquals("v2", found.value(f.map));
      found.close();
      otherRef.close();
      assertTrue(other.isEmpty());
    }
    f.checkUnchangedAndClose();
  }

  @Test
  void removalListenerMayFindInsertAndCloseInTheSameMap() {
    List<String> events = new ArrayList<>();
    List<IntLongRcHashMap.Ref> insertedByListener = new ArrayList<>();
    IntLongRcHashMap[] self = new IntLongRcHashMap[1];
    self[0] =
        IntLongRcHashMap.builder()
            .removalListener(
                (key, value) -> {
                  IntLongRcHashMap map = self[0];
                  events.add("removed " + key);
                  if (map.isClosed()) {
                    return;
                  }
                  assertNull(map.find(key), "the entry has left before its listener runs");
                  assertFalse(map.containsKey(key));
                  if (key < 100) {
                    IntLongRcHashMap.Ref survivor = map.find(0);
                    assertEquals(0L, survivor.value(map));
                    survivor.close();
                    insertedByListener.add(map.insert(key + 100, value + 100));
                    insertedByListener.add(map.findOrInsert(key + 100, k -> -1L));
                  }
                })
            .onDispose(() -> events.add("disposed"))
            .build();
    IntLongRcHashMap map = self[0];
    IntLongRcHashMap.Ref zero = map.insert(0, 0L);
    IntLongRcHashMap.Ref one = map.insert(1, 1L);
    IntLongRcHashMap.Ref two = map.insert(2, 2L);
    one.close();
    two.close();
    assertEquals(List.of("removed 1", "removed 2"), events);
    assertEquals(3, map.size());
    assertTrue(map.containsKey(101));
    assertTrue(map.containsKey(102));
    assertEquals(101L, insertedByListener.get(0).value(map));
    assertTrue(insertedByListener.get(0).sameEntry(insertedByListener.get(1)));

    map.close();
    zero.close();
    // Close the listener's Refs: entries 101 and 102 leave (their listener calls insert nothing).
    insertedByListener.forEach(IntLongRcHashMap.Ref::close);
    assertEquals(
        List.of("removed 1", "removed 2", "removed 0", "removed 101", "removed 102", "disposed"),
        events);
  }

  @Test
  void valueFactoryMayUseTheSameMap() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map =
        IntLongRcHashMap.builder()
            .removalListener((key, value) -> events.add("removed " + key))
            .onDispose(() -> events.add("disposed"))
            .build();
    IntLongRcHashMap.Ref base = map.insert(1, 10L);
    List<IntLongRcHashMap.Ref> madeByFactory = new ArrayList<>();
    IntLongRcHashMap.Ref interned =
        map.findOrInsert(
            2,
            key -> {
              try (IntLongRcHashMap.Ref found = map.find(1)) {
                madeByFactory.add(map.insert(3, 30L));
                return found.value(map) + key;
              }
            });
    IntLongRcHashMap.Ref made =
        map.insertWith(
            4,
            key -> {
              madeByFactory.add(map.findOrInsert(5, k -> 50L));
              return 40L;
            });
    assertEquals(12L, interned.value(map));
    assertEquals(40L, made.value(map));
    assertEquals(5, map.size());

    map.close();
    for (IntLongRcHashMap.Ref ref : List.of(base, interned, made)) {
      ref.close();
    }
    madeByFactory.forEach(IntLongRcHashMap.Ref::close);
    assertEquals(
        List.of("removed 1", "removed 2", "removed 4", "removed 3", "removed 5", "disposed"),
        events,
        "every Ref, including the factory's, held exactly one count");
  }

  @Test
  void throwingValueFactoryLeavesTheMapAndItsKeepaliveUnchanged() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map =
        IntLongRcHashMap.builder()
            .removalListener((key, value) -> events.add("removed " + key))
            .onDispose(() -> events.add("disposed"))
            .build();
    IntLongRcHashMap.Ref kept = map.insert(1, 10L);
    UnsupportedOperationException boom = new UnsupportedOperationException("factory failed");
    IntLongRcHashMap.ValueFactory failing =
        key -> {
          throw boom;
        };
    for (int attempt = 0; attempt < 3; attempt++) {
      assertSame(
          boom, assertThrows(UnsupportedOperationException.class, () -> map.findOrInsert(2, failing)));
      assertSame(
          boom, assertThrows(UnsupportedOperationException.class, () -> map.insertWith(2, failing)));
    }
    assertFalse(map.containsKey(2));
    assertEquals(1, map.size());
    assertEquals(List.of(), events);
    // Usable afterwards.
    IntLongRcHashMap.Ref later = map.findOrInsert(2, key -> 20L);
    assertEquals(20L, later.value(map));
    later.close();

    map.close();
    assertEquals(List.of("removed 2"), events, "disposed early: a failed insert returned a unit");
    kept.close();
    assertEquals(List.of("removed 2", "removed 1", "disposed"), events, "a unit leaked");
  }

  /**
   * A factory may even close the map: the insert is then refused with {@link
   * MapClosedException}, nothing is inserted, and the storage is disposed exactly once, when
   * the last unit returns. (The first generated version linked the entry into released storage
   * and failed with the keepalive's own {@code IllegalStateException}.)
   */
  @Test
  void valueFactoryThatClosesTheMapGetsMapClosedAndNothingIsInserted() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap empty =
        IntLongRcHashMap.builder()
            .removalListener((key, value) -> events.add("removed " + key))
            .onDispose(() -> events.add("disposed"))
            .build();
    assertThrows(
        MapClosedException.class,
        () ->
            empty.findOrInsert(
                5,
                key -> {
                  empty.close();
                  return 50L;
                }));
    assertEquals(
        List.of("disposed", "removed 5"),
        events,
        "the empty map disposes when the factory closes it; the value made goes to the listener");
    assertEquals(0, empty.size());
    assertFalse(empty.containsKey(5));

    events.clear();
    IntLongRcHashMap held =
        IntLongRcHashMap.builder()
            .removalListener((key, value) -> events.add("removed " + key))
            .onDispose(() -> events.add("disposed"))
            .build();
    IntLongRcHashMap.Ref ref = held.insert(1, 10L);
    assertThrows(
        MapClosedException.class,
        () ->
            held.insertWith(
                6,
                key -> {
                  held.close();
                  return 60L;
                }));
    assertEquals(
        List.of("removed 6"),
        events,
        "the live entry keeps the storage; the value made goes to the listener");
    assertEquals(1, held.size());
    assertFalse(held.containsKey(6));
    ref.close();
    assertEquals(List.of("removed 6", "removed 1", "disposed"), events);
  }
}
