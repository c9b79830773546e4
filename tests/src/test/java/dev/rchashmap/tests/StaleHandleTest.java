package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.ObjIntHandleHashMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A handle never reaches an entry other than the one it was issued for: after removal, slot reuse
 * or {@code clear()} it is rejected with {@link StaleHandleException}, never silently aliased.
 */
class StaleHandleTest {

  @Test
  void reinsertingARemovedKeyGivesANewHandle() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long old = map.insert(1, 10L);
    map.remove(old);

    long fresh = map.insert(1, 11L);

    assertNotEquals(old, fresh);
    assertEquals(fresh, map.find(1));
    assertStale(map, old);
    assertEquals(11L, map.value(fresh), "the stale handle's rejection left the new entry alone");
  }

  @Test
  void removedHandleIsStale() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long handle = map.insert(1, 10L);
    long other = map.insert(2, 20L);
    map.remove(handle);

    assertStale(map, handle);
    assertEquals(20L, map.value(other));
    assertEquals(1, map.size());
  }

  @Test
  void staleHandleExceptionNamesTheHandle() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long handle = map.insert(1, 10L);
    map.remove(handle);

    for (Executable access : accessors(map, handle)) {
      StaleHandleException e = assertThrows(StaleHandleException.class, access);
      assertTrue(
          e.getMessage().contains(Handles.toString(handle)),
          "message should contain " + Handles.toString(handle) + ": " + e.getMessage());
    }
  }

  @Test
  void staleHandleExceptionIsAnIllegalStateException() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long handle = map.insert(1, 10L);
    map.remove(handle);

    assertThrows(IllegalStateException.class, () -> map.value(handle));
  }

  @Test
  void handleStaysStaleWhenADifferentKeyReusesItsSlot() {
    // Storage for three entries: once they are in, a new entry must reuse the freed slot.
    IntLongHandleHashMap map = new IntLongHandleHashMap(3);
    map.insert(0, 0L);
    long old = map.insert(1, 10L);
    map.insert(2, 20L);
    map.remove(old);

    long reuser = map.insert(99, 990L);

    assertEquals(
        Handles.index(old), Handles.index(reuser), "precondition: the freed slot is reused");
    assertNotEquals(old, reuser);
    assertStale(map, old);
    assertEquals(990L, map.value(reuser));
    assertEquals(99, map.key(reuser));
  }

  @Test
  void handleStaysStaleThroughManyReusesOfItsSlot() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    List<Long> oldHandles = new ArrayList<>();
    long handle = map.insert(0, 0L);
    for (int round = 1; round <= 1000; round++) {
      oldHandles.add(handle);
      map.remove(handle);
      handle = map.insert(round, round);
    }

    for (long old : oldHandles) {
      assertStale(map, old);
    }
    assertEquals(1, map.size());
    assertEquals(1000L, map.value(handle));
  }

  @Test
  void clearMakesEveryHandleStale() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long[] handles = new long[100];
    for (int i = 0; i < handles.length; i++) {
      handles[i] = map.insert(i, i);
    }

    map.clear();

    assertEquals(0, map.size());
    assertTrue(map.isEmpty());
    for (int i = 0; i < handles.length; i++) {
      assertStale(map, handles[i]);
      assertEquals(Handles.NONE, map.find(i));
    }
  }

  @Test
  void insertsAfterClearDoNotReviveOldHandles() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long[] handles = new long[100];
    for (int i = 0; i < handles.length; i++) {
      handles[i] = map.insert(i, i);
    }
    map.clear();

    long[] fresh = new long[handles.length];
    for (int i = 0; i < handles.length; i++) {
      fresh[i] = map.insert(i, -i);
    }

    for (int i = 0; i < handles.length; i++) {
      assertNotEquals(handles[i], fresh[i]);
      assertStale(map, handles[i]);
      assertEquals(fresh[i], map.find(i));
      assertEquals(-i, map.value(fresh[i]));
    }
  }

  @Test
  void removedThenClearedHandlesStayStale() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long removed = map.insert(1, 1L);
    map.remove(removed);
    long cleared = map.insert(2, 2L);
    map.clear();
    map.insert(3, 3L);
    map.insert(4, 4L);

    assertStale(map, removed);
    assertStale(map, cleared);
  }

  @Test
  void noneIsAlwaysRejected() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    assertStale(map, Handles.NONE);

    map.insert(0, 0L);
    map.insert(1, 1L);
    assertStale(map, Handles.NONE);

    map.clear();
    assertStale(map, Handles.NONE);
  }

  @Test
  void forgedHandlesAreRejectedWithoutOtherExceptions() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long live = map.insert(0, 0L);
    map.insert(1, 1L);
    int slot = Handles.index(live);
    int generation = Handles.generation(live);

    long[] forged = {
      Handles.of(slot, generation + 2), // a future generation of a live slot
      Handles.of(slot, generation + 1), // the vacant generation after it
      Handles.of(slot, generation - 1), // the vacant generation before it
      Handles.of(1_000_000, 1), // beyond the storage
      Handles.of(-1, 1), // negative index
      Handles.of(slot, Handles.RETIRED),
      Handles.of(slot, Handles.MAX_GENERATION),
      -1L,
      Long.MIN_VALUE,
      Long.MAX_VALUE,
    };
    for (long handle : forged) {
      assertStale(map, handle);
    }
    assertEquals(0L, map.value(live));
    assertEquals(2, map.size());
  }

  @Test
  void staleHandlesOfReferenceMapsAreRejectedToo() {
    ObjIntHandleHashMap<String> map = new ObjIntHandleHashMap<>();
    long old = map.insert("a", 1);
    map.remove(old);
    long fresh = map.insert("b", 2);

    assertFalse(map.contains(old));
    assertThrows(StaleHandleException.class, () -> map.key(old));
    assertThrows(StaleHandleException.class, () -> map.value(old));
    assertThrows(StaleHandleException.class, () -> map.setValue(old, 3));
    assertFalse(map.remove(old));
    assertEquals("b", map.key(fresh));
    assertEquals(2, map.value(fresh));
  }

  /**
   * Checks every way to use a handle that is not live: {@code contains} is false, the accessors
   * throw {@link StaleHandleException}, {@code remove} returns false, and none of it changes the
   * size.
   */
  private static void assertStale(IntLongHandleHashMap map, long handle) {
    int sizeBefore = map.size();
    String name = Handles.toString(handle);

    assertFalse(map.contains(handle), name + " should not be live");
    for (Executable access : accessors(map, handle)) {
      assertThrows(StaleHandleException.class, access, name);
    }
    assertFalse(map.remove(handle), "remove(" + name + ")");
    assertEquals(sizeBefore, map.size());
  }

  private static List<Executable> accessors(IntLongHandleHashMap map, long handle) {
    return List.of(
        () -> map.key(handle), () -> map.value(handle), () -> map.setValue(handle, 12345L));
  }
}
