package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.MapClosedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The keepalive model of {@code RcHashMap}: the owner holds one unit, each live entry one; when
 * the last unit returns the storage is released and {@code onDispose} runs, exactly once, after
 * the last removal listener call. Observed through {@code onDispose} and the listener, whose
 * calls are logged in one event list so their order shows.
 */
class RcKeepaliveTest {

  /** A map whose listener and on-dispose callback log into {@code events}. */
  private static IntLongRcHashMap logging(List<String> events) {
    return IntLongRcHashMap.builder()
        .removalListener((key, value) -> events.add("removed " + key + "=" + value))
        .onDispose(() -> events.add("disposed"))
        .build();
  }

  private static long count(List<String> events, String event) {
    return events.stream().filter(event::equals).count();
  }

  @Test
  void emptyMapDisposesAtOnceWhenClosed() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map = logging(events);
    assertFalse(map.isClosed());
    map.close();
    assertTrue(map.isClosed());
    assertEquals(List.of("disposed"), events);
    map.close();
    assertEquals(List.of("disposed"), events, "closing again does nothing");
    assertEquals(0, map.size());
    assertTrue(map.isEmpty());
  }

  @Test
  void entriesGoneFirstThenCloseDisposesAtClose() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map = logging(events);
    IntLongRcHashMap.Ref a = map.insert(1, 10L);
    IntLongRcHashMap.Ref b = map.insert(2, 20L);
    a.close();
    b.close();
    assertEquals(List.of("removed 1=10", "removed 2=20"), events, "not disposed while open");
    assertTrue(map.isEmpty());
    // The open, empty map is still usable.
    IntLongRcHashMap.Ref c = map.insert(3, 30L);
    c.close();
    assertEquals(0, count(events, "disposed"));
    map.close();
    assertEquals(
        List.of("removed 1=10", "removed 2=20", "removed 3=30", "disposed"), events);
    map.close();
    assertEquals(1, count(events, "disposed"));
  }

  @Test
  void closedMapKeepsLiveRefsFullyUsableAndDisposesAfterTheLastListener() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map = logging(events);
    IntLongRcHashMap.Ref a = map.insert(1, 10L);
    IntLongRcHashMap.Ref b = map.insert(2, 20L);
    IntLongRcHashMap.Ref c = map.insert(3, 30L);
    map.close();
    assertTrue(map.isClosed());
    assertEquals(List.of(), events, "live entries keep the storage");
    assertEquals(3, map.size(), "size still counts what live Refs hold");

    // Each Ref stays readable, writable and shareable until it is closed.
    a.setValue(map, 11L);
    assertEquals(11L, a.value(map));
    assertEquals(1, a.key(map));
    IntLongRcHashMap.Ref aShared = a.share();
    a.close();
    assertEquals(List.of(), events, "the shared Ref still holds entry 1");
    assertEquals(11L, aShared.value());
    aShared.setValue(12L);
    aShared.close();
    assertEquals(List.of("removed 1=12"), events);
    assertEquals(2, map.size());

    b.close();
    assertEquals(List.of("removed 1=12", "removed 2=20"), events);
    assertEquals(30L, c.value(map));
    c.setValue(31L);
    IntLongRcHashMap.Ref cShared = c.share();
    c.close();
    assertEquals(0, count(events, "disposed"));
    cShared.close();
    assertEquals(List.of("removed 1=12", "removed 2=20", "removed 3=31", "disposed"), events);
    assertEquals(0, map.size());
    map.close();
    cShared.close();
    assertEquals(1, count(events, "disposed"));
  }

  @Test
  void disposeRunsAfterTheLastListenerHasReturned() {
    List<String> events = new ArrayList<>();
    boolean[] disposedDuringListener = {false};
    boolean[] disposed = {false};
    IntLongRcHashMap map =
        IntLongRcHashMap.builder()
            .removalListener(
                (key, value) -> {
                  events.add("listener start " + key);
                  disposedDuringListener[0] |= disposed[0];
                  events.add("listener end " + key);
                })
            .onDispose(
                () -> {
                  disposed[0] = true;
                  events.add("disposed");
                })
            .build();
    IntLongRcHashMap.Ref ref = map.insert(5, 50L);
    map.close();
    ref.close();
    assertFalse(disposedDuringListener[0]);
    assertEquals(List.of("listener start 5", "listener end 5", "disposed"), events);
  }

  @Test
  void closedMapRejectsLookupsAndInsertsNamingTheMap() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map = logging(events);
    IntLongRcHashMap.Ref live = map.insert(1, 10L);
    map.close();

    int[] factoryRuns = {0};
    IntLongRcHashMap.ValueFactory factory =
        key -> {
          factoryRuns[0]++;
          return 20L;
        };
    List<Executable> rejected =
        List.of(
            () -> map.find(1),
            () -> map.find(2),
            () -> map.insert(2, 20L),
            () -> map.insertWith(2, factory),
            () -> map.findOrInsert(1, factory),
            () -> map.findOrInsert(2, factory),
            map::refs);
    for (Executable call : rejected) {
      MapClosedException e = assertThrows(MapClosedException.class, call);
      assertNotNull(e.getMessage());
      assertTrue(e.getMessage().contains("IntLongRcHashMap"), e.getMessage());
    }
    assertEquals(0, factoryRuns[0]);
    assertEquals(1, map.size());
    assertFalse(map.isEmpty());
    assertTrue(map.isClosed());
    assertEquals(10L, live.value(map), "the rejected calls changed nothing");
    assertEquals(1, live.refCount(), "the rejected find/findOrInsert counted nothing");
    assertEquals(List.of(), events);
    live.close();
    assertEquals(List.of("removed 1=10", "disposed"), events);
    assertThrows(MapClosedException.class, () -> map.find(1));
    assertEquals(0, map.size());
  }

  /**
   * As generated now (not in SPEC, and unlike the first version of the layer): {@code
   * containsKey} and {@code cursor()} keep working on a closed map, over the entries that live
   * Refs hold, also after the storage is released.
   */
  @Test
  void closedMapStillAnswersContainsKeyAndIteratesWithACursor() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map = logging(events);
    IntLongRcHashMap.Ref one = map.insert(1, 10L);
    IntLongRcHashMap.Ref two = map.insert(2, 20L);
    map.close();
    assertTrue(map.containsKey(1));
    assertTrue(map.containsKey(2));
    assertFalse(map.containsKey(3));

    IntLongRcHashMap.Cursor cursor = map.cursor();
    List<Integer> keys = new ArrayList<>();
    while (cursor.next()) {
      keys.add(cursor.key());
      cursor.setValue(cursor.value() + 1);
    }
    assertEquals(2, keys.size());
    assertEquals(11L, one.value());
    assertEquals(21L, two.value());

    one.close();
    assertFalse(map.containsKey(1));
    assertTrue(map.containsKey(2));
    two.close();
    assertEquals(List.of("removed 1=11", "removed 2=21", "disposed"), events);
    assertFalse(map.containsKey(2));
    assertFalse(map.cursor().next());
    assertEquals(0, map.size());
  }

  @Test
  void closeInsideTheLastRemovalListenerDisposesAfterIt() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap[] self = new IntLongRcHashMap[1];
    self[0] =
        IntLongRcHashMap.builder()
            .removalListener(
                (key, value) -> {
                  events.add("listener " + key);
                  self[0].close();
                  events.add("closed in listener");
                })
            .onDispose(() -> events.add("disposed"))
            .build();
    IntLongRcHashMap.Ref ref = self[0].insert(1, 10L);
    ref.close();
    assertEquals(List.of("listener 1", "closed in listener", "disposed"), events);
  }

  @Test
  void manyEntriesClosedInAnyOrderAfterTheMapDisposeOnce() {
    List<String> events = new ArrayList<>();
    IntLongRcHashMap map = logging(events);
    List<IntLongRcHashMap.Ref> refs = new ArrayList<>();
    for (int key = 0; key < 200; key++) {
      refs.add(map.insert(key, key));
      if (key % 4 == 0) {
        refs.add(map.find(key));
      }
    }
    java.util.Collections.shuffle(refs, new java.util.Random(42));
    map.close();
    for (int i = 0; i < refs.size(); i++) {
      assertEquals(0, count(events, "disposed"), "disposed early, before Ref " + i);
      refs.get(i).close();
    }
    assertEquals(201, events.size());
    assertEquals("disposed", events.get(200));
    assertEquals(1, count(events, "disposed"));
  }
}
