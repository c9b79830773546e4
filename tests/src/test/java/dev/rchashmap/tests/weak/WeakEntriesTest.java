package dev.rchashmap.tests.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import dev.rchashmap.runtime.Weakness;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When the entries of {@code ObjObjWeakHandleHashMap} leave, for each of the four weaknesses: the
 * entry leaves once what its weakness counts on is no longer strongly reachable from outside the
 * map, reads as stale at once (before it is expunged, while {@code size()} still counts it), is
 * expunged by {@code expungeStaleEntries()}, and its slot is reused only with a new generation;
 * entries whose condition holds survive many collections.
 *
 * <p>Every wait for the collector is bounded ({@link Gc}); objects that must be collectable live
 * only in arrays the test clears, never in local variables, and what must stay is fenced with
 * {@link Reference#reachabilityFence} at the end of the test.
 */
class WeakEntriesTest {

  /** The collections that entries whose condition holds must survive. */
  static final int ROUNDS = 20;

  static ObjObjWeakHandleHashMap<Object, Object> map(Weakness weakness) {
    return ObjObjWeakHandleHashMap.<Object, Object>builder()
        .weakness(weakness)
        .expectedSize(4)
        .hashSeed(42)
        .build();
  }

  /**
   * The table of the README, case by case: which dropped side makes the entry leave. The
   * expectation is written out here rather than derived from {@code Weakness.keeps}, so that the
   * test does not check the runtime against itself.
   */
  @ParameterizedTest(name = "{0}: drop key {1}, drop value {2} -> leaves {3}")
  @CsvSource({
    "KEY,           true,  false, true",
    "KEY,           false, true,  false",
    "KEY,           true,  true,  true",
    "VALUE,         true,  false, false",
    "VALUE,         false, true,  true",
    "VALUE,         true,  true,  true",
    "KEY_OR_VALUE,  true,  false, false",
    "KEY_OR_VALUE,  false, true,  false",
    "KEY_OR_VALUE,  true,  true,  true",
    "KEY_AND_VALUE, true,  false, true",
    "KEY_AND_VALUE, false, true,  true",
    "KEY_AND_VALUE, true,  true,  true",
  })
  void entryLeavesExactlyWhenItsWeaknessSays(
      Weakness weakness, boolean dropKey, boolean dropValue, boolean leaves) {
    ObjObjWeakHandleHashMap<Object, Object> map = map(weakness);
    Object[] entry = {new Key(1), new Val(1)};
    Object[] control = {new Key(2), new Val(2)};
    long handle = map.insert(entry[0], entry[1]);
    long controlHandle = map.insert(control[0], control[1]);
    if (dropKey) {
      entry[0] = null;
    }
    if (dropValue) {
      entry[1] = null;
    }

    if (leaves) {
      // Stale at once: contains, key and value read through the handle without expunging.
      Gc.until(weakness + ": the entry reads as stale", () -> !map.contains(handle));
      assertEquals(2, map.size(), "size() counts the entry until it is expunged");
      assertThrows(StaleHandleException.class, () -> map.value(handle));
      assertThrows(StaleHandleException.class, () -> map.key(handle));
      assertThrows(StaleHandleException.class, () -> map.setValue(handle, "x"));

      int[] expunged = {0};
      Gc.until(weakness + ": the entry is expunged",
          () -> expunged[0] += map.expungeStaleEntries(), () -> map.size() == 1);
      assertEquals(1, expunged[0], "expunged once, even when both of its references were cleared");
      assertFalse(map.contains(handle));
      assertFalse(map.remove(handle));
      assertEquals(Handles.NONE, map.find(new Key(1)), "no longer found by an equal key");
      if (!dropKey) {
        assertEquals(Handles.NONE, map.find(entry[0]), "the key is still here, its entry is not");
      }
      assertSlotReusedWithNewGeneration(map, handle);
    } else {
      Gc.rounds(ROUNDS, map::expungeStaleEntries);
      assertTrue(map.contains(handle), weakness + ": the entry stays");
      assertEquals(2, map.size());
      // A dropped side that the map holds weakly is collected all the same and reads as null
      // (the KEY_OR_VALUE approximation); one it holds strongly is still there.
      boolean bothWeak = weakness == Weakness.KEY_OR_VALUE;
      if (dropKey && bothWeak) {
        Gc.until("the dropped key reads as null", () -> map.key(handle) == null);
        assertEquals(Handles.NONE, map.find(new Key(1)));
      } else {
        assertEquals(new Key(1), map.key(handle));
        assertEquals(handle, map.find(new Key(1)));
      }
      if (dropValue && bothWeak) {
        Gc.until("the dropped value reads as null", () -> map.value(handle) == null);
      } else {
        assertEquals(new Val(1), map.value(handle));
      }
      if (!dropKey) {
        assertSame(entry[0], map.key(handle));
      }
      if (!dropValue) {
        assertSame(entry[1], map.value(handle));
      }
      assertEquals(2, map.size());
    }
    assertTrue(map.contains(controlHandle), "an entry whose key and value are held stays");
    assertSame(control[1], map.value(controlHandle));
    assertEquals(controlHandle, map.find(new Key(2)));
    Reference.reachabilityFence(entry);
    Reference.reachabilityFence(control);
  }

  /**
   * Inserts strongly held entries until one takes the slot of {@code stale}, then checks that it
   * has another generation and that {@code stale} still reaches nothing.
   */
  private static void assertSlotReusedWithNewGeneration(
      ObjObjWeakHandleHashMap<Object, Object> map, long stale) {
    List<Object> kept = new ArrayList<>();
    long reused = Handles.NONE;
    for (int id = 100; id < 100 + 64 && reused == Handles.NONE; id++) {
      Key key = new Key(id);
      kept.add(key);
      long handle = map.insert(key, "v" + id);
      if (Handles.index(handle) == Handles.index(stale)) {
        reused = handle;
      }
    }
    assertNotEquals(Handles.NONE, reused, "the vacated slot was reused");
    assertNotEquals(Handles.generation(stale), Handles.generation(reused));
    assertTrue(map.contains(reused));
    assertFalse(map.contains(stale), "the old handle does not reach the new entry");
    assertThrows(StaleHandleException.class, () -> map.value(stale));
    Reference.reachabilityFence(kept);
  }

  @ParameterizedTest
  @EnumSource(Weakness.class)
  void entriesWhoseKeysAndValuesAreHeldSurviveManyCollections(Weakness weakness) {
    ObjObjWeakHandleHashMap<Object, Object> map = map(weakness);
    int count = 200;
    Object[] keys = new Object[count];
    Object[] values = new Object[count];
    long[] handles = new long[count];
    for (int i = 0; i < count; i++) {
      keys[i] = new Key(i);
      values[i] = new Val(i);
      handles[i] = map.insert(keys[i], values[i]);
    }
    Gc.rounds(ROUNDS, () -> assertEquals(0, map.expungeStaleEntries()));
    assertEquals(count, map.size());
    for (int i = 0; i < count; i++) {
      assertEquals(handles[i], map.find(new Key(i)));
      assertSame(keys[i], map.key(handles[i]));
      assertSame(values[i], map.value(handles[i]));
    }
    Reference.reachabilityFence(keys);
    Reference.reachabilityFence(values);
  }

  /**
   * The JVM has no ephemerons, so {@code KEY_OR_VALUE} is an approximation (see {@code
   * Weakness.KEY_OR_VALUE}): the entry stays while either side is held, but the side that nothing
   * outside the map holds is collected meanwhile and reads as {@code null}; an entry whose key
   * was collected is no longer found by key, only by handle and iteration. Once neither side is
   * held, the entry leaves.
   */
  @Test
  void keyOrValueKeepsTheEntryWhileEitherIsHeldButLosesTheOtherSide() {
    ObjObjWeakHandleHashMap<Object, Object> map = map(Weakness.KEY_OR_VALUE);
    Object[] keyHeld = {new Key(1), new Val(1)};
    Object[] valueHeld = {new Key(2), new Val(2)};
    long keyHeldHandle = map.insert(keyHeld[0], keyHeld[1]);
    long valueHeldHandle = map.insert(valueHeld[0], valueHeld[1]);
    keyHeld[1] = null;
    valueHeld[0] = null;

    Gc.until("the values nobody holds are collected", map::expungeStaleEntries,
        () -> map.value(keyHeldHandle) == null);
    Gc.until("the keys nobody holds are collected", map::expungeStaleEntries,
        () -> map.key(valueHeldHandle) == null);
    assertEquals(2, map.size(), "both entries stay");
    // Found by key, with a value of null: the approximation of Emacs' "keeps the value alive".
    assertEquals(keyHeldHandle, map.find(keyHeld[0]));
    assertNull(map.getOrDefault(keyHeld[0], "default"), "the entry is there, its value is gone");
    // Not found by a key equal to the collected one, but still there by handle and iteration.
    assertEquals(Handles.NONE, map.find(new Key(2)));
    assertSame(valueHeld[1], map.value(valueHeldHandle));
    List<String> seen = new ArrayList<>();
    map.forEach((handle, key, value) -> seen.add(key + "=" + value));
    assertEquals(List.of("Key(1)=null", "null=Val(2)"), seen);

    keyHeld[0] = null;
    valueHeld[1] = null;
    Gc.until("both entries leave once neither side is held", map::expungeStaleEntries,
        () -> map.isEmpty());
    assertFalse(map.contains(keyHeldHandle));
    assertFalse(map.contains(valueHeldHandle));
  }

  /**
   * A {@code null} value is held strongly and counts as reachable: with {@code VALUE} and {@code
   * KEY_OR_VALUE} its entry stays even when nothing holds its key; with {@code KEY_AND_VALUE} the
   * key alone decides.
   */
  @ParameterizedTest(name = "{0}: key dropped, null value -> leaves {1}")
  @CsvSource({"KEY, true", "VALUE, false", "KEY_OR_VALUE, false", "KEY_AND_VALUE, true"})
  void aNullValueIsHeldStrongly(Weakness weakness, boolean leaves) {
    ObjObjWeakHandleHashMap<Object, Object> map = map(weakness);
    Object[] keys = {new Key(1), new Key(2)};
    long dropped = map.insert(keys[0], null);
    long held = map.insert(keys[1], null);
    keys[0] = null;
    if (leaves) {
      Gc.until("the entry leaves", map::expungeStaleEntries, () -> map.size() == 1);
      assertFalse(map.contains(dropped));
    } else {
      Gc.rounds(ROUNDS, map::expungeStaleEntries);
      assertEquals(2, map.size());
      assertTrue(map.contains(dropped));
      assertNull(map.value(dropped));
    }
    Gc.rounds(3, map::expungeStaleEntries);
    assertTrue(map.contains(held), "a held key with a null value stays");
    assertNull(map.value(held));
    assertTrue(map.containsKey(keys[1]));
    Reference.reachabilityFence(keys);
  }

  /**
   * Replacing a value re-points the weak reference: with {@code VALUE}, the entry then lives as
   * long as the new value, whatever becomes of the old one.
   */
  @Test
  void setValueAndPutMoveTheWeakReferenceToTheNewValue() {
    ObjObjWeakHandleHashMap<Object, Object> map = map(Weakness.VALUE);
    Object[] held = {new Key(1), new Val(1), new Val(2), new Val(3)};
    long handle = map.insert(held[0], held[1]);
    map.setValue(handle, held[2]);
    held[1] = null;
    Gc.rounds(5, map::expungeStaleEntries);
    assertTrue(map.contains(handle), "the old value's collection does not remove the entry");
    assertEquals(handle, map.put(held[0], held[3]));
    held[2] = null;
    Gc.rounds(5, map::expungeStaleEntries);
    assertSame(held[3], map.value(handle));
    held[3] = null;
    Gc.until("the entry leaves with its last value", map::expungeStaleEntries, map::isEmpty);
    assertFalse(map.containsKey(held[0]));
    Reference.reachabilityFence(held);
  }

  /**
   * "Reachable" is about the key object the map stores: an equal key held elsewhere does not keep
   * the entry, as in {@link java.util.WeakHashMap}.
   */
  @Test
  void anEqualKeyHeldElsewhereDoesNotKeepTheEntry() {
    ObjObjWeakHandleHashMap<Object, Object> map = map(Weakness.KEY);
    Object[] stored = {new Key(7)};
    Key equal = new Key(7);
    long handle = map.insert(stored[0], "v");
    assertEquals(handle, map.find(equal));
    stored[0] = null;
    Gc.until("the entry leaves", map::expungeStaleEntries, map::isEmpty);
    assertEquals(Handles.NONE, map.find(equal));
    assertFalse(map.contains(handle));
    Reference.reachabilityFence(equal);
  }

  /**
   * No ephemerons: with {@code KEY}, a value that refers to its own key holds the key strongly
   * from inside the map, so the entry stays for ever, as in {@link java.util.WeakHashMap}. The
   * README documents this; the test pins it down so that a change is noticed.
   */
  @Test
  void aValueThatRefersToItsKeyKeepsTheEntryForEver() {
    ObjObjWeakHandleHashMap<Object, Object> map = map(Weakness.KEY);
    long handle = insertSelfReferringEntry(map);
    Gc.rounds(ROUNDS, map::expungeStaleEntries);
    assertTrue(map.contains(handle));
    assertEquals(new Key(1), map.key(handle));
    assertTrue(map.remove(handle), "only an explicit removal ends it");
  }

  private static long insertSelfReferringEntry(ObjObjWeakHandleHashMap<Object, Object> map) {
    Key key = new Key(1);
    return map.insert(key, List.of(key));
  }

  /** A copy reports to a queue of its own: when a key is collected, each map drains its own. */
  @Test
  void aCopyLosesTheEntryOnItsOwnQueue() {
    ObjObjWeakHandleHashMap<Object, Object> map = map(Weakness.KEY);
    Object[] keys = {new Key(1), new Key(2)};
    long kept = map.insert(keys[0], "kept");
    long dropped = map.insert(keys[1], "dropped");
    ObjObjWeakHandleHashMap<Object, Object> copy = map.copy();
    keys[1] = null;
    Gc.until("the entry leaves the original", map::expungeStaleEntries, () -> map.size() == 1);
    Gc.until("the entry leaves the copy", copy::expungeStaleEntries, () -> copy.size() == 1);
    assertFalse(map.contains(dropped));
    assertFalse(copy.contains(dropped));
    assertEquals(kept, copy.find(keys[0]));
    assertTrue(copy.remove(kept));
    assertTrue(map.contains(kept), "the copy is independent");
    Reference.reachabilityFence(keys);
  }

  /** The {@code java.util.Map} view follows: collected entries leave its size and iteration. */
  @Test
  void theMapViewSeesOnlyWhatStays() {
    ObjObjWeakHandleHashMap<Object, Object> map = map(Weakness.KEY);
    Object[] keys = {new Key(1), new Key(2), new Key(3)};
    for (Object key : keys) {
      map.insert(key, ((Key) key).id);
    }
    keys[1] = null;
    Gc.until("the entry leaves", map::expungeStaleEntries, () -> map.size() == 2);
    assertEquals(java.util.Map.of(new Key(1), 1, new Key(3), 3), map.asMap());
    assertEquals(2, map.asMap().entrySet().stream().count());
    Reference.reachabilityFence(keys);
  }

  /**
   * The primitive side of {@code StringIntWeakHandleHashMap} is held strongly: its entries live
   * and die with their keys, under {@code KEY} (the default) and {@code KEY_AND_VALUE} alike.
   */
  @ParameterizedTest
  @EnumSource(value = Weakness.class, names = {"KEY", "KEY_AND_VALUE"})
  void primitiveValuesAreHeldStrongly(Weakness weakness) {
    StringIntWeakHandleHashMap map = StringIntWeakHandleHashMap.builder().weakness(weakness).build();
    String[] keys = {new String("kept"), new String("dropped")};
    long kept = map.insert(keys[0], 1);
    long dropped = map.insert(keys[1], 2);
    assertEquals(11, map.addAndGet(keys[0], 10));
    keys[1] = null;
    Gc.until("the entry of the dropped key leaves", map::expungeStaleEntries,
        () -> map.size() == 1);
    Gc.rounds(ROUNDS, map::expungeStaleEntries);
    assertFalse(map.contains(dropped));
    assertTrue(map.contains(kept));
    assertEquals(11, map.value(kept));
    assertEquals(kept, map.find("kept"), "found by an equal string");
    Reference.reachabilityFence(keys);
  }

  /**
   * The primitive key of {@code IntObjWeakHandleHashMap} is held strongly: its entries live and
   * die with their values ({@code VALUE} by default), and a {@code null} value is held strongly.
   */
  @ParameterizedTest
  @EnumSource(value = Weakness.class, names = {"VALUE", "KEY_AND_VALUE"})
  void primitiveKeysAreHeldStrongly(Weakness weakness) {
    IntObjWeakHandleHashMap<Object> map =
        IntObjWeakHandleHashMap.<Object>builder().weakness(weakness).build();
    Object[] values = {new Val(1), new Val(2)};
    long kept = map.insert(1, values[0]);
    long dropped = map.insert(2, values[1]);
    long nullValue = map.insert(3, null);
    values[1] = null;
    Gc.until("the entry of the dropped value leaves", map::expungeStaleEntries,
        () -> map.size() == 2);
    Gc.rounds(ROUNDS, map::expungeStaleEntries);
    assertFalse(map.contains(dropped));
    assertFalse(map.containsKey(2));
    assertSame(values[0], map.value(kept));
    assertEquals(nullValue, map.find(3));
    assertNull(map.value(nullValue));
    Reference.reachabilityFence(values);
  }

  @Test
  void theDefaultWeaknessIsKeyForReferenceKeysAndValueForPrimitiveKeys() {
    ObjObjWeakHandleHashMap<Object, Object> objObj = new ObjObjWeakHandleHashMap<>();
    IntObjWeakHandleHashMap<Object> intObj = new IntObjWeakHandleHashMap<>();
    Object[] held = {new Key(1), new Val(1)};
    long objKept = objObj.insert(held[0], new Val(2));
    long objDropped = objObj.insert(new Key(2), held[1]);
    long intKept = intObj.insert(1, held[1]);
    long intDropped = intObj.insert(2, new Val(3));
    Gc.until("ObjObj: the entry whose key nobody holds leaves", objObj::expungeStaleEntries,
        () -> objObj.size() == 1);
    Gc.until("IntObj: the entry whose value nobody holds leaves", intObj::expungeStaleEntries,
        () -> intObj.size() == 1);
    assertTrue(objObj.contains(objKept), "ObjObj holds values strongly by default");
    assertEquals(new Val(2), objObj.value(objKept));
    assertFalse(objObj.contains(objDropped));
    assertTrue(intObj.contains(intKept));
    assertFalse(intObj.contains(intDropped));
    Reference.reachabilityFence(held);
  }

  /** Operations that drain the queue first, each done so that it changes nothing else. */
  enum Operation {
    FIND((map, held) -> map.find(held[0])),
    CONTAINS_KEY((map, held) -> map.containsKey(new Key(99))),
    GET_OR_DEFAULT((map, held) -> map.getOrDefault(held[0], null)),
    PUT((map, held) -> map.put(held[0], held[1])),
    TRY_INSERT((map, held) -> map.tryInsert(held[0], "ignored")),
    FIND_OR_INSERT((map, held) -> map.findOrInsert(held[0], key -> "ignored")),
    REMOVE_KEY((map, held) -> map.removeKey(new Key(99))),
    REMOVE_HANDLE((map, held) -> map.remove(Handles.of(0, 99))),
    PUT_ALL((map, held) -> map.putAll(new ObjObjWeakHandleHashMap<>())),
    CURSOR((map, held) -> map.cursor()),
    FOR_EACH((map, held) -> map.forEach((handle, key, value) -> {})),
    EXPUNGE((map, held) -> map.expungeStaleEntries());

    final BiConsumer<ObjObjWeakHandleHashMap<Object, Object>, Object[]> run;

    Operation(BiConsumer<ObjObjWeakHandleHashMap<Object, Object>, Object[]> run) {
      this.run = run;
    }
  }

  /**
   * A collected entry is expunged by the next operation by key, insertion, removal or iteration,
   * not only by {@code expungeStaleEntries()}; {@code size()}, {@code contains} and reads by
   * handle leave it be.
   */
  @ParameterizedTest
  @EnumSource(Operation.class)
  void theNextOperationExpungesCollectedEntries(Operation operation) {
    ObjObjWeakHandleHashMap<Object, Object> map = map(Weakness.KEY);
    Object[] held = {new Key(1), new Val(1)};
    Object[] dropped = {new Key(2)};
    long heldHandle = map.insert(held[0], held[1]);
    long droppedHandle = map.insert(dropped[0], "dropped");
    dropped[0] = null;
    Gc.until("the entry reads as stale", () -> {
      map.size();
      map.contains(heldHandle);
      map.value(heldHandle);
    }, () -> !map.contains(droppedHandle));
    Gc.rounds(2, () -> {});
    assertEquals(2, map.size(), "size, contains and value expunge nothing");
    Gc.until(operation + " expunges it", () -> operation.run.accept(map, held),
        () -> map.size() == 1);
    assertEquals(heldHandle, map.find(held[0]));
    assertSame(held[1], map.value(heldHandle));
    Reference.reachabilityFence(held);
  }
}
