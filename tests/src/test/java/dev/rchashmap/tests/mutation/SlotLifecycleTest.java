package dev.rchashmap.tests.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.ObjObjCountedHashMap;
import dev.rchashmap.tests.layers.ObjObjHandleHashMap;
import dev.rchashmap.tests.layers.StringIntCountedHashMap;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import dev.rchashmap.tests.trust.Internals;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The life of a slot, in every map the mutation run covers: handles forged from the bits of real
 * ones are never live, vacant slots come back oldest first through a ring that wraps and grows
 * while wrapped, and a slot worn to the last generation retires for good. Before these tests the
 * {@code ObjObj} and {@code StringInt} maps and the counted layer only met such handles and
 * slots by chance.
 */
class SlotLifecycleTest {

  /** A map seen through what a slot's life needs: the handle layer removes, counted releases. */
  interface Slots {
    /** Adds the entry {@code key -> key}; returns its handle. */
    long add(int key);

    /** Removes the entry of {@code handle}: remove, or the last release. */
    boolean drop(long handle);

    /** Tries to remove through a handle that is not live: nothing happens, or it throws. */
    default void refuse(long handle) {
      assertFalse(drop(handle), () -> Handles.toString(handle));
    }

    boolean live(long handle);

    /** Reads the key through a handle; throws for a stale one. */
    int keyOf(long handle);

    int size();

    Object map();
  }

  /** The handle-layer maps: they also clear. */
  interface ClearableSlots extends Slots {
    void clear();
  }

  static Stream<Named<Supplier<Slots>>> everyMap() {
    return Stream.concat(
        handleMaps().map(named -> Named.of(named.getName(), () -> named.getPayload().get())),
        Stream.of(
            Named.of("IntLongCounted", SlotLifecycleTest::intLongCounted),
            Named.of("ObjObjCounted", SlotLifecycleTest::objObjCounted),
            Named.of("StringIntCounted", SlotLifecycleTest::stringIntCounted)));
  }

  static Stream<Named<Supplier<ClearableSlots>>> handleMaps() {
    return Stream.of(
        Named.of("IntLongHandle", SlotLifecycleTest::intLongHandle),
        Named.of("ObjObjHandle", SlotLifecycleTest::objObjHandle),
        Named.of("StringIntHandle", SlotLifecycleTest::stringIntHandle));
  }

  /**
   * Handles made from a real one by changing its slot or its generation name no entry: a
   * negative slot, the slot just past the storage, one far past it, the generation a vacated slot
   * now has (even), the one before and after a live slot's. Asked about them, the map answers
   * {@code false} or throws {@link StaleHandleException}, and changes nothing.
   */
  @ParameterizedTest
  @MethodSource("everyMap")
  void forgedHandlesAreNeverLive(Supplier<Slots> newMap) {
    Slots slots = newMap.get();
    List<Long> handles = fillStorage(slots);
    int capacity = handles.size();
    long first = handles.get(0);
    long second = handles.get(1);
    assertTrue(slots.drop(second));
    int generation = Handles.generation(first);
    long[] forged = {
      Handles.of(-1, generation),
      Handles.of(Integer.MIN_VALUE, generation),
      Handles.of(capacity, 1),
      Handles.of(capacity + 100, 1),
      Handles.of(Integer.MAX_VALUE, 1),
      Handles.of(1, Handles.generation(second) + 1),
      Handles.of(1, Handles.generation(second)),
      Handles.of(0, generation - 1),
      Handles.of(0, generation + 1),
      Handles.of(0, generation + 2),
      Handles.of(0, Handles.RETIRED),
    };
    for (long handle : forged) {
      assertFalse(slots.live(handle), () -> Handles.toString(handle));
      StaleHandleException e =
          assertThrows(StaleHandleException.class, () -> slots.keyOf(handle));
      assertTrue(e.getMessage().contains(Handles.toString(handle)), e.getMessage());
      slots.refuse(handle);
    }
    assertEquals(capacity - 1, slots.size());
    assertTrue(slots.live(first));
    assertEquals(0, slots.keyOf(first));
  }

  /**
   * With the storage full, vacated slots come back in the order they were vacated: the queue's
   * head moves, its tail wraps around the end of the ring, and the ring grows while wrapped.
   * Only when the queue is empty does the storage grow.
   */
  @ParameterizedTest
  @MethodSource("everyMap")
  void vacatedSlotsComeBackOldestFirstThroughAWrappedQueue(Supplier<Slots> newMap) {
    Slots slots = newMap.get();
    List<Long> handles = fillStorage(slots);
    int capacity = handles.size();
    assertTrue(capacity >= 40, "capacity " + capacity);
    List<Integer> expected = new ArrayList<>();
    for (int slot = 0; slot < 12; slot++) {
      assertTrue(slots.drop(handles.get(slot)));
    }
    int nextKey = capacity;
    for (int slot = 0; slot < 8; slot++) {
      assertEquals(slot, Handles.index(slots.add(nextKey++)), "reused oldest first");
    }
    for (int slot = 8; slot < 12; slot++) {
      expected.add(slot);
    }
    // 4 queued from ring position 8: 10 more reach position 15 and wrap to 5, 4 more overflow
    // the 16-place ring while it is wrapped.
    for (int slot = 20; slot < 34; slot++) {
      assertTrue(slots.drop(handles.get(slot)));
      expected.add(slot);
    }
    for (int slot : expected) {
      long handle = slots.add(nextKey);
      assertEquals(slot, Handles.index(handle), "reused oldest first");
      assertEquals(nextKey++, slots.keyOf(handle));
    }
    assertEquals(capacity, Handles.index(slots.add(nextKey)), "a fresh slot once the queue is empty");
    assertEquals(capacity + 1, slots.size());
  }

  /**
   * A slot vacated at the last generation retires: it never joins the reuse queue, so with the
   * storage full the next entry takes a fresh slot of grown storage.
   */
  @ParameterizedTest
  @MethodSource("everyMap")
  void aSlotWornToTheLastGenerationRetires(Supplier<Slots> newMap) {
    Slots slots = newMap.get();
    List<Long> handles = fillStorage(slots);
    int capacity = handles.size();
    assertTrue(slots.drop(handles.get(3)));
    setGeneration(slots.map(), 3, Handles.MAX_GENERATION - 1);
    long last = slots.add(-1);
    assertEquals(3, Handles.index(last));
    assertEquals(Handles.MAX_GENERATION, Handles.generation(last));
    assertTrue(slots.drop(last));
    assertFalse(slots.live(last));
    assertEquals(Handles.RETIRED, generationAt(slots.map(), 3));
    assertEquals(0, Internals.intField(slots.map(), "freeCount"), "a retired slot is not queued");
    assertEquals(capacity, Handles.index(slots.add(-2)));
    assertFalse(slots.live(Handles.of(3, Handles.RETIRED)));
  }

  /**
   * {@code clear()} starts handing out slots from the bottom again, but skips the retired ones
   * there, wherever they are.
   */
  @ParameterizedTest
  @MethodSource("handleMaps")
  void clearHandsOutSlotsFromTheBottomButSkipsRetiredOnes(Supplier<ClearableSlots> newMap) {
    ClearableSlots slots = newMap.get();
    List<Long> handles = fillStorage(slots);
    int capacity = handles.size();
    slots.clear();
    for (int slot : new int[] {0, 1, 2, 5, capacity - 1}) {
      setGeneration(slots.map(), slot, Handles.RETIRED);
    }
    List<Integer> given = new ArrayList<>();
    for (int key = 0; key < capacity - 5; key++) {
      given.add(Handles.index(slots.add(key)));
    }
    List<Integer> expected = new ArrayList<>();
    for (int slot = 3; slot < capacity - 1; slot++) {
      if (slot != 5) {
        expected.add(slot);
      }
    }
    assertEquals(expected, given);
    assertEquals(capacity, Handles.index(slots.add(-1)), "the retired last slot is skipped too");
    for (long old : handles) {
      assertFalse(slots.live(old));
    }
  }

  /** Adds keys {@code 0, 1, ...} until the storage is full; returns their handles, slot i at i. */
  private static List<Long> fillStorage(Slots slots) {
    List<Long> handles = new ArrayList<>();
    int capacity = storageLength(slots.map());
    for (int key = 0; key < capacity; key++) {
      long handle = slots.add(key);
      assertEquals(key, Handles.index(handle));
      handles.add(handle);
    }
    assertEquals(capacity, storageLength(slots.map()), "the storage grew before it was full");
    return handles;
  }

  private static int storageLength(Object map) {
    Object generations = generationsOf(map);
    return generations instanceof int[] ints ? ints.length : ((long[]) generations).length;
  }

  private static int generationAt(Object map, int slot) {
    Object generations = generationsOf(map);
    return generations instanceof int[] ints ? ints[slot] : (int) ((long[]) generations)[slot];
  }

  /** Sets the generation of a vacant slot, as if it had been reused that often. */
  private static void setGeneration(Object map, int slot, int generation) {
    Object generations = generationsOf(map);
    if (generations instanceof int[] ints) {
      ints[slot] = generation;
    } else {
      // The counted layer's state word: the generation in the low half, a count of 0 above it.
      ((long[]) generations)[slot] = generation & 0xFFFF_FFFFL;
    }
  }

  private static Object generationsOf(Object map) {
    return map.getClass().getSimpleName().contains("Counted")
        ? Internals.get(map, "states")
        : Internals.get(map, "generations");
  }

  // -----------------------------------------------------------------------------------------------
  // The maps

  private static ClearableSlots intLongHandle() {
    IntLongHandleHashMap map = new IntLongHandleHashMap(40);
    return new ClearableSlots() {
      @Override
      public long add(int key) {
        return map.insert(key, key);
      }

      @Override
      public boolean drop(long handle) {
        return map.remove(handle);
      }

      @Override
      public boolean live(long handle) {
        return map.contains(handle);
      }

      @Override
      public int keyOf(long handle) {
        assertEquals(map.key(handle), map.value(handle));
        return map.key(handle);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public void clear() {
        map.clear();
      }

      @Override
      public Object map() {
        return map;
      }
    };
  }

  private static ClearableSlots objObjHandle() {
    ObjObjHandleHashMap<Integer, Integer> map = new ObjObjHandleHashMap<>(40);
    return new ClearableSlots() {
      @Override
      public long add(int key) {
        return map.insert(key, key);
      }

      @Override
      public boolean drop(long handle) {
        return map.remove(handle);
      }

      @Override
      public boolean live(long handle) {
        return map.contains(handle);
      }

      @Override
      public int keyOf(long handle) {
        assertEquals(map.key(handle), map.value(handle));
        return map.key(handle);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public void clear() {
        map.clear();
      }

      @Override
      public Object map() {
        return map;
      }
    };
  }

  private static ClearableSlots stringIntHandle() {
    StringIntHandleHashMap map = new StringIntHandleHashMap(40);
    return new ClearableSlots() {
      @Override
      public long add(int key) {
        return map.insert("k" + key, key);
      }

      @Override
      public boolean drop(long handle) {
        return map.remove(handle);
      }

      @Override
      public boolean live(long handle) {
        return map.contains(handle);
      }

      @Override
      public int keyOf(long handle) {
        assertEquals(map.key(handle), "k" + map.value(handle));
        return map.value(handle);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public void clear() {
        map.clear();
      }

      @Override
      public Object map() {
        return map;
      }
    };
  }

  private static Slots intLongCounted() {
    IntLongCountedHashMap map = new IntLongCountedHashMap(40);
    return new Slots() {
      @Override
      public long add(int key) {
        return map.insert(key, key);
      }

      @Override
      public boolean drop(long handle) {
        return map.release(handle);
      }

      @Override
      public void refuse(long handle) {
        assertThrows(StaleHandleException.class, () -> map.release(handle));
      }

      @Override
      public boolean live(long handle) {
        return map.contains(handle);
      }

      @Override
      public int keyOf(long handle) {
        assertEquals(map.key(handle), map.value(handle));
        return map.key(handle);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public Object map() {
        return map;
      }
    };
  }

  private static Slots objObjCounted() {
    ObjObjCountedHashMap<Integer, Integer> map = new ObjObjCountedHashMap<>(40);
    return new Slots() {
      @Override
      public long add(int key) {
        return map.insert(key, key);
      }

      @Override
      public boolean drop(long handle) {
        return map.release(handle);
      }

      @Override
      public void refuse(long handle) {
        assertThrows(StaleHandleException.class, () -> map.release(handle));
      }

      @Override
      public boolean live(long handle) {
        return map.contains(handle);
      }

      @Override
      public int keyOf(long handle) {
        assertEquals(map.key(handle), map.value(handle));
        return map.key(handle);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public Object map() {
        return map;
      }
    };
  }

  private static Slots stringIntCounted() {
    StringIntCountedHashMap map = new StringIntCountedHashMap(40);
    return new Slots() {
      @Override
      public long add(int key) {
        return map.insert("k" + key, key);
      }

      @Override
      public boolean drop(long handle) {
        return map.release(handle);
      }

      @Override
      public void refuse(long handle) {
        assertThrows(StaleHandleException.class, () -> map.release(handle));
      }

      @Override
      public boolean live(long handle) {
        return map.contains(handle);
      }

      @Override
      public int keyOf(long handle) {
        assertEquals(map.key(handle), "k" + map.value(handle));
        return map.value(handle);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public Object map() {
        return map;
      }
    };
  }
}
