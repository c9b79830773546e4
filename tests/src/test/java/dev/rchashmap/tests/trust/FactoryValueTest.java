package dev.rchashmap.tests.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.MapClosedException;
import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.IntLongHandleHashMap;
import dev.rchashmap.tests.layers.IntLongRcHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A value that a factory made but the map could not keep is handed to the removal listener, so
 * that resources it holds are released (SPEC 7.4): in the cache example a dropped value was an
 * open file never closed. The handle layer has no listener and documents that it drops the value.
 */
class FactoryValueTest {

  @Test
  void countedInsertWithWhoseFactoryInsertsTheKeyHandsItsValueToTheListener() {
    List<String> removed = new ArrayList<>();
    AtomicReference<IntLongCountedHashMap> self = new AtomicReference<>();
    self.set(
        IntLongCountedHashMap.builder()
            .removalListener((key, value) -> removed.add(key + "=" + value))
            .build());
    IntLongCountedHashMap map = self.get();

    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.insertWith(
                7,
                key -> {
                  map.insert(key, 1L);
                  return 2L;
                }));

    assertEquals(List.of("7=2"), removed, "the factory's value reached the listener");
    assertEquals(1L, map.value(map.find(7)), "the entry the factory inserted stays");
  }

  @Test
  void countedFindOrInsertWhoseFactoryInsertsTheKeyHandsItsValueToTheListener() {
    List<String> removed = new ArrayList<>();
    AtomicReference<IntLongCountedHashMap> self = new AtomicReference<>();
    self.set(
        IntLongCountedHashMap.builder()
            .removalListener((key, value) -> removed.add(key + "=" + value))
            .build());
    IntLongCountedHashMap map = self.get();

    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.findOrInsert(
                7,
                key -> {
                  map.insert(key, 1L);
                  return 2L;
                }));

    assertEquals(List.of("7=2"), removed);
    assertEquals(1, map.size());
  }

  @Test
  void countedFactoryThatChangesOtherKeysStillLinksItsValue() {
    IntLongCountedHashMap map = new IntLongCountedHashMap(4);
    long handle =
        map.findOrInsert(
            7,
            key -> {
              for (int other = 100; other < 200; other++) {
                map.insert(other, other); // grows the index under the pending insertion
              }
              return 70L;
            });
    assertEquals(70L, map.value(handle));
    assertEquals(handle, map.find(7));
    assertEquals(2, map.refCount(handle));
    assertEquals(101, map.size());
  }

  @Test
  void rcInsertWithWhoseFactoryInsertsTheKeyHandsItsValueToTheListener() {
    List<String> removed = new ArrayList<>();
    AtomicReference<IntLongRcHashMap> self = new AtomicReference<>();
    List<IntLongRcHashMap.Ref> held = new ArrayList<>();
    self.set(
        IntLongRcHashMap.builder()
            .removalListener((key, value) -> removed.add(key + "=" + value))
            .build());
    IntLongRcHashMap map = self.get();

    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.insertWith(
                7,
                key -> {
                  held.add(map.insert(key, 1L));
                  return 2L;
                }));

    assertEquals(List.of("7=2"), removed);
    held.forEach(IntLongRcHashMap.Ref::close);
    assertEquals(List.of("7=2", "7=1"), removed);
    map.close();
  }

  @Test
  void rcFactoryThatClosesTheMapHandsItsValueToTheListener() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map =
        IntLongRcHashMap.builder()
            .removalListener((key, value) -> events.add(key + "=" + value))
            .onDispose(() -> events.add("disposed"))
            .build();

    assertThrows(
        MapClosedException.class,
        () ->
            map.findOrInsert(
                7,
                key -> {
                  map.close();
                  return 70L;
                }));

    assertEquals(List.of("disposed", "7=70"), events);
  }

  /** The handle layer has no listener: the value is dropped, as its Javadoc says. */
  @Test
  void handleLayerDropsTheValueAndKeepsTheFactorysEntry() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    assertThrows(
        DuplicateKeyException.class,
        () ->
            map.insertWith(
                7,
                key -> {
                  map.insert(key, 1L);
                  return 2L;
                }));
    assertEquals(1L, map.getOrDefault(7, -1L));
    assertTrue(map.containsKey(7));
    assertEquals(1, map.size());
  }
}
