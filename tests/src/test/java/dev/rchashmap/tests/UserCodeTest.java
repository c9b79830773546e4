package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Equivalence;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.ReentrancyException;
import dev.rchashmap.tests.TrapKey.UserCodeFailure;
import dev.rchashmap.tests.maps.CollidingStringLongHandleHashMap;
import dev.rchashmap.tests.maps.ObjIntHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * User {@code hashCode}/{@code equals} code running inside the map: re-entering the same map
 * throws {@link ReentrancyException} (assertions are on in tests), an exception from it leaves the
 * map unchanged, and either way the map stays usable (seed: "reentrancy guard ... nested entry
 * during critical sections panics", "exceptions from user code leave the map consistent").
 */
class UserCodeTest {

  private ObjIntHandleHashMap<TrapKey> map;
  private TrapKey stored;
  private long storedHandle;
  private TrapKey bystander;
  private long bystanderHandle;

  @BeforeEach
  void fillMap() {
    assertTrue(assertionsEnabled(), "these tests need -ea");
    map = new ObjIntHandleHashMap<>();
    stored = TrapKey.named("stored");
    storedHandle = map.insert(stored, 1);
    bystander = TrapKey.named("bystander");
    bystanderHandle = map.insert(bystander, 2);
  }

  @Test
  void findFromEqualsDuringFindIsRejected() {
    TrapKey probe = equalsTrap(() -> map.find(TrapKey.named("bystander")));

    assertThrows(ReentrancyException.class, () -> map.find(probe));

    assertEqualsRan(probe);
    assertMapUnchangedAndUsable();
  }

  @Test
  void insertFromEqualsDuringFindIsRejected() {
    TrapKey probe = equalsTrap(() -> map.insert(TrapKey.named("intruder"), 9));

    assertThrows(ReentrancyException.class, () -> map.find(probe));

    assertMapUnchangedAndUsable();
    assertFalse(map.containsKey(TrapKey.named("intruder")), "the nested insert did not happen");
  }

  @Test
  void insertFromEqualsDuringInsertIsRejected() {
    TrapKey probe = equalsTrap(() -> map.insert(TrapKey.named("intruder"), 9));

    assertThrows(ReentrancyException.class, () -> map.insert(probe, 3));

    assertMapUnchangedAndUsable();
    assertFalse(map.containsKey(TrapKey.named("intruder")));
  }

  @Test
  void findFromEqualsDuringTryInsertIsRejected() {
    TrapKey probe = equalsTrap(() -> map.find(TrapKey.named("bystander")));

    assertThrows(ReentrancyException.class, () -> map.tryInsert(probe, 3));

    assertMapUnchangedAndUsable();
  }

  @Test
  void removeFromEqualsDuringContainsKeyIsRejected() {
    TrapKey probe = equalsTrap(() -> map.remove(bystanderHandle));

    assertThrows(ReentrancyException.class, () -> map.containsKey(probe));

    assertMapUnchangedAndUsable();
    assertTrue(map.contains(bystanderHandle), "the nested remove did not happen");
  }

  @Test
  void removeFromEqualsDuringInsertIsRejected() {
    TrapKey probe = equalsTrap(() -> map.remove(bystanderHandle));

    assertThrows(ReentrancyException.class, () -> map.insert(probe, 3));

    assertMapUnchangedAndUsable();
  }

  @Test
  void clearFromEqualsDuringFindIsRejected() {
    TrapKey probe = equalsTrap(() -> map.clear());

    assertThrows(ReentrancyException.class, () -> map.find(probe));

    assertMapUnchangedAndUsable();
  }

  @Test
  void findFromHashCodeIsRejected() {
    TrapKey probe = TrapKey.named("stored");
    probe.beforeHashCode(() -> map.find(TrapKey.named("bystander")));

    assertThrows(ReentrancyException.class, () -> map.find(probe));

    assertMapUnchangedAndUsable();
  }

  @Test
  void insertFromHashCodeDuringInsertIsRejected() {
    TrapKey newcomer = TrapKey.named("newcomer");
    newcomer.beforeHashCode(() -> map.insert(TrapKey.named("intruder"), 9));

    assertThrows(ReentrancyException.class, () -> map.insert(newcomer, 3));

    assertFalse(map.containsKey(TrapKey.named("intruder")));
    assertFalse(map.containsKey(TrapKey.named("newcomer")));
    assertMapUnchangedAndUsable();
  }

  @Test
  void hashCodeThrowingDuringInsertPropagatesAndChangesNothing() {
    UserCodeFailure failure = new UserCodeFailure("hashCode failed");
    TrapKey newcomer = TrapKey.named("newcomer").throwingFromHashCode(failure);

    assertSame(failure, assertThrows(UserCodeFailure.class, () -> map.insert(newcomer, 3)));
    assertSame(failure, assertThrows(UserCodeFailure.class, () -> map.tryInsert(newcomer, 3)));
    assertSame(
        failure, assertThrows(UserCodeFailure.class, () -> map.insertWith(newcomer, k -> 3)));

    newcomer.disarm();
    assertFalse(map.containsKey(newcomer));
    assertMapUnchangedAndUsable();
  }

  @Test
  void hashCodeThrowingDuringLookupPropagatesAndChangesNothing() {
    UserCodeFailure failure = new UserCodeFailure("hashCode failed");
    TrapKey probe = TrapKey.named("stored").throwingFromHashCode(failure);

    assertSame(failure, assertThrows(UserCodeFailure.class, () -> map.find(probe)));
    assertSame(failure, assertThrows(UserCodeFailure.class, () -> map.containsKey(probe)));
    assertSame(failure, assertThrows(UserCodeFailure.class, () -> map.getOrDefault(probe, 0)));

    assertMapUnchangedAndUsable();
  }

  @Test
  void equalsThrowingDuringInsertProbePropagatesAndChangesNothing() {
    UserCodeFailure failure = new UserCodeFailure("equals failed");
    TrapKey probe = TrapKey.named("stored").throwingFromEquals(failure);
    stored.throwingFromEquals(failure);

    assertSame(failure, assertThrows(UserCodeFailure.class, () -> map.insert(probe, 3)));
    assertSame(failure, assertThrows(UserCodeFailure.class, () -> map.tryInsert(probe, 3)));
    assertSame(
        failure, assertThrows(UserCodeFailure.class, () -> map.insertWith(probe, k -> 3)));

    stored.disarm();
    assertMapUnchangedAndUsable();
  }

  @Test
  void equalsThrowingDuringFindPropagatesAndChangesNothing() {
    UserCodeFailure failure = new UserCodeFailure("equals failed");
    TrapKey probe = TrapKey.named("stored").throwingFromEquals(failure);
    stored.throwingFromEquals(failure);

    assertSame(failure, assertThrows(UserCodeFailure.class, () -> map.find(probe)));

    stored.disarm();
    assertMapUnchangedAndUsable();
  }

  /**
   * A factory that changes the map makes {@code insertWith} probe again; user equality code
   * running in that second probe is guarded like any other.
   */
  @Test
  void equalsThrowingInTheProbeAfterAFactoryThatChangedTheMapLeavesOnlyTheFactorysChanges() {
    TrapKey aa = TrapKey.named("Aa");
    TrapKey bb = TrapKey.named("BB");
    assertEquals(aa.hashCode(), bb.hashCode(), "precondition: colliding names");
    long aaHandle = map.insert(aa, 10);
    UserCodeFailure failure = new UserCodeFailure("equals failed after the factory");
    long[] factoryInsert = new long[1];

    UserCodeFailure thrown =
        assertThrows(
            UserCodeFailure.class,
            () ->
                map.insertWith(
                    bb,
                    key -> {
                      factoryInsert[0] = map.insert(TrapKey.named("from factory"), 30);
                      aa.throwingFromEquals(failure);
                      bb.throwingFromEquals(failure);
                      return 20;
                    }));

    assertSame(failure, thrown);
    aa.disarm();
    bb.disarm();
    assertEquals(4, map.size(), "the factory's own insert stays, the outer one did not happen");
    assertFalse(map.containsKey(bb));
    assertEquals(aaHandle, map.find(TrapKey.named("Aa")));
    assertEquals(30, map.value(factoryInsert[0]));
    map.remove(aaHandle);
    map.remove(factoryInsert[0]);
    assertMapUnchangedAndUsable();
  }

  @Test
  void reentryFromEqualsInTheProbeAfterAFactoryThatChangedTheMapIsRejected() {
    TrapKey aa = TrapKey.named("Aa");
    TrapKey bb = TrapKey.named("BB");
    long aaHandle = map.insert(aa, 10);
    Runnable reenter = () -> map.find(TrapKey.named("bystander"));
    long[] factoryInsert = new long[1];

    assertThrows(
        ReentrancyException.class,
        () ->
            map.insertWith(
                bb,
                key -> {
                  factoryInsert[0] = map.insert(TrapKey.named("from factory"), 30);
                  aa.beforeEquals(reenter);
                  bb.beforeEquals(reenter);
                  return 20;
                }));

    aa.disarm();
    bb.disarm();
    assertFalse(map.containsKey(bb));
    map.remove(aaHandle);
    map.remove(factoryInsert[0]);
    assertMapUnchangedAndUsable();
  }

  @Test
  void equivalenceReenteringTheMapIsRejected() {
    HookedEquivalence equivalence = new HookedEquivalence();
    StringIntHandleHashMap strings =
        StringIntHandleHashMap.builder().equivalence(equivalence).build();
    long one = strings.insert("one", 1);
    equivalence.beforeEquivalent = () -> strings.insert("two", 2);

    assertThrows(ReentrancyException.class, () -> strings.find("one"));

    equivalence.beforeEquivalent = () -> {};
    assertEquals(1, strings.size());
    assertEquals(one, strings.find("one"));
    assertFalse(strings.containsKey("two"));
  }

  @Test
  void equivalenceHashThrowingChangesNothing() {
    HookedEquivalence equivalence = new HookedEquivalence();
    StringIntHandleHashMap strings =
        StringIntHandleHashMap.builder().equivalence(equivalence).build();
    long one = strings.insert("one", 1);
    UserCodeFailure failure = new UserCodeFailure("hash failed");
    equivalence.beforeHash =
        () -> {
          throw failure;
        };

    assertSame(failure, assertThrows(UserCodeFailure.class, () -> strings.insert("two", 2)));
    assertSame(failure, assertThrows(UserCodeFailure.class, () -> strings.find("one")));

    equivalence.beforeHash = () -> {};
    assertEquals(1, strings.size());
    assertEquals(one, strings.find("one"));
    assertEquals(Handles.NONE, strings.find("two"));
    strings.insert("two", 2);
    assertEquals(2, strings.size());
  }

  @Test
  void insertWithFactoryMayUseTheMap() {
    long outer =
        map.insertWith(
            TrapKey.named("outer"),
            key -> {
              map.find(stored);
              map.insert(TrapKey.named("inner"), 5);
              return 4;
            });

    assertEquals(4, map.size());
    assertEquals(4, map.value(outer));
    assertEquals(5, map.getOrDefault(TrapKey.named("inner"), 0));
  }

  @Test
  void nullKeysAreRejectedAndChangeNothing() {
    ObjIntHandleHashMap<String> strings = new ObjIntHandleHashMap<>();
    long handle = strings.insert("present", 1);

    assertNullRejected(
        () -> strings.insert(null, 1),
        () -> strings.tryInsert(null, 1),
        () -> strings.insertWith(null, key -> 1),
        () -> strings.find(null),
        () -> strings.containsKey(null),
        () -> strings.getOrDefault(null, 0));

    assertEquals(1, strings.size());
    assertEquals(handle, strings.find("present"));
  }

  @Test
  void nullKeysOfConcreteKeyClassesAreRejected() {
    StringIntHandleHashMap strings = new StringIntHandleHashMap();
    strings.insert("present", 1);

    assertNullRejected(
        () -> strings.insert(null, 1),
        () -> strings.tryInsert(null, 1),
        () -> strings.insertWith(null, key -> 1),
        () -> strings.find(null),
        () -> strings.containsKey(null),
        () -> strings.getOrDefault(null, 0));

    assertEquals(1, strings.size());
  }

  @Test
  void nullKeysNeverReachACustomEquivalence() {
    CollidingStringLongHandleHashMap strings = new CollidingStringLongHandleHashMap();
    strings.insert("present", 1L);

    assertNullRejected(
        () -> strings.insert(null, 1L),
        () -> strings.tryInsert(null, 1L),
        () -> strings.find(null),
        () -> strings.containsKey(null));

    assertEquals(1, strings.size());
  }

  @Test
  void factoryIsNotCalledForANullKey() {
    ObjIntHandleHashMap<String> strings = new ObjIntHandleHashMap<>();
    int[] calls = {0};

    assertThrows(
        NullPointerException.class,
        () ->
            strings.insertWith(
                null,
                key -> {
                  calls[0]++;
                  return 1;
                }));

    assertEquals(0, calls[0]);
    assertTrue(strings.isEmpty());
  }

  /**
   * A key equal to {@code stored} whose {@code equals} runs {@code action}; {@code stored}'s own
   * {@code equals} runs it too, as the map may call either side.
   */
  private TrapKey equalsTrap(Runnable action) {
    stored.beforeEquals(action);
    return TrapKey.named("stored").beforeEquals(action);
  }

  private void assertEqualsRan(TrapKey probe) {
    assertTrue(
        stored.equalsCalls() + probe.equalsCalls() > 0, "the probe reached the equality check");
  }

  private void assertMapUnchangedAndUsable() {
    stored.disarm();
    assertEquals(2, map.size());
    assertEquals(storedHandle, map.find(TrapKey.named("stored")));
    assertEquals(bystanderHandle, map.find(TrapKey.named("bystander")));
    assertSame(stored, map.key(storedHandle));
    assertEquals(1, map.value(storedHandle));
    assertEquals(2, map.value(bystanderHandle));

    long added = map.insert(TrapKey.named("after"), 7);
    assertEquals(added, map.find(TrapKey.named("after")));
    assertTrue(map.remove(added));
    assertEquals(Handles.NONE, map.find(TrapKey.named("after")));
    assertEquals(2, map.size());
  }

  private static void assertNullRejected(Executable... calls) {
    for (Executable call : calls) {
      assertThrows(NullPointerException.class, call);
    }
  }

  /** String equality and hash codes, running a hook first. */
  private static final class HookedEquivalence implements Equivalence<String> {
    Runnable beforeHash = () -> {};
    Runnable beforeEquivalent = () -> {};

    @Override
    public int hash(String value) {
      beforeHash.run();
      return value.hashCode();
    }

    @Override
    public boolean equivalent(String a, String b) {
      beforeEquivalent.run();
      return a.equals(b);
    }
  }

  private static boolean assertionsEnabled() {
    boolean enabled = false;
    assert enabled = true;
    return enabled;
  }
}
