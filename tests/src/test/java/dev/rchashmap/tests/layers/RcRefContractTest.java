package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.WrongMapException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code Ref} contract (SPEC 3.3), in every Rc specialization the mutation run covers: the
 * accessors without a map read the Ref's own map and those with one refuse any other;
 * {@code sameEntry} tells entries apart across maps and after close; {@code refs()} and the
 * cursor hand out counted Refs; a factory's value the map cannot keep reaches the listener.
 */
class RcRefContractTest {

  static Stream<Named<BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<?>>>> maps() {
    return Stream.of(
        Named.of("IntLongRc", LayerAdapters::intLongRc),
        Named.of("ObjObjRc", LayerAdapters::objObjRc),
        Named.of("StringIntRc", LayerAdapters::stringIntRc));
  }

  /** A new map of one specialization, with a listener that records removals as "key=value". */
  @SuppressWarnings("unchecked") // each adapter is used with its own Ref type only
  private static <R> LayerAdapters.Rc<R> newMap(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<?>> factory,
      List<String> removed) {
    return (LayerAdapters.Rc<R>)
        factory.apply((key, value) -> removed.add(key + "=" + value), () -> {});
  }

  @ParameterizedTest
  @MethodSource("maps")
  <R> void accessorsReadTheRefsOwnMapAndRefuseAnother(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<?>> factory) {
    LayerAdapters.Rc<R> a = newMap(factory, new ArrayList<>());
    LayerAdapters.Rc<R> b = newMap(factory, new ArrayList<>());
    R inA = a.insert(1, 10);
    R inB = b.insert(1, 20);
    assertEquals(a.handle(inA), b.handle(inB), "the same handle in both maps");

    assertEquals(1, a.ownKey(inA));
    assertEquals(10, a.ownValue(inA));
    a.setOwnValue(inA, 11);
    assertEquals(11, a.valueIn(a, inA));
    assertEquals(1, a.keyIn(a, inA));
    a.setValueIn(a, inA, 12);
    assertEquals(12, a.getOrDefault(1, -1));
    assertEquals(20, b.getOrDefault(1, -1));

    WrongMapException e = assertThrows(WrongMapException.class, () -> a.keyIn(b, inA));
    assertTrue(e.getMessage().contains("Handle["), e.getMessage());
    assertThrows(WrongMapException.class, () -> a.valueIn(b, inA));
    assertThrows(WrongMapException.class, () -> a.setValueIn(b, inA, 99));
    assertEquals(12, a.getOrDefault(1, -1), "unchanged");
    assertEquals(20, b.getOrDefault(1, -1), "unchanged");

    a.close(inA);
    assertFalse(a.containsKey(1), "its only Ref closed: the entry left");
    assertThrows(IllegalStateException.class, () -> a.ownKey(inA));
    assertThrows(IllegalStateException.class, () -> a.ownValue(inA));
    assertThrows(IllegalStateException.class, () -> a.setOwnValue(inA, 1));
    assertThrows(IllegalStateException.class, () -> a.keyIn(a, inA));
    assertThrows(IllegalStateException.class, () -> a.valueIn(a, inA));
    assertThrows(IllegalStateException.class, () -> a.setValueIn(a, inA, 1));
    assertThrows(IllegalStateException.class, () -> a.refCount(inA));
    assertThrows(IllegalStateException.class, () -> a.share(inA));
    b.close(inB);
  }

  @ParameterizedTest
  @MethodSource("maps")
  <R> void sameEntryTellsEntriesApartAcrossMapsAndAfterClose(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<?>> factory) {
    LayerAdapters.Rc<R> a = newMap(factory, new ArrayList<>());
    LayerAdapters.Rc<R> b = newMap(factory, new ArrayList<>());
    R ref = a.insert(1, 10);
    R shared = a.share(ref);
    R found = a.find(1);
    R other = a.insert(2, 20);
    R twin = b.insert(1, 10);
    assertEquals(a.handle(ref), b.handle(twin));

    assertTrue(a.sameEntry(ref, ref));
    assertTrue(a.sameEntry(ref, shared));
    assertTrue(a.sameEntry(shared, ref));
    assertTrue(a.sameEntry(found, shared));
    assertFalse(a.sameEntry(ref, other));
    assertFalse(a.sameEntry(other, ref));
    assertFalse(a.sameEntry(ref, twin), "the same handle in another map");
    assertFalse(a.sameEntry(twin, ref), "the same handle in another map");

    a.close(shared);
    assertFalse(a.sameEntry(ref, shared), "a closed Ref names no entry");
    assertFalse(a.sameEntry(shared, ref), "a closed Ref names no entry");
    assertFalse(a.sameEntry(shared, shared), "a closed Ref names no entry");
    assertTrue(a.sameEntry(ref, found));
    a.close(ref);
    a.close(found);
    a.close(other);
    b.close(twin);
    assertTrue(a.isEmpty());
  }

  /**
   * {@code refs()} gives a new Ref to each entry in slot order; {@code hasNext()} may be asked
   * again; an entry that left between {@code hasNext()} and {@code next()} is passed over.
   */
  @ParameterizedTest
  @MethodSource("maps")
  <R> void refsHandsOutCountedRefsAndPassesOverEntriesThatLeft(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<?>> factory) {
    LayerAdapters.Rc<R> map = newMap(factory, new ArrayList<>());
    List<R> held = new ArrayList<>();
    for (int key = 0; key < 10; key++) {
      held.add(map.insert(key, key * 10L));
    }
    Iterator<R> refs = map.refs();
    assertTrue(refs.hasNext());
    assertTrue(refs.hasNext(), "asking again does not move on");
    map.close(held.get(0)); // entry 0, found by hasNext(), leaves
    List<Integer> keys = new ArrayList<>();
    while (refs.hasNext()) {
      R ref = refs.next();
      keys.add(map.key(ref));
      assertEquals(2, map.refCount(ref));
      map.close(ref);
    }
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), keys);
    assertFalse(refs.hasNext());
    assertThrows(NoSuchElementException.class, refs::next);

    Iterator<R> last = map.refs();
    for (int key = 1; key < 10; key++) {
      map.close(held.get(key));
    }
    assertTrue(map.isEmpty());
    assertThrows(NoSuchElementException.class, last::next, "every entry left");
  }

  @ParameterizedTest
  @MethodSource("maps")
  <R> void cursorReadsWritesAndHandsOutCountedRefs(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<?>> factory) {
    LayerAdapters.Rc<R> map = newMap(factory, new ArrayList<>());
    List<R> held = new ArrayList<>();
    for (int key = 0; key < 5; key++) {
      held.add(map.insert(key, key * 10L));
    }
    List<Integer> keys = new ArrayList<>();
    List<R> fromCursor = new ArrayList<>();
    map.walkCursor(
        cursor -> {
          keys.add(cursor.key());
          assertEquals(cursor.key() * 10L, cursor.value());
          cursor.setValue(cursor.key() + 100L);
          assertEquals(cursor.key() + 100L, cursor.value());
          fromCursor.add(cursor.ref());
        });
    assertEquals(List.of(0, 1, 2, 3, 4), keys);
    for (int key = 0; key < 5; key++) {
      R ref = fromCursor.get(key);
      assertTrue(map.sameEntry(ref, held.get(key)));
      assertEquals(2, map.refCount(ref));
      assertEquals(key + 100L, map.value(ref));
      map.close(ref);
      assertEquals(1, map.refCount(held.get(key)));
      map.close(held.get(key));
    }
    assertTrue(map.isEmpty());
  }

  /**
   * A factory that inserts the key itself makes the insertion fail: its value goes to the removal
   * listener (SPEC 7.4), the entry the factory inserted stays. Then a factory that closes the map.
   */
  @ParameterizedTest
  @MethodSource("maps")
  <R> void aFactorysValueTheMapCannotKeepReachesTheListener(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<?>> factory) {
    List<String> removed = new ArrayList<>();
    LayerAdapters.Rc<R> map = newMap(factory, removed);
    List<R> inner = new ArrayList<>();
    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.insertWith(
                7,
                key -> {
                  inner.add(map.insert(key, 1));
                  return 2;
                }));
    assertEquals(List.of("7=2"), removed);
    assertEquals(1, map.getOrDefault(7, -1));
    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.findOrInsert(
                8,
                key -> {
                  inner.add(map.insert(key, 3));
                  return 4;
                }));
    assertEquals(List.of("7=2", "8=4"), removed);
    inner.forEach(map::close);
    assertEquals(List.of("7=2", "8=4", "7=1", "8=3"), removed);

    assertThrows(
        IllegalStateException.class,
        () ->
            map.findOrInsert(
                9,
                key -> {
                  map.close();
                  return 5;
                }));
    assertEquals(List.of("7=2", "8=4", "7=1", "8=3", "9=5"), removed);
    assertTrue(map.isClosed());
  }
}
