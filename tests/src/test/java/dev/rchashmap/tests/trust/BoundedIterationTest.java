package dev.rchashmap.tests.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.IntLongRcHashMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Iteration that tolerates removal always ends (SPEC 7.4): it visits at most the slots that
 * existed when it began, so that a consumer that inserts as it goes, each insert taking a slot
 * ahead of the iteration, cannot keep it going. Before, each of these ran forever.
 */
class BoundedIterationTest {
  private static final int ENTRIES = 1_000;
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @Test
  void countedForEachThatInsertsEnds() {
    IntLongCountedHashMap counted = filledCounted();
    int[] visits = {0};

    assertTimeoutPreemptively(
        LIMIT,
        () ->
            counted.forEach(
                (handle, key, value) -> {
                  visits[0]++;
                  counted.insert(key + 1_000_000, value);
                }));

    assertEquals(ENTRIES, visits[0], "only the entries there when it began");
    assertEquals(2 * ENTRIES, counted.size());
  }

  @Test
  void countedCursorThatInsertsEnds() {
    IntLongCountedHashMap counted = filledCounted();
    int visits = assertTimeoutPreemptively(
        LIMIT,
        () -> {
          int seen = 0;
          IntLongCountedHashMap.Cursor cursor = counted.cursor();
          while (cursor.next()) {
            seen++;
            counted.insert(cursor.key() + 1_000_000, cursor.value());
          }
          return seen;
        });
    assertEquals(ENTRIES, visits);
  }

  @Test
  void countedIterationThatReleasesAndInsertsEnds() {
    IntLongCountedHashMap counted = filledCounted();
    int visits = assertTimeoutPreemptively(
        LIMIT,
        () -> {
          int seen = 0;
          IntLongCountedHashMap.Cursor cursor = counted.cursor();
          while (cursor.next()) {
            seen++;
            int key = cursor.key();
            counted.release(cursor.handle());
            counted.insert(key + 1_000_000, key);
          }
          return seen;
        });
    assertTrue(visits >= ENTRIES && visits <= 2 * ENTRIES, visits + " visits");
    assertEquals(ENTRIES, counted.size());
  }

  @Test
  void rcRefsThatInsertsEnds() {
    IntLongRcHashMap map = new IntLongRcHashMap();
    List<IntLongRcHashMap.Ref> held = new ArrayList<>();
    for (int key = 0; key < ENTRIES; key++) {
      held.add(map.insert(key, key));
    }
    int visits = assertTimeoutPreemptively(
        LIMIT,
        () -> {
          int seen = 0;
          for (Iterator<IntLongRcHashMap.Ref> refs = map.refs(); refs.hasNext(); ) {
            try (IntLongRcHashMap.Ref ref = refs.next()) {
              seen++;
              held.add(map.insert(ref.key() + 1_000_000, ref.value()));
            }
          }
          return seen;
        });
    assertEquals(ENTRIES, visits);
    assertEquals(2 * ENTRIES, map.size());
    held.forEach(IntLongRcHashMap.Ref::close);
    assertTrue(map.isEmpty());
    map.close();
  }

  private static IntLongCountedHashMap filledCounted() {
    IntLongCountedHashMap counted = new IntLongCountedHashMap();
    for (int key = 0; key < ENTRIES; key++) {
      counted.insert(key, key);
    }
    return counted;
  }
}
