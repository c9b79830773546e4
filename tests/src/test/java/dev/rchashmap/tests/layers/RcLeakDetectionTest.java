package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rchashmap.runtime.LeakDetector;
import dev.rchashmap.runtime.LeakReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The leak detector on {@code RcHashMap.Ref}s: at level {@code PARANOID}, a Ref dropped without
 * {@code close()} is reported with its creation site; closed Refs are never reported. Leaks are
 * found only after a garbage collection, so the tests collect and poll in a bounded loop.
 */
class RcLeakDetectionTest {

  /** How many collect-and-poll rounds a test waits for a report before failing. */
  private static final int MAX_ROUNDS = 200;

  /**
   * The logger the detector reports through ({@code System.Logger} maps onto {@code
   * java.util.logging} here); held strongly so that the handler set below stays attached.
   */
  private static final Logger LEAK_LOGGER = Logger.getLogger("dev.rchashmap.leaks");

  private final List<LeakReport> reports = new CopyOnWriteArrayList<>();
  private final LeakDetector.LeakListener listener = reports::add;
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private LeakDetector.Level previousLevel;
  private boolean previousUseParentHandlers;

  @BeforeEach
  void paranoid() {
    // Reports of earlier tests' objects must not be mistaken for ours.
    System.gc();
    LeakDetector.reportLeaks();
    previousLevel = LeakDetector.level();
    LeakDetector.setLevel(LeakDetector.Level.PARANOID);
    LeakDetector.addListener(listener);
    // Capture the log instead of printing the expected leaks' stack traces into the build output.
    previousUseParentHandlers = LEAK_LOGGER.getUseParentHandlers();
    LEAK_LOGGER.setUseParentHandlers(false);
    LEAK_LOGGER.addHandler(capture);
  }

  @AfterEach
  void restore() {
    LEAK_LOGGER.removeHandler(capture);
    LEAK_LOGGER.setUseParentHandlers(previousUseParentHandlers);
    LeakDetector.removeListener(listener);
    LeakDetector.setLevel(previousLevel);
  }

  /** The reports whose creation site runs through {@code method} of this class. */
  private List<LeakReport> reportsFrom(String method) {
    List<LeakReport> ours = new ArrayList<>();
    for (LeakReport report : reports) {
      Throwable site = report.creationSite();
      if (site != null
          && Arrays.stream(site.getStackTrace())
              .anyMatch(
                  frame ->
                      frame.getClassName().equals(RcLeakDetectionTest.class.getName())
                          && frame.getMethodName().equals(method))) {
        ours.add(report);
      }
    }
    return ours;
  }

  /** Collects garbage and polls the detector until {@code method} has {@code expected} reports. */
  private List<LeakReport> awaitReportsFrom(String method, int expected) throws InterruptedException {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      System.gc();
      LeakDetector.reportLeaks();
      List<LeakReport> ours = reportsFrom(method);
      if (ours.size() >= expected) {
        return ours;
      }
      Thread.sleep(10);
    }
    return fail(
        "expected " + expected + " leak report(s) from " + method + ", got " + reportsFrom(method));
  }

  /** Inserts an entry and drops its Ref without closing it; the Ref is unreachable on return. */
  private static void leakOneRef(IntLongRcHashMap map) {
    map.insert(1, 10L);
  }

  @Test
  void refDroppedWithoutCloseIsReportedWithItsCreationSite() throws InterruptedException {
    IntLongRcHashMap map = new IntLongRcHashMap();
    leakOneRef(map);

    List<LeakReport> ours = awaitReportsFrom("refDroppedWithoutCloseIsReportedWithItsCreationSite", 1);

    assertEquals(1, ours.size());
    LeakReport report = ours.get(0);
    assertTrue(report.description().contains("IntLongRcHashMap.Ref"), report.description());
    Throwable site = report.creationSite();
    assertNotNull(site);
    assertTrue(
        Arrays.stream(site.getStackTrace())
            .anyMatch(frame -> frame.getMethodName().equals("leakOneRef")),
        "the creation site names the method that created the Ref");
    assertTrue(
        Arrays.stream(site.getStackTrace())
            .anyMatch(frame -> frame.getClassName().equals(IntLongRcHashMap.class.getName())
                && frame.getMethodName().equals("insert")),
        "and the map call that made it");
    // The same leak is logged, at the highest level, with the creation site attached.
    assertTrue(
        logged.stream()
            .anyMatch(
                record ->
                    record.getLevel() == Level.SEVERE
                        && record.getMessage().contains("LEAK")
                        && record.getThrown() == site),
        "no SEVERE log record carries the creation site");
    // Reporting never touches the map: the leaked entry is still there, forever.
    assertTrue(map.containsKey(1));
    assertEquals(1, map.size());
  }

  /** Creates Refs in several ways and closes them all, then drops them. */
  private static void useAndCloseRefs(IntLongRcHashMap map) {
    for (int key = 0; key < 50; key++) {
      IntLongRcHashMap.Ref ref = map.insert(key, key);
      IntLongRcHashMap.Ref shared = ref.share();
      IntLongRcHashMap.Ref found = map.find(key);
      IntLongRcHashMap.Ref interned = map.findOrInsert(key, k -> -1L);
      ref.close();
      shared.close();
      found.close();
      interned.close();
    }
    try (IntLongRcHashMap.Ref kept = map.insert(1_000, 0L)) {
      map.refs().forEachRemaining(IntLongRcHashMap.Ref::close);
      IntLongRcHashMap.Cursor cursor = map.cursor();
      while (cursor.next()) {
        cursor.ref().close();
      }
      assertEquals(0L, kept.value());
    }
  }

  @Test
  void closedRefsAreNeverReported() throws InterruptedException {
    IntLongRcHashMap map = new IntLongRcHashMap();
    useAndCloseRefs(map);
    assertTrue(map.isEmpty());
    // A leak made afterwards proves that collections ran and reports got through.
    leakOneRef(map);

    awaitReportsFrom("closedRefsAreNeverReported", 1);
    for (int round = 0; round < 5; round++) {
      System.gc();
      LeakDetector.reportLeaks();
    }

    List<LeakReport> ours = reportsFrom("closedRefsAreNeverReported");
    assertEquals(1, ours.size(), "only the leaked Ref may be reported: " + ours);
    assertTrue(
        Arrays.stream(ours.get(0).creationSite().getStackTrace())
            .anyMatch(frame -> frame.getMethodName().equals("leakOneRef")));
    assertTrue(
        Arrays.stream(ours.get(0).creationSite().getStackTrace())
            .noneMatch(frame -> frame.getMethodName().equals("useAndCloseRefs")));
    map.close();
  }

  /**
   * The same in every Rc specialization the mutation run covers: closing a Ref closes its
   * tracker, whichever way the Ref was made.
   */
  @ParameterizedTest
  @MethodSource("dev.rchashmap.tests.layers.RcRefContractTest#maps")
  <R> void closedRefsOfEverySpecializationAreNeverReported(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<?>> factory)
      throws InterruptedException {
    @SuppressWarnings("unchecked") // each adapter is used with its own Ref type only
    LayerAdapters.Rc<R> map = (LayerAdapters.Rc<R>) factory.apply((key, value) -> {}, () -> {});
    useAndCloseRefs(map);
    assertTrue(map.isEmpty());
    leakOneRef(map);

    String method = "closedRefsOfEverySpecializationAreNeverReported";
    awaitReportsFrom(method, 1);
    for (int round = 0; round < 5; round++) {
      System.gc();
      LeakDetector.reportLeaks();
    }
    List<LeakReport> ours = reportsFrom(method);
    assertEquals(1, ours.size(), "only the leaked Ref may be reported: " + ours);
    assertEquals(map.generated().getClass().getSimpleName() + ".Ref", ours.get(0).description());
    map.close();
  }

  private static <R> void leakOneRef(LayerAdapters.Rc<R> map) {
    map.insert(1, 10L);
  }

  private static <R> void useAndCloseRefs(LayerAdapters.Rc<R> map) {
    for (int key = 0; key < 50; key++) {
      R ref = map.insert(key, key);
      R shared = map.share(ref);
      R found = map.find(key);
      R interned = map.findOrInsert(key, k -> -1L);
      map.close(ref);
      map.close(shared);
      map.close(found);
      map.close(interned);
    }
    R kept = map.insert(1_000, 0L);
    map.refs().forEachRemaining(map::close);
    map.walkCursor(cursor -> map.close(cursor.ref()));
    map.close(kept);
  }
}
