package dev.rchashmap.tests.borrowed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.MapClosedException;
import dev.rchashmap.runtime.StaleHandleException;
import dev.rchashmap.runtime.Weakness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code String} keys looked up by a {@code CharSequence} ({@code CharSequenceKeys}) in each
 * layer, with each kind of {@link Probe}: a {@code StringBuilder}, one reused {@code CharBuffer}
 * over a slice of a {@code char[]}, and a {@code String}. The {@code CountingName} maps count the
 * borrowed equivalence's calls, so that the tests see the key made ({@code toKey}) exactly once,
 * on a miss, and never by a lookup.
 */
class CharSequenceProbeTest {

  /** Names whose {@code String.hashCode}s are all equal, and the empty name. */
  static final List<String> COLLIDING = List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa");

  private final List<String> factoryCalls = new ArrayList<>();

  @BeforeEach
  void resetCounts() {
    CountingCharSequenceKeys.reset();
  }

  private long valueFor(String key) {
    factoryCalls.add(key);
    return key.length() * 10L;
  }

  // ---------------------------------------------------------------------------------------------
  // HandleHashMap

  @ParameterizedTest
  @EnumSource(Probe.class)
  void handleFindOrInsertMakesTheKeyOnlyOnAMiss(Probe kind) {
    CountingNameHandleHashMap map = new CountingNameHandleHashMap();
    CharSequence probe = kind.of("square");
    long h = map.findOrInsert(probe, this::valueFor);
    assertEquals(1, CountingCharSequenceKeys.toKeyCalls(), "toKey on the miss");
    assertEquals(List.of("square"), factoryCalls, "the factory ran once, with the made key");
    assertEquals("square", map.key(h));
    assertEquals(60L, map.value(h));
    if (kind != Probe.STRING) {
      assertNotSame(probe, map.key(h));
    }
    // Every kind of probe, and the key itself, now finds the entry; none makes a key.
    for (Probe other : Probe.values()) {
      assertEquals(h, map.findOrInsert(other.of("square"), this::valueFor), other.name());
      assertEquals(h, map.find(other.of("square")), other.name());
      assertTrue(map.containsKey(other.of("square")), other.name());
      assertEquals(60L, map.getOrDefault(other.of("square"), -1L), other.name());
    }
    assertEquals(h, map.find("square"));
    assertEquals(1, CountingCharSequenceKeys.toKeyCalls(), "no toKey on a hit or a lookup");
    assertEquals(1, factoryCalls.size(), "no factory call on a hit");
    assertEquals(1, map.size());
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void handleLookupsOfAnAbsentNameMakeNothing(Probe kind) {
    CountingNameHandleHashMap map = new CountingNameHandleHashMap();
    map.insert("square", 1L);
    assertEquals(Handles.NONE, map.find(kind.of("squares")));
    assertEquals(Handles.NONE, map.find(kind.of("squar")));
    assertFalse(map.containsKey(kind.of("cube")));
    assertEquals(-1L, map.getOrDefault(kind.of("cube"), -1L));
    assertEquals(0, CountingCharSequenceKeys.toKeyCalls());
    assertEquals(1, map.size());
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void keysInsertedByStringAreFoundByProbeAndBack(Probe kind) {
    NameHandleHashMap map = new NameHandleHashMap();
    long byString = map.insert("define", 6L);
    assertEquals(byString, map.find(kind.of("define")));
    long byProbe = map.findOrInsert(kind.of("lambda"), this::valueFor);
    assertEquals(byProbe, map.find("lambda"));
    assertEquals(byProbe, map.put("lambda", 7L), "put by key keeps the probe-made entry");
    assertEquals(7L, map.getOrDefault(kind.of("lambda"), -1L));
    assertTrue(map.removeKey("lambda"));
    assertEquals(Handles.NONE, map.find(kind.of("lambda")));
    assertEquals(1, map.size());
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void collidingNamesAreToldApartByTheirCharacters(Probe kind) {
    NameHandleHashMap map = new NameHandleHashMap();
    List<Long> handles = new ArrayList<>();
    for (String name : COLLIDING) {
      assertEquals(Handles.NONE, map.find(kind.of(name)), "before inserting " + name);
      handles.add(map.findOrInsert(kind.of(name), this::valueFor));
    }
    long empty = map.findOrInsert(kind.of(""), this::valueFor);
    assertEquals("", map.key(empty));
    assertEquals(COLLIDING.size() + 1, map.size());
    for (int i = 0; i < COLLIDING.size(); i++) {
      String name = COLLIDING.get(i);
      assertEquals(handles.get(i), map.find(kind.of(name)), name);
      assertEquals(name, map.key(handles.get(i)));
    }
    assertEquals(empty, map.find(kind.of("")));
    // Same hash as "AaAaAa", not there; a prefix of "AaAa"; one character off.
    assertEquals(Handles.NONE, map.find(kind.of("BBBBAa")));
    assertEquals(Handles.NONE, map.find(kind.of("Aa" + "A")));
    assertEquals(Handles.NONE, map.find(kind.of("AaAb")));
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void aNameRemovedAndInternedAgainGetsANewHandleAndTheOldOneIsStale(Probe kind) {
    NameHandleHashMap map = new NameHandleHashMap();
    long first = map.findOrInsert(kind.of("x"), this::valueFor);
    assertTrue(map.remove(first));
    assertEquals(Handles.NONE, map.find(kind.of("x")));
    long second = map.findOrInsert(kind.of("x"), this::valueFor);
    assertNotEquals(first, second);
    assertFalse(map.contains(first));
    assertThrows(StaleHandleException.class, () -> map.key(first));
    assertEquals(second, map.find(kind.of("x")));
  }

  @Test
  void theMapKeepsNoReferenceToTheReusedBuffer() {
    NameHandleHashMap map = new NameHandleHashMap();
    Probe.Reader reader = Probe.Reader.CURRENT.get();
    long h = map.findOrInsert(reader.probe("car"), this::valueFor);
    long g = map.findOrInsert(reader.probe("cdr"), this::valueFor);
    reader.scribble();
    assertEquals("car", map.key(h));
    assertEquals("cdr", map.key(g));
    assertEquals(h, map.find(reader.probe("car")));
    assertEquals(g, map.find("cdr"));
  }

  @Test
  void nullProbesAndFactoriesAreRejected() {
    NameHandleHashMap map = new NameHandleHashMap();
    assertThrows(NullPointerException.class, () -> map.find((CharSequence) null));
    assertThrows(NullPointerException.class, () -> map.containsKey((CharSequence) null));
    assertThrows(NullPointerException.class, () -> map.getOrDefault((CharSequence) null, 0L));
    assertThrows(
        NullPointerException.class, () -> map.findOrInsert((CharSequence) null, this::valueFor));
    assertThrows(
        NullPointerException.class,
        () -> map.findOrInsert(new StringBuilder("x"), (NameHandleHashMap.ValueFactory) null));
    assertEquals(0, map.size());
  }

  @Test
  void aFactoryThatThrowsLeavesNoEntryAndTheNameCanBeInternedLater() {
    CountingNameHandleHashMap map = new CountingNameHandleHashMap();
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                map.findOrInsert(
                    new StringBuilder("x"),
                    key -> {
                      throw new IllegalStateException("no value for " + key);
                    }));
    assertEquals("no value for x", thrown.getMessage());
    assertEquals(0, map.size());
    assertEquals(Handles.NONE, map.find(new StringBuilder("x")));
    long h = map.findOrInsert(new StringBuilder("x"), this::valueFor);
    assertEquals(h, map.find("x"));
    assertEquals(2, CountingCharSequenceKeys.toKeyCalls(), "a key made for each miss");
  }

  /**
   * A probe is user code too: one whose {@code charAt} calls back into the map it is looked up
   * in is refused, with assertions on, as a re-entering {@code hashCode} or {@code equals} is.
   */
  @Test
  void aProbeThatReentersTheMapIsRefused() {
    NameHandleHashMap map = new NameHandleHashMap();
    map.insert("x", 1L);
    CharSequence reentering =
        new CharSequence() {
          @Override
          public int length() {
            return 1;
          }

          @Override
          public char charAt(int index) {
            map.find("x");
            return 'x';
          }

          @Override
          public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
          }

          @Override
          public String toString() {
            return "x";
          }
        };
    assertThrows(
        dev.rchashmap.runtime.ReentrancyException.class, () -> map.find(reentering));
    assertThrows(
        dev.rchashmap.runtime.ReentrancyException.class,
        () -> map.findOrInsert(reentering, this::valueFor));
    assertEquals(1, map.size());
    assertEquals(1L, map.getOrDefault(new StringBuilder("x"), -1L), "the map still works");
  }

  // ---------------------------------------------------------------------------------------------
  // CountedHashMap

  @ParameterizedTest
  @EnumSource(Probe.class)
  void countedFindAddsACountAndTheLookupsDoNot(Probe kind) {
    List<String> removed = new ArrayList<>();
    CountingNameCountedHashMap map =
        CountingNameCountedHashMap.builder()
            .removalListener((key, value) -> removed.add(key + "=" + value))
            .build();
    long h = map.insert("x", 10L);
    assertEquals(h, map.find(kind.of("x")));
    assertEquals(2, map.refCount(h), "find(probe) adds a count");
    assertTrue(map.containsKey(kind.of("x")));
    assertEquals(10L, map.getOrDefault(kind.of("x"), -1L));
    assertEquals(2, map.refCount(h), "containsKey and getOrDefault by probe add none");
    assertEquals(h, map.findOrInsert(kind.of("x"), this::valueFor));
    assertEquals(3, map.refCount(h), "findOrInsert(probe) of a present key adds a count");
    assertEquals(Handles.NONE, map.find(kind.of("y")));
    assertEquals(0, CountingCharSequenceKeys.toKeyCalls());
    assertEquals(List.of(), factoryCalls);

    assertFalse(map.release(h));
    assertFalse(map.release(h));
    assertTrue(map.release(h));
    assertEquals(List.of("x=10"), removed);
    assertEquals(Handles.NONE, map.find(kind.of("x")));
    assertFalse(map.containsKey(kind.of("x")));
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void countedFindOrInsertOfANewNameInsertsWithCountOne(Probe kind) {
    List<String> removed = new ArrayList<>();
    CountingNameCountedHashMap map =
        CountingNameCountedHashMap.builder()
            .removalListener((key, value) -> removed.add(key + "=" + value))
            .build();
    long h = map.findOrInsert(kind.of("lambda"), this::valueFor);
    assertEquals(1, map.refCount(h));
    assertEquals(1, CountingCharSequenceKeys.toKeyCalls());
    assertEquals(List.of("lambda"), factoryCalls);
    assertEquals(h, map.findOrInsert(kind.of("lambda"), this::valueFor));
    assertEquals(2, map.refCount(h));
    assertEquals(1, CountingCharSequenceKeys.toKeyCalls());
    assertEquals(1, factoryCalls.size());
    map.release(h);
    assertTrue(map.release(h));
    assertEquals(List.of("lambda=60"), removed, "the listener receives the made key");
    assertThrows(StaleHandleException.class, () -> map.refCount(h));
  }

  @Test
  void countedCollidingNamesKeepTheirOwnCounts() {
    NameCountedHashMap map = new NameCountedHashMap();
    Probe.Reader reader = Probe.Reader.CURRENT.get();
    List<Long> handles = new ArrayList<>();
    for (String name : COLLIDING) {
      handles.add(map.findOrInsert(reader.probe(name), this::valueFor));
    }
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i <= round && i < COLLIDING.size(); i++) {
        assertEquals(handles.get(i), map.find(reader.probe(COLLIDING.get(i))));
      }
    }
    assertEquals(4, map.refCount(handles.get(0)));
    assertEquals(3, map.refCount(handles.get(1)));
    assertEquals(2, map.refCount(handles.get(2)));
    assertEquals(1, map.refCount(handles.get(3)));
  }

  // ---------------------------------------------------------------------------------------------
  // RcHashMap

  @ParameterizedTest
  @EnumSource(Probe.class)
  void rcFindMakesARefAndFindOrInsertInterns(Probe kind) {
    List<String> removed = new ArrayList<>();
    CountingNameRcHashMap map =
        CountingNameRcHashMap.builder()
            .removalListener((key, value) -> removed.add(key + "=" + value))
            .build();
    assertNull(map.find(kind.of("x")), "no Ref for an absent name");
    CountingNameRcHashMap.Ref interned = map.findOrInsert(kind.of("x"), this::valueFor);
    assertEquals(1, interned.refCount());
    assertEquals("x", interned.key());
    assertEquals(1, CountingCharSequenceKeys.toKeyCalls());
    assertEquals(List.of("x"), factoryCalls);

    CountingNameRcHashMap.Ref found = map.find(kind.of("x"));
    assertNotNull(found);
    assertTrue(found.sameEntry(interned));
    assertEquals(2, interned.refCount(), "find(probe) makes a Ref, one count");
    CountingNameRcHashMap.Ref again = map.findOrInsert(kind.of("x"), this::valueFor);
    assertTrue(again.sameEntry(interned));
    assertEquals(3, interned.refCount());
    assertEquals(1, CountingCharSequenceKeys.toKeyCalls(), "no toKey on a hit");
    assertEquals(1, factoryCalls.size(), "no factory call on a hit");
    assertTrue(map.containsKey(kind.of("x")));
    assertEquals(10L, map.getOrDefault(kind.of("x"), -1L));
    assertEquals(3, interned.refCount(), "containsKey and getOrDefault make no Ref");

    found.close();
    again.close();
    assertEquals(List.of(), removed);
    interned.close();
    assertEquals(List.of("x=10"), removed);
    assertFalse(map.containsKey(kind.of("x")));
    assertNull(map.find(kind.of("x")));
    map.close();
  }

  @ParameterizedTest
  @EnumSource(Probe.class)
  void rcLookupsByProbeWorkOnAClosedMapButFindingThrows(Probe kind) {
    NameRcHashMap map = new NameRcHashMap();
    NameRcHashMap.Ref ref = map.findOrInsert(kind.of("kept"), this::valueFor);
    map.close();
    assertTrue(map.containsKey(kind.of("kept")));
    assertEquals(40L, map.getOrDefault(kind.of("kept"), -1L));
    assertFalse(map.containsKey(kind.of("other")));
    assertThrows(MapClosedException.class, () -> map.find(kind.of("kept")));
    assertThrows(MapClosedException.class, () -> map.findOrInsert(kind.of("kept"), this::valueFor));
    assertThrows(MapClosedException.class, () -> map.findOrInsert(kind.of("new"), this::valueFor));
    assertEquals(List.of("kept"), factoryCalls);
    assertEquals(1, ref.refCount());
    ref.close();
    assertEquals(0, map.size());
  }

  @Test
  void rcCollidingNamesAreInternedApart() {
    try (NameRcHashMap map = new NameRcHashMap()) {
      List<NameRcHashMap.Ref> refs = new ArrayList<>();
      for (String name : COLLIDING) {
        refs.add(map.findOrInsert(new StringBuilder(name), this::valueFor));
        refs.add(map.findOrInsert(Probe.CHAR_BUFFER.of(name), this::valueFor));
      }
      assertEquals(COLLIDING.size(), map.size());
      for (int i = 0; i < COLLIDING.size(); i++) {
        assertTrue(refs.get(2 * i).sameEntry(refs.get(2 * i + 1)));
        assertEquals(COLLIDING.get(i), refs.get(2 * i).key());
        assertEquals(2, refs.get(2 * i).refCount());
      }
      refs.forEach(NameRcHashMap.Ref::close);
      assertEquals(0, map.size());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // WeakHandleHashMap

  @ParameterizedTest
  @EnumSource(Probe.class)
  void weakFindOrInsertFindsByEveryProbeWhileTheKeyIsHeld(Probe kind) {
    CountingNameWeakHandleHashMap map = new CountingNameWeakHandleHashMap();
    long h = map.findOrInsert(kind.of("held"), this::valueFor);
    String key = map.key(h); // held strongly from here on
    assertEquals("held", key);
    assertEquals(1, CountingCharSequenceKeys.toKeyCalls());
    System.gc();
    for (Probe other : Probe.values()) {
      assertEquals(h, map.find(other.of("held")), other.name());
      assertEquals(h, map.findOrInsert(other.of("held"), this::valueFor), other.name());
      assertTrue(map.containsKey(other.of("held")), other.name());
      assertEquals(40L, map.getOrDefault(other.of("held"), -1L), other.name());
    }
    assertEquals(1, CountingCharSequenceKeys.toKeyCalls(), "no toKey on a hit");
    assertEquals(List.of("held"), factoryCalls);
    assertTrue(map.remove(h));
    assertEquals(Handles.NONE, map.find(kind.of("held")));
    assertSame(key, key); // keep it reachable to here
  }

  @Test
  void aWeakKeyMadeFromAProbeLeavesWhenNothingElseHoldsIt() throws InterruptedException {
    NameWeakHandleHashMap map = NameWeakHandleHashMap.builder().weakness(Weakness.KEY).build();
    String kept = map.key(map.findOrInsert(new StringBuilder("kept"), this::valueFor));
    long dropped = insertDroppingTheKey(map, "dropped");
    // A cleared key reads as absent at once; its entry leaves (and size() drops) once the
    // collector has queued the reference and the map drains its queue.
    for (int i = 0; i < 200 && map.size() > 1; i++) {
      System.gc();
      Thread.sleep(10);
      map.expungeStaleEntries();
    }
    assertEquals(1, map.size(), "the collected key's entry left");
    assertFalse(map.containsKey(new StringBuilder("dropped")));
    assertEquals(Handles.NONE, map.find(Probe.CHAR_BUFFER.of("dropped")));
    assertFalse(map.contains(dropped));
    assertEquals(kept, map.key(map.find(Probe.CHAR_BUFFER.of("kept"))));
    // The name can be interned again: a new key, a new handle.
    long again = map.findOrInsert(new StringBuilder("dropped"), this::valueFor);
    assertNotEquals(dropped, again);
    assertEquals(2, map.size());
  }

  /** Interns {@code name} from a fresh probe; the key the map made escapes nowhere. */
  private long insertDroppingTheKey(NameWeakHandleHashMap map, String name) {
    return map.findOrInsert(new StringBuilder(name), key -> 1L);
  }
}
