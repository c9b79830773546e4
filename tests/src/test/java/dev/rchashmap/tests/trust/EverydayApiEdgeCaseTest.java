package dev.rchashmap.tests.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.Hashing;
import dev.rchashmap.tests.combos.IntByteHandleHashMap;
import dev.rchashmap.tests.combos.IntDoubleHandleHashMap;
import dev.rchashmap.tests.combos.IntFloatHandleHashMap;
import dev.rchashmap.tests.combos.IntIntHandleHashMap;
import dev.rchashmap.tests.combos.IntShortHandleHashMap;
import dev.rchashmap.tests.combos.ObjObjHandleHashMap;
import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.IntLongRcHashMap;
import dev.rchashmap.tests.maps.CollidingIntLongHandleHashMap;
import dev.rchashmap.tests.maps.DoubleDoubleHandleHashMap;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the everyday API (SPEC 7.1) that random operation lists reach rarely or never:
 * storage trimmed below what was allocated and grown again, copies of maps with vacant and retired
 * slots, impossible capacities, {@code putAll} of a map into itself, wrapping {@code addAndGet},
 * {@code equals} across seeds and orders, and entries of the {@code asMap()} view that outlive
 * their entry.
 */
class EverydayApiEdgeCaseTest {

  private static final long SEED = 0x5EED_0001L;

  // -----------------------------------------------------------------------------------------------
  // trimToSize

  /**
   * Many removals, {@code trimToSize}, then the storage grows again far past its old size: no
   * handle of a removed entry becomes live again, the kept entries keep their handles.
   */
  @Test
  void trimToSizeAfterManyRemovalsKeepsStaleHandlesStaleWhenTheStorageRegrows() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    Map<Integer, Long> kept = new HashMap<>();
    List<Long> removed = new ArrayList<>();
    for (int key = 0; key < 10_000; key++) {
      long handle = map.insert(key, key * 3L);
      if (key % 100 == 0) {
        kept.put(key, handle);
      } else {
        removed.add(handle);
      }
    }
    for (long handle : removed) {
      assertTrue(map.remove(handle));
    }
    int cellsBefore = Internals.ints(map, "cellHashes").length;
    map.trimToSize();
    assertTrue(
        Internals.ints(map, "cellHashes").length < cellsBefore,
        "the index shrinks to what 100 entries need");
    assertEquals(100, map.size());
    for (long handle : removed) {
      assertFalse(map.contains(handle));
    }

    List<Long> fresh = new ArrayList<>();
    for (int key = 10_000; key < 40_000; key++) {
      fresh.add(map.insert(key, -key));
    }
    for (long handle : removed) {
      assertFalse(map.contains(handle), () -> "stale handle live again: " + Handles.toString(handle));
    }
    for (Map.Entry<Integer, Long> entry : kept.entrySet()) {
      long handle = entry.getValue();
      assertEquals(handle, map.find(entry.getKey()));
      assertEquals(entry.getKey() * 3L, map.value(handle));
    }
    assertEquals(fresh.size(), new java.util.HashSet<>(fresh).size(), "a handle issued twice");
    for (long handle : fresh) {
      assertEquals(-map.key(handle), map.value(handle));
    }
  }

  /** After {@code clear()} nothing can be trimmed, and no handle from before comes back. */
  @Test
  void trimToSizeAfterClearKeepsEveryOldHandleStale() {
    IntLongHandleHashMap map = new IntLongHandleHashMap(1);
    List<Long> old = new ArrayList<>();
    for (int key = 0; key < 1000; key++) {
      old.add(map.insert(key, key));
    }
    map.clear();
    map.trimToSize();
    for (int key = 0; key < 3000; key++) {
      map.insert(key, key);
    }
    for (long handle : old) {
      assertFalse(map.contains(handle), () -> "stale handle live again: " + Handles.toString(handle));
    }
  }

  /**
   * Storage made for many entries but never used past a few shrinks to the slots handed out, and
   * the index to what the entries need; the handles do not change.
   */
  @Test
  void trimToSizeShrinksUnusedStorageAndIndex() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    map.ensureCapacity(100_000);
    List<Long> handles = new ArrayList<>();
    for (int key = 0; key < 10; key++) {
      handles.add(map.insert(key, key));
    }
    map.trimToSize();
    assertEquals(10, Internals.ints(map, "generations").length, "slots ever handed out");
    assertEquals(Hashing.indexLengthFor(10), Internals.ints(map, "cellHashes").length);
    for (int key = 0; key < 10; key++) {
      assertEquals(handles.get(key), map.find(key));
      assertEquals(key, map.value(handles.get(key)));
    }
    long next = map.insert(10, 10L);
    assertEquals(10, Handles.index(next), "the storage grows again from where it stopped");
  }

  /**
   * Trimming a map whose slots were all used changes nothing visible, also with a custom
   * equivalence (which keeps a hash per slot).
   */
  @Test
  void trimToSizeOfACollidingMapKeepsEveryEntryReachable() {
    CollidingIntLongHandleHashMap map = new CollidingIntLongHandleHashMap();
    List<Long> live = new ArrayList<>();
    List<Long> stale = new ArrayList<>();
    for (int key = 0; key < 300; key++) {
      long handle = map.insert(key, key);
      (key % 3 == 0 ? live : stale).add(handle);
    }
    stale.forEach(map::remove);
    map.trimToSize();
    for (long handle : live) {
      assertEquals(handle, map.find(map.key(handle)));
    }
    for (int key = 300; key < 600; key++) {
      map.insert(key, key);
    }
    for (long handle : stale) {
      assertFalse(map.contains(handle));
    }
    for (long handle : live) {
      assertEquals(handle, map.find(map.key(handle)));
      assertEquals(map.key(handle), map.value(handle));
    }
  }

  // -----------------------------------------------------------------------------------------------
  // copy

  /**
   * A copy of a map with live, vacant (queued for reuse) and retired slots: the copy answers every
   * live handle, no stale one, never hands out the retired slot, and reuses the vacant slots in
   * the same order as the original (same slots, generations and queue); the two then evolve apart.
   */
  @Test
  void copyOfAMapWithVacantAndRetiredSlots() {
    IntLongHandleHashMap map = IntLongHandleHashMap.builder().expectedSize(8).hashSeed(SEED).build();
    long retiring = map.insert(-1, -1L);
    assertEquals(0, Handles.index(retiring));
    map.remove(retiring);
    // Age the vacant slot 0 to its last generation; it is reused once the fresh slots are gone.
    Internals.ints(map, "generations")[0] = Handles.MAX_GENERATION - 1;
    List<Long> live = new ArrayList<>();
    for (int key = 0; key < 7; key++) {
      live.add(map.insert(key, key * 10L));
    }
    long last = map.insert(-2, -2L);
    assertEquals(0, Handles.index(last));
    assertEquals(Handles.MAX_GENERATION, Handles.generation(last));
    assertTrue(map.remove(last));
    assertEquals(Handles.RETIRED, Internals.ints(map, "generations")[0]);
    List<Long> stale = new ArrayList<>(List.of(retiring, last));
    for (int i = 0; i < 3; i++) {
      long handle = live.remove(i); // slots 1, 3, 5 become vacant, queued for reuse
      assertTrue(map.remove(handle));
      stale.add(handle);
    }

    IntLongHandleHashMap copy = map.copy();
    assertEquals(map, copy);
    assertEquals(map.size(), copy.size());
    for (long handle : live) {
      assertEquals(map.key(handle), copy.key(handle));
      assertEquals(map.value(handle), copy.value(handle));
      assertEquals(handle, copy.find(map.key(handle)));
    }
    for (long handle : stale) {
      assertFalse(copy.contains(handle));
    }

    // The same insertions give the same handles: same free queue, same storage, same seed.
    for (int key = 100; key < 120; key++) {
      long original = map.insert(key, key);
      long copied = copy.insert(key, key);
      assertEquals(original, copied, "key " + key);
      assertNotEquals(0, Handles.index(copied), "the retired slot is never handed out");
    }
    // Then they evolve apart.
    long first = live.get(0);
    assertTrue(copy.remove(first));
    assertTrue(map.contains(first));
    map.setValue(live.get(1), 999L);
    assertNotEquals(999L, copy.value(live.get(1)));
    assertNotEquals(map, copy);
  }

  /** A copy keeps the equivalence: a colliding copy finds its keys, and grows on its own. */
  @Test
  void copyOfACollidingMapGrowsIndependently() {
    CollidingIntLongHandleHashMap map = new CollidingIntLongHandleHashMap();
    for (int key = 0; key < 50; key++) {
      map.insert(key, key);
    }
    CollidingIntLongHandleHashMap copy = map.copy();
    for (int key = 50; key < 500; key++) {
      copy.insert(key, key);
    }
    assertEquals(50, map.size());
    assertEquals(500, copy.size());
    for (int key = 0; key < 500; key++) {
      assertEquals(key < 50, map.containsKey(key));
      assertEquals(key, copy.getOrDefault(key, -1L));
    }
  }

  // -----------------------------------------------------------------------------------------------
  // ensureCapacity

  /**
   * An impossible capacity throws what {@code Hashing.indexLengthFor} throws ({@code
   * IllegalStateException} past the most a map can hold, {@code IllegalArgumentException} for a
   * negative size) before anything changes.
   */
  @Test
  void ensureCapacityOfAnImpossibleSizeThrowsAndChangesNothing() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    List<Long> handles = new ArrayList<>();
    for (int key = 0; key < 20; key++) {
      handles.add(map.insert(key, key));
    }
    map.remove(handles.get(3));
    int[] generations = Internals.ints(map, "generations");
    int[] cells = Internals.ints(map, "cellHashes");
    IntLongHandleHashMap before = map.copy();

    int tooMany = Hashing.maxEntries(Hashing.MAX_INDEX_LENGTH) + 1;
    assertThrows(IllegalStateException.class, () -> map.ensureCapacity(tooMany));
    assertThrows(IllegalStateException.class, () -> map.ensureCapacity(Integer.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> map.ensureCapacity(-1));
    assertThrows(IllegalArgumentException.class, () -> map.ensureCapacity(Integer.MIN_VALUE));

    assertSame(generations, Internals.ints(map, "generations"), "storage untouched");
    assertSame(cells, Internals.ints(map, "cellHashes"), "index untouched");
    assertEquals(before, map);
    for (int i = 0; i < handles.size(); i++) {
      assertEquals(i != 3, map.contains(handles.get(i)));
    }
    long next = map.insert(100, 100L);
    assertEquals(before.insert(100, 100L), next, "the next handle is the one it would have been");
  }

  /** After {@code ensureCapacity(n)}, n entries go in without the storage or index growing. */
  @Test
  void ensureCapacityPresizesStorageAndIndex() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long early = map.insert(-5, 5L);
    map.ensureCapacity(5000);
    int[] generations = Internals.ints(map, "generations");
    int[] cells = Internals.ints(map, "cellHashes");
    for (int key = 0; key < 4999; key++) {
      map.insert(key, key);
    }
    assertSame(generations, Internals.ints(map, "generations"), "storage did not grow");
    assertSame(cells, Internals.ints(map, "cellHashes"), "index did not grow");
    assertEquals(early, map.find(-5));
    map.ensureCapacity(10); // smaller than the map: nothing shrinks
    assertSame(generations, Internals.ints(map, "generations"));
    assertSame(cells, Internals.ints(map, "cellHashes"));
  }

  // -----------------------------------------------------------------------------------------------
  // putAll

  /** {@code putAll(this)} and {@code putAll(copy())} change no value and no handle. */
  @Test
  void putAllOfItselfOrItsCopyChangesNothing() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    Map<Integer, Long> handles = new HashMap<>();
    for (int key = 0; key < 100; key++) {
      handles.put(key, map.insert(key, key * 7L));
    }
    map.removeKey(50);
    handles.remove(50);
    IntLongHandleHashMap.Cursor cursor = map.cursor();
    assertTrue(cursor.next());
    map.putAll(map);
    map.putAll(map.copy());
    assertTrue(cursor.next(), "putAll of present keys is no structural change");
    assertEquals(99, map.size());
    for (Map.Entry<Integer, Long> entry : handles.entrySet()) {
      assertEquals(entry.getValue(), map.find(entry.getKey()));
      assertEquals(entry.getKey() * 7L, map.value(entry.getValue()));
    }
    assertThrows(NullPointerException.class, () -> map.putAll(null));
  }

  /** {@code putAll} from a map with another seed takes its values, keeps present handles. */
  @Test
  void putAllFromAnotherSeedKeepsHandlesOfPresentKeys() {
    IntLongHandleHashMap map = IntLongHandleHashMap.builder().hashSeed(1).build();
    IntLongHandleHashMap other = IntLongHandleHashMap.builder().hashSeed(2).build();
    long kept = map.insert(1, 1L);
    other.insert(1, 100L);
    other.insert(2, 200L);
    map.putAll(other);
    assertEquals(kept, map.find(1));
    assertEquals(100L, map.value(kept));
    assertEquals(200L, map.getOrDefault(2, -1L));
    assertEquals(2, other.size(), "the argument is left as it was");
  }

  // -----------------------------------------------------------------------------------------------
  // addAndGet

  /** Java arithmetic: byte, short, int and long wrap; float and double overflow to infinity. */
  @Test
  void addAndGetWrapsLikeJavaArithmetic() {
    IntByteHandleHashMap bytes = new IntByteHandleHashMap();
    assertEquals((byte) 100, bytes.addAndGet(1, (byte) 100), "a new key takes the delta");
    assertEquals((byte) -56, bytes.addAndGet(1, (byte) 100), "100 + 100 wraps to -56");
    assertEquals((byte) -56, bytes.getOrDefault(1, (byte) 0));
    assertEquals(Byte.MIN_VALUE, bytes.addAndGet(2, Byte.MIN_VALUE));
    assertEquals(Byte.MAX_VALUE, bytes.addAndGet(2, (byte) -1), "MIN - 1 wraps to MAX");

    IntShortHandleHashMap shorts = new IntShortHandleHashMap();
    shorts.put(1, Short.MAX_VALUE);
    assertEquals(Short.MIN_VALUE, shorts.addAndGet(1, (short) 1));

    IntIntHandleHashMap ints = new IntIntHandleHashMap();
    ints.put(1, Integer.MAX_VALUE);
    assertEquals(Integer.MIN_VALUE, ints.addAndGet(1, 1));

    IntLongHandleHashMap longs = new IntLongHandleHashMap();
    long handle = longs.put(1, Long.MAX_VALUE);
    assertEquals(Long.MIN_VALUE, longs.addAndGet(1, 1L));
    assertEquals(handle, longs.find(1), "addAndGet keeps the handle");

    IntFloatHandleHashMap floats = new IntFloatHandleHashMap();
    floats.put(1, Float.MAX_VALUE);
    assertEquals(Float.POSITIVE_INFINITY, floats.addAndGet(1, Float.MAX_VALUE));
    assertTrue(Float.isNaN(floats.addAndGet(1, Float.NEGATIVE_INFINITY)));

    IntDoubleHandleHashMap doubles = new IntDoubleHandleHashMap();
    assertEquals(-0.0, doubles.addAndGet(1, -0.0), "a new key takes the delta, -0.0 included");
    assertEquals(
        Double.doubleToRawLongBits(0.0),
        Double.doubleToRawLongBits(doubles.addAndGet(1, 0.0)),
        "-0.0 + 0.0 is +0.0");
  }

  // -----------------------------------------------------------------------------------------------
  // equals and hashCode

  /**
   * Maps with different seeds, insertion orders, removals and reused slots are equal when their
   * pairs are, with equal hash codes, also through {@code asMap()}; another class with the same
   * pairs is not equal.
   */
  @Test
  void equalsAcrossSeedsAndInsertionOrders() {
    IntLongHandleHashMap a = IntLongHandleHashMap.builder().hashSeed(1).expectedSize(4).build();
    IntLongHandleHashMap b = IntLongHandleHashMap.builder().hashSeed(-7).build();
    Map<Integer, Long> expected = new HashMap<>();
    for (int key = 0; key < 200; key++) {
      a.put(key, key * 31L);
      expected.put(key, key * 31L);
    }
    for (int key = 0; key < 200; key += 3) {
      a.removeKey(key);
      expected.remove(key);
    }
    for (int key = 199; key >= 0; key--) {
      if (expected.containsKey(key)) {
        b.put(key, -1L);
        b.put(key, key * 31L);
      } else {
        b.put(key, 0L);
        b.removeKey(key);
      }
    }
    assertEquals(a, b);
    assertEquals(b, a);
    assertEquals(expected.hashCode(), a.hashCode());
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.asMap(), b.asMap());
    assertEquals(expected, a.asMap());

    CollidingIntLongHandleHashMap other = new CollidingIntLongHandleHashMap();
    expected.forEach(other::put);
    assertFalse(a.equals(other), "a map of another class");
    assertFalse(a.equals(expected), "a java.util.Map");
    assertEquals(a.asMap(), other.asMap(), "but their views are equal maps");

    b.put(1, 0L);
    assertNotEquals(a, b);
    assertNotEquals(b, a);
  }

  /** Doubles compare like {@code Double.equals}: NaNs equal, 0.0 and -0.0 apart. */
  @Test
  void equalsOfDoubleValuesFollowsDoubleEquals() {
    DoubleDoubleHandleHashMap a = new DoubleDoubleHandleHashMap();
    DoubleDoubleHandleHashMap b = new DoubleDoubleHandleHashMap();
    a.put(1.0, Double.NaN);
    b.put(1.0, Double.longBitsToDouble(0x7ff0_0000_0000_0001L)); // another NaN
    a.put(Double.NaN, 0.0);
    b.put(Double.longBitsToDouble(0xfff8_0000_0000_0000L), 0.0);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    Map<Double, Double> boxed = new HashMap<>();
    boxed.put(1.0, Double.NaN);
    boxed.put(Double.NaN, 0.0);
    assertEquals(boxed.hashCode(), a.hashCode());

    b.put(Double.NaN, -0.0);
    assertNotEquals(a, b, "0.0 and -0.0 values differ");
    a.put(-0.0, 1.0);
    b.put(Double.NaN, 0.0);
    b.put(0.0, 1.0);
    assertNotEquals(a, b, "0.0 and -0.0 keys differ");
  }

  /** Null values of reference maps: equal to null only. */
  @Test
  void equalsWithNullValues() {
    ObjObjHandleHashMap<String, String> a = new ObjObjHandleHashMap<>();
    ObjObjHandleHashMap<String, String> b = new ObjObjHandleHashMap<>();
    a.put("k", null);
    b.put("k", null);
    assertEquals(a, b);
    assertEquals(Map.of("k", "").hashCode() - "".hashCode(), a.hashCode(), "null hashes to 0");
    b.put("k", "v");
    assertNotEquals(a, b);
    assertNotEquals(b, a);
    b.removeKey("k");
    b.put("j", null);
    assertNotEquals(a, b, "same size, same null value, other key");
  }

  // -----------------------------------------------------------------------------------------------
  // asMap() entries

  /**
   * An entry of {@code asMap().entrySet()} reads and writes through while its entry is in the map;
   * once the entry has left, even when a new entry took its slot, {@code getValue} returns the
   * value last read or written through this entry object and {@code setValue} throws {@code
   * IllegalStateException}, leaving the new entry alone.
   */
  @Test
  void viewEntryAfterItsEntryLeft() {
    IntLongHandleHashMap map = new IntLongHandleHashMap(1);
    long handle = map.insert(1, 10L);
    Iterator<Map.Entry<Integer, Long>> it = map.asMap().entrySet().iterator();
    Map.Entry<Integer, Long> entry = it.next();
    assertEquals(10L, entry.getValue());
    assertEquals(10L, entry.setValue(11L));
    assertEquals(11L, map.value(handle), "setValue writes through");
    map.setValue(handle, 12L);
    assertEquals(12L, entry.getValue(), "getValue reads through");

    it.remove();
    assertFalse(map.contains(handle));
    assertEquals(1, entry.getKey());
    assertEquals(12L, entry.getValue(), "the last value");
    long reused = map.insert(2, 20L);
    assertEquals(Handles.index(handle), Handles.index(reused), "the new entry took the slot");
    assertEquals(12L, entry.getValue(), "not the new entry's value");
    assertThrows(IllegalStateException.class, () -> entry.setValue(13L));
    assertEquals(20L, map.value(reused), "the new entry is left alone");
    assertEquals(Map.entry(1, 12L), entry, "equals reads the last value too");
    assertThrows(IllegalStateException.class, it::remove, "remove twice");
  }

  /**
   * The value an entry returns once its entry has left is the one last read or written through
   * that entry object (see the generated {@code ViewEntry}): a value set through the map
   * afterwards, then removal, leaves the older value. {@code HashMap}'s entries would return the
   * newer one; {@code Map.Entry} leaves this undefined once the map changed other than through
   * the entry, so both are allowed.
   */
  @Test
  void viewEntryAfterRemovalReturnsTheValueItLastSaw() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long handle = map.insert(1, 10L);
    Map.Entry<Integer, Long> entry = map.asMap().entrySet().iterator().next();
    map.setValue(handle, 12L); // not read through the entry
    map.removeKey(1);
    assertEquals(10L, entry.getValue());
  }

  /** Null and foreign keys through the view: answers, never exceptions; put(null) throws. */
  @Test
  void viewNullAndForeignKeys() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    map.put(1, 1L);
    Map<Integer, Long> view = map.asMap();
    assertEquals(null, view.get(null));
    assertFalse(view.containsKey(null));
    assertEquals(null, view.remove(null));
    @SuppressWarnings({"unlikely-arg-type", "CollectionIncompatibleType"})
    boolean foreign = view.containsKey(1L);
    assertFalse(foreign, "a Long key is not an Integer key");
    assertThrows(NullPointerException.class, () -> view.put(null, 1L));
    assertThrows(NullPointerException.class, () -> view.put(2, null));
    assertThrows(NullPointerException.class, () -> view.put(1, null));
    assertEquals(1L, map.getOrDefault(1, -1L), "a rejected put changes nothing");
    assertFalse(map.containsKey(2));
    assertArrayEquals(new Object[] {1}, view.keySet().toArray());
  }

  // -----------------------------------------------------------------------------------------------
  // Counted and Rc views

  /**
   * The read-only view of a counted map fails fast on a structural change (a release that removes
   * an entry, an insertion) but not on count changes or values set through a handle.
   */
  @Test
  void countedViewIteratorFailsFastOnStructuralChangesOnly() {
    IntLongCountedHashMap map = new IntLongCountedHashMap();
    long a = map.insert(1, 10L);
    long b = map.insert(2, 20L);
    map.insert(3, 30L);
    Iterator<Map.Entry<Integer, Long>> it = map.asMap().entrySet().iterator();
    assertEquals(Map.entry(1, 10L), it.next());
    map.retain(b);
    map.release(b);
    map.setValue(b, 21L);
    assertEquals(Map.entry(2, 21L), it.next(), "counts and values are no structural change");
    assertThrows(UnsupportedOperationException.class, it::remove);
    map.release(a); // count 1 to 0: the entry leaves
    assertThrows(ConcurrentModificationException.class, it::next);

    Iterator<Integer> keys = map.asMap().keySet().iterator();
    keys.next();
    map.insert(4, 40L);
    assertThrows(ConcurrentModificationException.class, keys::next);
  }

  /**
   * The Rc view and the lookups without a Ref work on a closed map while Refs keep entries, and
   * once the last Ref closes and the storage is released the view is empty, not broken.
   */
  @Test
  void rcViewAndLookupsOnAClosedMap() {
    IntLongRcHashMap map = new IntLongRcHashMap();
    IntLongRcHashMap.Ref ref = map.insert(1, 10L);
    IntLongRcHashMap.Ref other = map.insert(2, 20L);
    Map<Integer, Long> view = map.asMap();
    other.close();
    map.close();
    assertEquals(Map.of(1, 10L), view);
    assertEquals(10L, map.getOrDefault(1, -1L));
    assertTrue(map.containsKey(1));
    assertFalse(map.containsKey(2));
    assertEquals(1, ref.refCount(), "lookups on the closed map made no Ref");
    ref.close();
    assertTrue(view.isEmpty());
    assertEquals(Map.of(), view);
    assertEquals(null, view.get(1));
    assertFalse(map.containsKey(1));
    assertEquals(-1L, map.getOrDefault(1, -1L));
    assertEquals(Map.of(), map.asMap());
  }
}
