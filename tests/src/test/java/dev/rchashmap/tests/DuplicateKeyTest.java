package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.ObjIntHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Keys are unique: {@code insert} and {@code insertWith} throw on a duplicate, {@code tryInsert}
 * returns {@link Handles#NONE}, and in every case the existing entry is untouched (seed: "unique
 * keys enforced", "duplicate insert returns Err and the map is unchanged").
 */
class DuplicateKeyTest {

  private static final int KEY = 123_456_789;

  @Test
  void insertOfDuplicateThrowsAndNamesTheKey() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long existing = map.insert(KEY, 1L);

    DuplicateKeyException e = assertThrows(DuplicateKeyException.class, () -> map.insert(KEY, 2L));

    assertTrue(
        e.getMessage().contains(String.valueOf(KEY)),
        "message should name the key: " + e.getMessage());
    assertUnchanged(map, existing, 1L);
  }

  @Test
  void duplicateKeyExceptionIsAnIllegalArgumentException() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    map.insert(KEY, 1L);

    assertThrows(IllegalArgumentException.class, () -> map.insert(KEY, 2L));
  }

  @Test
  void tryInsertOfDuplicateReturnsNone() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long existing = map.insert(KEY, 1L);

    assertEquals(Handles.NONE, map.tryInsert(KEY, 2L));

    assertUnchanged(map, existing, 1L);
  }

  @Test
  void tryInsertOfNewKeyInserts() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();

    long handle = map.tryInsert(KEY, 5L);

    assertTrue(map.contains(handle));
    assertEquals(handle, map.find(KEY));
    assertEquals(5L, map.value(handle));
  }

  @Test
  void insertWithOfDuplicateThrowsWithoutRunningTheFactory() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long existing = map.insert(KEY, 1L);
    AtomicInteger factoryCalls = new AtomicInteger();

    DuplicateKeyException e =
        assertThrows(
            DuplicateKeyException.class,
            () ->
                map.insertWith(
                    KEY,
                    key -> {
                      factoryCalls.incrementAndGet();
                      return 2L;
                    }));

    assertEquals(0, factoryCalls.get(), "factory must not run for a duplicate");
    assertTrue(e.getMessage().contains(String.valueOf(KEY)), e.getMessage());
    assertUnchanged(map, existing, 1L);
  }

  @Test
  void duplicateAfterSetValueKeepsTheNewValue() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    long existing = map.insert(KEY, 1L);
    map.setValue(existing, 99L);

    assertEquals(Handles.NONE, map.tryInsert(KEY, 2L));
    assertThrows(DuplicateKeyException.class, () -> map.insert(KEY, 3L));

    assertUnchanged(map, existing, 99L);
  }

  @Test
  void keyIsFreeAgainAfterRemoval() {
    IntLongHandleHashMap map = new IntLongHandleHashMap();
    map.remove(map.insert(KEY, 1L));

    long handle = map.insert(KEY, 2L);

    assertEquals(2L, map.value(handle));
    assertEquals(1, map.size());
  }

  @Test
  void duplicateStringKeyMessageNamesTheKey() {
    StringIntHandleHashMap map = new StringIntHandleHashMap();
    long existing = map.insert("pear", 1);

    DuplicateKeyException e =
        assertThrows(DuplicateKeyException.class, () -> map.insert(new String("pear"), 2));

    assertTrue(e.getMessage().contains("pear"), e.getMessage());
    assertEquals(1, map.size());
    assertEquals(existing, map.find("pear"));
    assertEquals(1, map.value(existing));
  }

  @Test
  void duplicateReferenceKeyKeepsTheStoredKeyInstance() {
    ObjIntHandleHashMap<String> map = new ObjIntHandleHashMap<>();
    String stored = new String("k");
    long existing = map.insert(stored, 1);

    assertEquals(Handles.NONE, map.tryInsert(new String("k"), 2));

    assertSame(stored, map.key(existing), "the first key instance stays in the map");
    assertEquals(1, map.value(existing));
    assertEquals(1, map.size());
  }

  private static void assertUnchanged(IntLongHandleHashMap map, long existing, long value) {
    assertEquals(1, map.size());
    assertTrue(map.contains(existing));
    assertEquals(existing, map.find(KEY));
    assertEquals(KEY, map.key(existing));
    assertEquals(value, map.value(existing));
  }
}
