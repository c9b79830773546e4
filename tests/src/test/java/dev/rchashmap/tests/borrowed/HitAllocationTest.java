package dev.rchashmap.tests.borrowed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rchashmap.runtime.Handles;
import java.lang.management.ManagementFactory;
import java.nio.CharBuffer;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * A hit by a borrowed form allocates nothing (SPEC 7.5): lookups and interning hits by a reused
 * {@code CharBuffer} over a reader's buffer, measured with the JVM's per-thread allocation
 * counter ({@code com.sun.management.ThreadMXBean}), in whatever mode the JIT has the code in.
 * The peer, {@code new String} per lookup, allocates at least a {@code String} per name: the
 * measurement sees allocation when there is some.
 */
class HitAllocationTest {

  private static final int NAMES = 1000;
  private static final int ROUNDS = 20;

  /** Bytes allowed per whole measured run, for the measuring itself; a String is 40 or more. */
  private static final long SLACK = 2048;

  private static final com.sun.management.ThreadMXBean THREADS =
      ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean
          ? (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()
          : null;

  /** The names, back to back in one buffer, as a reader holds them. */
  private final char[] text;

  private final int[] starts = new int[NAMES];
  private final CharBuffer probe;

  HitAllocationTest() {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < NAMES; i++) {
      starts[i] = names.length();
      names.append(name(i));
    }
    text = names.toString().toCharArray();
    probe = CharBuffer.wrap(text);
  }

  private static String name(int i) {
    return String.format("sym%05d", i);
  }

  private CharBuffer probe(int i) {
    return probe.limit(starts[i] + 8).position(starts[i]);
  }

  /** Bytes {@code run} allocated in this thread, after it ran twice unmeasured. */
  private static long allocatedBy(LongSupplier run) {
    assumeTrue(THREADS != null && THREADS.isThreadAllocatedMemorySupported());
    THREADS.setThreadAllocatedMemoryEnabled(true);
    long sink = run.getAsLong() + run.getAsLong();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    sink += run.getAsLong();
    long after = THREADS.getCurrentThreadAllocatedBytes();
    assertTrue(sink != 42, "keeps the results alive");
    return after - before;
  }

  @Test
  void handleFindHitsAllocateNothing() {
    NameHandleHashMap map = new NameHandleHashMap();
    for (int i = 0; i < NAMES; i++) {
      map.insert(name(i), i);
    }
    long bytes =
        allocatedBy(
            () -> {
              long sum = 0;
              for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < NAMES; i++) {
                  long h = map.find(probe(i));
                  sum += h == Handles.NONE ? -1_000_000 : map.value(h);
                  sum += map.containsKey(probe(i)) ? 1 : 0;
                  sum += map.getOrDefault(probe(i), -1L);
                }
              }
              return sum;
            });
    assertTrue(bytes < SLACK, () -> bytes + " bytes for " + ROUNDS * NAMES * 3 + " hits");
  }

  @Test
  void handleFindOrInsertHitsAllocateNothing() {
    NameHandleHashMap map = new NameHandleHashMap();
    NameHandleHashMap.ValueFactory factory = key -> -1L;
    for (int i = 0; i < NAMES; i++) {
      map.insert(name(i), i);
    }
    long bytes =
        allocatedBy(
            () -> {
              long sum = 0;
              for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < NAMES; i++) {
                  sum += map.value(map.findOrInsert(probe(i), factory));
                }
              }
              return sum;
            });
    assertEquals(NAMES, map.size());
    assertTrue(bytes < SLACK, () -> bytes + " bytes for " + ROUNDS * NAMES + " hits");
  }

  @Test
  void countedFindOrInsertAndReleaseHitsAllocateNothing() {
    NameCountedHashMap map = new NameCountedHashMap();
    NameCountedHashMap.ValueFactory factory = key -> -1L;
    for (int i = 0; i < NAMES; i++) {
      map.insert(name(i), i);
    }
    long bytes =
        allocatedBy(
            () -> {
              long sum = 0;
              for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < NAMES; i++) {
                  long h = map.findOrInsert(probe(i), factory);
                  sum += map.value(h);
                  map.release(h);
                  h = map.find(probe(i));
                  sum += map.refCount(h);
                  map.release(h);
                }
              }
              return sum;
            });
    assertEquals(NAMES, map.size());
    assertTrue(bytes < SLACK, () -> bytes + " bytes for " + ROUNDS * NAMES * 2 + " hits");
  }

  @Test
  void weakFindHitsAllocateNothing() {
    NameWeakHandleHashMap map = new NameWeakHandleHashMap();
    String[] keys = new String[NAMES]; // held strongly
    for (int i = 0; i < NAMES; i++) {
      keys[i] = name(i);
      map.insert(keys[i], i);
    }
    long bytes =
        allocatedBy(
            () -> {
              long sum = 0;
              for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < NAMES; i++) {
                  sum += map.value(map.find(probe(i)));
                }
              }
              return sum;
            });
    assertEquals(NAMES, map.size());
    assertEquals(NAMES, keys.length);
    assertTrue(bytes < SLACK, () -> bytes + " bytes for " + ROUNDS * NAMES + " hits");
  }

  @Test
  void uuidHitsByTextAllocateNothing() {
    UuidHandleHashMap map = new UuidHandleHashMap();
    StringBuilder texts = new StringBuilder();
    for (int i = 0; i < NAMES; i++) {
      UUID id = new UUID(i * 0x9E37_79B9_7F4A_7C15L, ~i);
      map.insert(id, i);
      texts.append(id);
    }
    CharBuffer uuidProbe = CharBuffer.wrap(texts);
    long bytes =
        allocatedBy(
            () -> {
              long sum = 0;
              for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < NAMES; i++) {
                  uuidProbe.limit(36 * i + 36).position(36 * i);
                  sum += map.value(map.find(uuidProbe));
                }
              }
              return sum;
            });
    assertTrue(bytes < SLACK, () -> bytes + " bytes for " + ROUNDS * NAMES + " hits");
  }

  /** The measurement itself: {@code HashMap.get(new String(...))} allocates per lookup. */
  @Test
  void theMeasurementSeesTheAllocationOfAStringPerLookup() {
    java.util.HashMap<String, Long> map = new java.util.HashMap<>();
    for (int i = 0; i < NAMES; i++) {
      map.put(name(i), (long) i);
    }
    long bytes =
        allocatedBy(
            () -> {
              long sum = 0;
              for (int i = 0; i < NAMES; i++) {
                sum += map.get(new String(text, starts[i], 8));
              }
              return sum;
            });
    assertTrue(bytes >= 24L * NAMES, () -> bytes + " bytes for " + NAMES + " lookups");
  }
}
