package dev.rchashmap.tests.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Equivalence;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.Weakness;
import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

/**
 * Weak keys compared by identity (Lisp's {@code eq}): two equal but distinct keys are two entries,
 * and each lives exactly as long as its own key object. Both ways of asking for identity are
 * covered: the equivalence fixed by the annotation ({@code IdentityObjObjWeakHandleHashMap}) and
 * {@code Equivalence.identity()} given to the builder.
 */
class WeakIdentityTest {

  @Test
  void equalButDistinctKeysAreTwoEntriesAndDroppingOneLeavesTheOther() {
    IdentityObjObjWeakHandleHashMap<Object, Object> map = new IdentityObjObjWeakHandleHashMap<>();
    checkTwoEntries(map::insert, map::find, map::contains, map::expungeStaleEntries, map::size);
  }

  @Test
  void theSameWithIdentityGivenToTheBuilder() {
    ObjObjWeakHandleHashMap<Object, Object> map =
        ObjObjWeakHandleHashMap.<Object, Object>builder()
            .equivalence(Equivalence.identity())
            .weakness(Weakness.KEY)
            .build();
    checkTwoEntries(map::insert, map::find, map::contains, map::expungeStaleEntries, map::size);
  }

  interface Insert {
    long insert(Object key, Object value);
  }

  interface Find {
    long find(Object key);
  }

  interface Contains {
    boolean contains(long handle);
  }

  interface Size {
    int size();
  }

  private static void checkTwoEntries(
      Insert insert, Find find, Contains contains, Runnable expunge, Size size) {
    String[] keys = {new String("symbol"), new String("symbol")};
    long first = insert.insert(keys[0], "first");
    long second = insert.insert(keys[1], "second");
    assertEquals(2, size.size(), "equal but not identical: two entries");
    assertEquals(first, find.find(keys[0]));
    assertEquals(second, find.find(keys[1]));
    assertEquals(Handles.NONE, find.find(new String("symbol")), "a third equal string is no key");
    assertEquals(Handles.NONE, find.find("symbol"), "nor is the interned one");

    keys[0] = null;
    Gc.until("the entry of the dropped key leaves", expunge, () -> size.size() == 1);
    assertFalse(contains.contains(first));
    assertTrue(contains.contains(second), "the equal key's entry stays");
    assertEquals(second, find.find(keys[1]));
    Reference.reachabilityFence(keys);
  }

  /** With the default, natural equivalence the same two keys are one entry. */
  @Test
  void withEqualsTheSameTwoKeysAreOneEntry() {
    ObjObjWeakHandleHashMap<Object, Object> map = new ObjObjWeakHandleHashMap<>();
    String[] keys = {new String("symbol"), new String("symbol")};
    long handle = map.insert(keys[0], "first");
    assertThrows(DuplicateKeyException.class, () -> map.insert(keys[1], "second"));
    assertEquals(handle, map.put(keys[1], "second"), "put keeps the first key and its handle");
    assertEquals(handle, map.find("symbol"));
    Reference.reachabilityFence(keys);
  }

  /** An identity map never calls the keys' own {@code hashCode} or {@code equals}. */
  @Test
  void identityNeverCallsTheKeysMethods() {
    IdentityObjObjWeakHandleHashMap<Object, Object> map = new IdentityObjObjWeakHandleHashMap<>();
    CountingKey[] keys = {new CountingKey(1), new CountingKey(1), new CountingKey(2)};
    for (CountingKey key : keys) {
      map.insert(key, key.id);
    }
    keys[1] = null;
    Gc.until("the entry leaves", map::expungeStaleEntries, () -> map.size() == 2);
    assertEquals(1, map.getOrDefault(keys[0], -1));
    assertEquals(2, map.getOrDefault(keys[2], -1));
    assertEquals(0, CountingKey.calls(keys[0]) + CountingKey.calls(keys[2]));
    Reference.reachabilityFence(keys);
  }
}
