package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Equivalence;
import dev.rchashmap.runtime.ReentrancyException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Edge cases that once broke: a release or {@code Ref.close} refused as re-entry from user
 * equality code must change nothing, and {@code refs()} must skip an entry that left between
 * {@code hasNext()} and {@code next()}.
 */
class RejectedReentryAndLookAheadTest {

  /** A constant-hash equivalence whose {@code equivalent} runs a one-shot hook. */
  private static final class HookedEquivalence implements Equivalence<Object> {
    Runnable hook;

    @Override
    public int hash(Object key) {
      return 1;
    }

    @Override
    public boolean equivalent(Object a, Object b) {
      Runnable once = hook;
      hook = null;
      if (once != null) {
        once.run();
      }
      return a.equals(b);
    }
  }

  /**
   * SPEC 4, "Reentrancy": user equality code that re-enters the same map gets a {@link
   * ReentrancyException}, and the map is unchanged by the rejected call. A release
   * that zeroed the count before the guard refused it would leave a live entry with count 0.
   */
  @Test
  void releaseFromEqualityCodeDuringFindIsRejectedAndChangesNothing() {
    HookedEquivalence equivalence = new HookedEquivalence();
    List<Object> removed = new ArrayList<>();
    ObjObjCountedHashMap<Object, Object> map =
        ObjObjCountedHashMap.<Object, Object>builder()
            .equivalence(equivalence)
            .removalListener((key, value) -> removed.add(key))
            .build();
    long[] handles = new long[10];
    for (int key = 0; key < 10; key++) {
      handles[key] = map.insert(key, key);
    }
    equivalence.hook = () -> map.release(handles[0]);
    assertThrows(ReentrancyException.class, () -> map.find(9));

    assertEquals(10, map.size());
    assertEquals(List.of(), removed);
    for (int key = 0; key < 10; key++) {
      assertEquals(1, map.refCount(handles[key]), "count of key " + key);
      assertEquals(handles[key], map.find(key));
      assertEquals(2, map.refCount(handles[key]));
    }
  }

  /**
   * The same defect seen from the Rc layer: {@code Ref.close()} called from {@code equals}
   * during {@code find} is rejected, but the Ref is already marked closed and its entry keeps
   * count 0 forever: closing every other Ref never removes it, and the map is never disposed.
   */
  @Test
  void refCloseFromEqualsDuringFindIsRejectedAndEverythingCanStillBeReleased() {
    List<String> events = new ArrayList<>();
    ObjObjRcHashMap<ReentrantKey, String> map =
        ObjObjRcHashMap.<ReentrantKey, String>builder()
            .removalListener((key, value) -> events.add("removed " + key.id()))
            .onDispose(() -> events.add("disposed"))
            .build();
    List<ObjObjRcHashMap.Ref<ReentrantKey, String>> refs = new ArrayList<>();
    for (int id = 0; id < 10; id++) {
      refs.add(map.insert(new ReentrantKey(id), "v" + id));
    }
    ReentrantKey query = new ReentrantKey(5);
    query.arm(() -> refs.get(3).close());
    assertThrows(ReentrancyException.class, () -> map.find(query));
    assertEquals(1, query.hookCalls());
    assertEquals(10, map.size());

    map.close();
    refs.forEach(ObjObjRcHashMap.Ref::close);
    assertEquals(0, map.size(), "an entry was stranded: " + events);
    assertEquals(11, events.size());
    assertEquals("disposed", events.get(10));
  }

  /**
   * Iteration policy: an entry removed before it is reached is not visited. {@code refs()}
   * reads ahead in {@code hasNext()}; if the entry it found leaves before {@code next()}, {@code
   * next()} skips it for the next live entry instead of failing on a stale handle.
   */
  @Test
  void refsSkipsAnEntryRemovedBetweenHasNextAndNext() {
    try (IntLongRcHashMap map = new IntLongRcHashMap()) {
      List<IntLongRcHashMap.Ref> originals = new ArrayList<>();
      for (int key = 0; key < 3; key++) {
        originals.add(map.insert(key, key));
      }
      Iterator<IntLongRcHashMap.Ref> it = map.refs();
      Set<Integer> visited = new HashSet<>();
      IntLongRcHashMap.Ref first = it.next();
      visited.add(first.key());
      first.close();
      assertTrue(it.hasNext());
      // Close the last Ref of every entry not yet visited but one: the one hasNext() found may
      // be among them.
      List<Integer> removed = new ArrayList<>();
      for (IntLongRcHashMap.Ref original : originals) {
        if (!visited.contains(original.key()) && removed.isEmpty()) {
          removed.add(original.key());
          original.close();
        }
      }
      while (it.hasNext()) {
        try (IntLongRcHashMap.Ref ref = it.next()) {
          assertTrue(visited.add(ref.key()));
          assertFalse(removed.contains(ref.key()));
        }
      }
      assertEquals(2, visited.size());
      originals.forEach(IntLongRcHashMap.Ref::close);
    }
  }
}
