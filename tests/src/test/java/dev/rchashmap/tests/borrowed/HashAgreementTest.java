package dev.rchashmap.tests.borrowed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Equivalence;
import dev.rchashmap.runtime.Handles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A borrowed equivalence whose hash disagrees with the map's hash of the key is a user bug: its
 * lookups miss keys that are there. With assertions on (as under surefire) each map checks, when
 * it makes a key from a probe, that the probe hashed as the key does, and throws an {@link
 * AssertionError} naming the borrowed equivalence; the map is then unchanged and the factory has
 * not run.
 */
class HashAgreementTest {

  private final List<String> factoryCalls = new ArrayList<>();

  private long valueFor(String key) {
    factoryCalls.add(key);
    return 1L;
  }

  private static void assertCaught(Executable insert, String borrowed) {
    AssertionError error = assertThrows(AssertionError.class, insert);
    assertTrue(
        error.getMessage() != null
            && error.getMessage().contains(borrowed)
            && error.getMessage().contains("hashes a probe otherwise than this map hashes its key"),
        () -> "message: " + error.getMessage());
  }

  @Test
  void assertionsAreOnForTheseTests() {
    assertTrue(MisHashedNameHandleHashMap.class.desiredAssertionStatus());
  }

  @Test
  void handleLayerCatchesADisagreeingHashOnInsert() {
    MisHashedNameHandleHashMap map = new MisHashedNameHandleHashMap();
    assertCaught(
        () -> map.findOrInsert(new StringBuilder("x"), this::valueFor),
        "MisHashedCharSequenceKeys");
    assertEquals(0, map.size());
    assertEquals(List.of(), factoryCalls);
    // What the check prevents: a key inserted by String is not found by its probe.
    map.insert("x", 1L);
    assertEquals(Handles.NONE, map.find(new StringBuilder("x")));
  }

  @Test
  void countedLayerCatchesADisagreeingHashOnInsert() {
    MisHashedNameCountedHashMap map = new MisHashedNameCountedHashMap();
    assertCaught(
        () -> map.findOrInsert(new StringBuilder("x"), this::valueFor),
        "MisHashedCharSequenceKeys");
    assertEquals(0, map.size());
    assertEquals(List.of(), factoryCalls);
  }

  @Test
  void weakLayerCatchesADisagreeingHashOnInsert() {
    MisHashedNameWeakHandleHashMap map = new MisHashedNameWeakHandleHashMap();
    assertCaught(
        () -> map.findOrInsert(new StringBuilder("x"), this::valueFor),
        "MisHashedCharSequenceKeys");
    assertEquals(0, map.size());
    assertEquals(List.of(), factoryCalls);
  }

  @Test
  void rcLayerCatchesADisagreeingHashOnInsert() {
    try (MisHashedNameRcHashMap map = new MisHashedNameRcHashMap()) {
      assertCaught(
          () -> map.findOrInsert(new StringBuilder("x"), this::valueFor).close(),
          "MisHashedCharSequenceKeys");
      assertEquals(0, map.size());
      assertEquals(List.of(), factoryCalls);
    }
  }

  /**
   * The check compares with the map's own hash, which a key equivalence given to the builder
   * decides: {@code CharSequenceKeys} agrees with {@code String.hashCode} only, so with a
   * case-insensitive equivalence it disagrees, and the map says so.
   */
  @Test
  void aKeyEquivalenceFromTheBuilderThatDisagreesIsCaughtToo() {
    Equivalence<String> caseInsensitive =
        new Equivalence<>() {
          @Override
          public int hash(String key) {
            return key.toLowerCase(Locale.ROOT).hashCode();
          }

          @Override
          public boolean equivalent(String a, String b) {
            return a.equalsIgnoreCase(b);
          }
        };
    NameHandleHashMap map = NameHandleHashMap.builder().equivalence(caseInsensitive).build();
    assertCaught(
        () -> map.findOrInsert(new StringBuilder("Car"), this::valueFor), "CharSequenceKeys");
    assertEquals(0, map.size());
    // A probe whose hash happens to agree (all lower case) is accepted.
    long h = map.findOrInsert(new StringBuilder("cdr"), this::valueFor);
    assertEquals("cdr", map.key(h));
  }

  /** The constant-hash pair agrees: every key and probe hash to the same constant. */
  @Test
  void theConstantHashPairAgrees() {
    CollidingNameHandleHashMap map = new CollidingNameHandleHashMap();
    for (String name : CharSequenceProbeTest.COLLIDING) {
      map.findOrInsert(new StringBuilder(name), this::valueFor);
    }
    map.findOrInsert(new StringBuilder("unrelated"), this::valueFor);
    assertEquals(CharSequenceProbeTest.COLLIDING.size() + 1, map.size());
  }
}
