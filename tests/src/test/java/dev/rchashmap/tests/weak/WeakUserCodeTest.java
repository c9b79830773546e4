package dev.rchashmap.tests.weak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Equivalence;
import dev.rchashmap.runtime.Weakness;
import java.lang.ref.Reference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A weak map runs no user code where the collector is involved: not on the collector's or the
 * reference handler's threads (the map keeps no {@code Cleaner} and overrides nothing of its
 * references), and not while it expunges, which finds each collected entry by its slot and stored
 * hash. Both the keys' own methods and an equivalence given to the builder are watched.
 */
class WeakUserCodeTest {

  /** An equivalence that counts its calls and records their threads. */
  static final class CountingEquivalence implements Equivalence<Object> {
    final AtomicInteger calls = new AtomicInteger();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    @Override
    public int hash(Object value) {
      calls.incrementAndGet();
      threads.add(Thread.currentThread());
      return value.hashCode();
    }

    @Override
    public boolean equivalent(Object a, Object b) {
      calls.incrementAndGet();
      threads.add(Thread.currentThread());
      return a.equals(b);
    }
  }

  @ParameterizedTest
  @EnumSource(Weakness.class)
  void userCodeRunsOnlyOnTheCallingThread(Weakness weakness) {
    CountingEquivalence equivalence = new CountingEquivalence();
    ObjObjWeakHandleHashMap<Object, Object> map =
        ObjObjWeakHandleHashMap.<Object, Object>builder()
            .weakness(weakness)
            .equivalence(equivalence)
            .build();
    CountingKey.THREADS.clear();
    int count = 2_000;
    CountingKey[] keys = new CountingKey[count];
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      keys[i] = new CountingKey(i);
      values[i] = new Val(i);
      map.insert(keys[i], values[i]);
    }
    // Drop both sides of every other entry, so that every weakness loses them.
    for (int i = 0; i < count; i += 2) {
      keys[i] = null;
      values[i] = null;
    }
    Gc.until("half the entries leave", () -> {
      map.expungeStaleEntries();
      for (int i = 1; i < count; i += 2) {
        map.find(keys[i]);
      }
    }, () -> map.size() == count / 2);
    Gc.rounds(5, map::expungeStaleEntries);
    assertEquals(count / 2, map.size());
    assertTrue(equivalence.calls.get() > 0, "the equivalence was used");
    assertEquals(Set.of(Thread.currentThread()), equivalence.threads,
        "the equivalence ran on the test thread only");
    assertEquals(Set.of(Thread.currentThread()), CountingKey.THREADS,
        "the keys' hashCode and equals ran on the test thread only");
    Reference.reachabilityFence(keys);
    Reference.reachabilityFence(values);
  }

  /**
   * Expunging finds a collected entry without hashing or comparing anything: no call of the
   * equivalence nor of any surviving key's methods, even in a map whose every key shares one probe
   * cluster, so that taking an entry out shifts the others.
   */
  @ParameterizedTest
  @EnumSource(value = Weakness.class, names = {"KEY", "KEY_AND_VALUE"})
  void expungingCallsNoHashCodeNorEquals(Weakness weakness) {
    CountingEquivalence equivalence = new CountingEquivalence();
    ObjObjWeakHandleHashMap<Object, Object> map =
        ObjObjWeakHandleHashMap.<Object, Object>builder()
            .weakness(weakness)
            .equivalence(equivalence)
            .build();
    CollidingObjObjWeakHandleHashMap<Object, Object> colliding =
        CollidingObjObjWeakHandleHashMap.<Object, Object>builder().weakness(weakness).build();
    int count = 64;
    CountingKey[] keys = new CountingKey[count];
    Object[] values = new Object[count];
    for (int i = 0; i < count; i++) {
      keys[i] = new CountingKey(i);
      values[i] = new Val(i);
      map.insert(keys[i], values[i]);
      colliding.insert(keys[i], values[i]);
    }
    for (int i = 0; i < count; i += 3) {
      keys[i] = null;
    }
    int left = count - (count + 2) / 3;
    for (CountingKey key : keys) {
      if (key != null) {
        CountingKey.reset(key);
      }
    }
    equivalence.calls.set(0);

    Gc.until("the entries of the dropped keys are expunged",
        () -> {
          map.expungeStaleEntries();
          colliding.expungeStaleEntries();
        },
        () -> map.size() == left && colliding.size() == left);

    assertEquals(0, equivalence.calls.get(), "expunging called the equivalence");
    for (CountingKey key : keys) {
      if (key != null) {
        assertEquals(0, CountingKey.calls(key), "expunging called hashCode or equals of " + key);
      }
    }
    // The surviving entries are all still found after the cluster shifted.
    for (int i = 0; i < count; i++) {
      if (keys[i] != null) {
        assertEquals(values[i], colliding.getOrDefault(new CountingKey(i), null));
        assertEquals(values[i], map.getOrDefault(new CountingKey(i), null));
      }
    }
    Reference.reachabilityFence(keys);
    Reference.reachabilityFence(values);
  }

  @Test
  void countingKeysCountWhenTheMapDoesHash() {
    // The counters above can fail: a lookup does call them.
    CountingKey key = new CountingKey(1);
    ObjObjWeakHandleHashMap<Object, Object> map = new ObjObjWeakHandleHashMap<>();
    map.insert(key, "v");
    CountingKey.reset(key);
    map.find(key);
    assertTrue(CountingKey.calls(key) > 0);
  }
}
