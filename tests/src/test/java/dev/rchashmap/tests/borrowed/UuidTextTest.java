package dev.rchashmap.tests.borrowed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.testkit.Property;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A user-defined borrowed pair: {@link UUID} keys looked up by their 36-character text through
 * {@link UuidText}, whose hash is {@code UUID.hashCode} computed from the hex digits. Checks the
 * equivalence against the JDK (the hash contract, for random UUIDs and edge bit patterns, in
 * either case), that text which is not a canonical UUID denotes no key in any of its three
 * methods, and the maps of every layer using it.
 */
class UuidTextTest {

  private static final UuidText TEXT = new UuidText();

  private final List<UUID> factoryCalls = new ArrayList<>();

  private long valueFor(UUID key) {
    factoryCalls.add(key);
    return key.getLeastSignificantBits();
  }

  @TestFactory
  Stream<DynamicTest> hashMatchesAndToKeyAgreeWithTheJdk() {
    return Property.forAll(
        2000,
        gen -> {
          UUID uuid = new UUID(gen.longs(), gen.longs());
          String lower = uuid.toString();
          String upper = lower.toUpperCase(Locale.ROOT);
          for (CharSequence probe :
              List.of(lower, upper, new StringBuilder(lower), CharBuffer.wrap(upper))) {
            assertEquals(uuid.hashCode(), TEXT.hash(probe), () -> "hash of " + probe);
            assertTrue(TEXT.matches(probe, uuid), () -> "matches " + probe);
            assertEquals(uuid, TEXT.toKey(probe), () -> "toKey " + probe);
          }
          UUID other = new UUID(uuid.getMostSignificantBits(), ~uuid.getLeastSignificantBits());
          assertFalse(TEXT.matches(lower, other));
        });
  }

  @Test
  void textThatIsNotACanonicalUuidDenotesNoKey() {
    UUID one = UUID.fromString("00000001-0002-0003-0004-000000000005");
    List<String> notCanonical =
        List.of(
            "1-2-3-4-5", // UUID.fromString takes it, as the UUID above
            "00000001-0002-0003-0004-00000000005", // 35 characters
            "00000001-0002-0003-0004-0000000000005", // 37
            "00000001+0002-0003-0004-000000000005",
            "0000000100002-0003-0004-000000000005",
            "00000001-0002-0003-0004-00000000000g",
            "\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff11-0002-0003-0004-000000000005", // fullwidth
            "");
    assertEquals(one, UUID.fromString("1-2-3-4-5"), "precondition: the JDK is lenient");
    for (String text : notCanonical) {
      assertFalse(UuidText.isCanonical(text), text);
      assertFalse(TEXT.matches(text, one), text);
      assertThrows(IllegalArgumentException.class, () -> TEXT.toKey(text), text);
    }
    assertTrue(UuidText.isCanonical("00000001-0002-0003-0004-000000000005"));
  }

  @Test
  void edgeBitPatternsHashLikeTheJdk() {
    long[] edges = {0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL, 1L << 32};
    for (long msb : edges) {
      for (long lsb : edges) {
        UUID uuid = new UUID(msb, lsb);
        assertEquals(uuid.hashCode(), TEXT.hash(uuid.toString()), uuid::toString);
        assertTrue(TEXT.matches(uuid.toString().toUpperCase(Locale.ROOT), uuid));
      }
    }
  }

  @Test
  void handleMapFindsUuidsByTheirText() {
    UuidHandleHashMap map = new UuidHandleHashMap();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    long ha = map.insert(a, 1L);
    assertEquals(ha, map.find(a.toString().toUpperCase(Locale.ROOT)));
    assertEquals(ha, map.find(Probe.CHAR_BUFFER.of(a.toString())));
    assertEquals(Handles.NONE, map.find(b.toString()));
    long hb = map.findOrInsert(new StringBuilder(b.toString()), this::valueFor);
    assertEquals(List.of(b), factoryCalls);
    assertEquals(b, map.key(hb));
    assertEquals(hb, map.find(b));
    assertEquals(hb, map.findOrInsert(b.toString(), this::valueFor));
    assertEquals(1, factoryCalls.size());
    assertTrue(map.containsKey(Probe.CHAR_BUFFER.of(b.toString())));
    assertEquals(b.getLeastSignificantBits(), map.getOrDefault(b.toString(), 0L));
    assertEquals(2, map.size());
  }

  @Test
  void findOrInsertOfTextThatIsNoUuidThrowsAndChangesNothing() {
    UuidHandleHashMap map = new UuidHandleHashMap();
    map.insert(UUID.fromString("1-2-3-4-5"), 7L);
    assertEquals(Handles.NONE, map.find("1-2-3-4-5"), "only the canonical text denotes it");
    assertThrows(
        IllegalArgumentException.class, () -> map.findOrInsert("1-2-3-4-5", this::valueFor));
    assertThrows(
        IllegalArgumentException.class, () -> map.findOrInsert("not a uuid", this::valueFor));
    assertEquals(1, map.size());
    assertEquals(List.of(), factoryCalls);
    assertEquals(7L, map.getOrDefault("00000001-0002-0003-0004-000000000005", 0L));
  }

  @Test
  void textThatIsNoUuidChangesNoLayer() {
    UuidCountedHashMap counted = new UuidCountedHashMap();
    assertThrows(IllegalArgumentException.class, () -> counted.findOrInsert("1-2-3-4-5", this::valueFor));
    assertEquals(0, counted.size());
    try (UuidRcHashMap rc = new UuidRcHashMap()) {
      assertThrows(IllegalArgumentException.class, () -> rc.findOrInsert("1-2-3-4-5", this::valueFor));
      assertEquals(0, rc.size());
    }
    UuidWeakHandleHashMap weak = new UuidWeakHandleHashMap();
    assertThrows(IllegalArgumentException.class, () -> weak.findOrInsert("1-2-3-4-5", this::valueFor));
    assertEquals(0, weak.size());
    assertEquals(List.of(), factoryCalls);
  }

  @Test
  void countedMapCountsFindsByText() {
    UuidCountedHashMap map = new UuidCountedHashMap();
    UUID id = UUID.randomUUID();
    long h = map.findOrInsert(id.toString(), this::valueFor);
    assertEquals(h, map.find(new StringBuilder(id.toString())));
    assertEquals(2, map.refCount(h));
    assertTrue(map.containsKey(id.toString()));
    assertEquals(2, map.refCount(h));
    assertFalse(map.release(h));
    assertTrue(map.release(h));
    assertFalse(map.containsKey(id.toString()));
  }

  @Test
  void rcMapInternsByText() {
    try (UuidRcHashMap map = new UuidRcHashMap()) {
      UUID id = UUID.randomUUID();
      assertNull(map.find(id.toString()));
      try (UuidRcHashMap.Ref a = map.findOrInsert(id.toString(), this::valueFor);
          UuidRcHashMap.Ref b = map.findOrInsert(id.toString().toUpperCase(Locale.ROOT), this::valueFor);
          UuidRcHashMap.Ref c = map.find(Probe.CHAR_BUFFER.of(id.toString()))) {
        assertTrue(a.sameEntry(b) && b.sameEntry(c));
        assertEquals(3, a.refCount());
        assertEquals(id, a.key());
        assertEquals(List.of(id), factoryCalls);
      }
      assertEquals(0, map.size());
    }
  }

  @Test
  void weakMapFindsByTextWhileTheUuidIsHeld() {
    UuidWeakHandleHashMap map = new UuidWeakHandleHashMap();
    UUID id = UUID.randomUUID();
    long h = map.insert(id, 3L);
    System.gc();
    assertEquals(h, map.find(id.toString()));
    assertEquals(h, map.findOrInsert(new StringBuilder(id.toString()), this::valueFor));
    assertEquals(3L, map.getOrDefault(id.toString(), 0L));
    assertEquals(List.of(), factoryCalls);
    assertEquals(id, map.key(h));
  }
}
