package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.LeakDetector.LeakListener;
import dev.rchashmap.runtime.LeakDetector.LeakTracker;
import dev.rchashmap.runtime.LeakDetector.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeakDetectorTest {

  /** How many times to collect garbage and poll before giving up on a leak being found. */
  private static final int GC_TRIES = 50;

  /**
   * The logger the detector writes to ({@code System.Logger} maps onto {@code java.util.logging}
   * here); held strongly so that the handler added below stays attached.
   */
  private static final Logger LEAK_LOGGER = Logger.getLogger("dev.rchashmap.leaks");

  private Level savedLevel;
  private final List<LeakListener> added = new ArrayList<>();
  private final List<LeakReport> reports = new CopyOnWriteArrayList<>();
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

  /** A prefix unique to this test, so leftovers of other tests are never counted. */
  private String prefix;

  @BeforeEach
  void setUp() {
    savedLevel = LeakDetector.level();
    prefix = "LeakDetectorTest-" + UUID.randomUUID() + "-";
    listen(reports::add);
    LEAK_LOGGER.addHandler(capture);
  }

  @AfterEach
  void restore() {
    LEAK_LOGGER.removeHandler(capture);
    added.forEach(LeakDetector::removeListener);
    LeakDetector.setLevel(savedLevel);
  }

  private void listen(LeakListener listener) {
    added.add(listener);
    LeakDetector.addListener(listener);
  }

  /** Descriptions of this test's reports, in order. */
  private List<String> reported() {
    return reports.stream()
        .map(LeakReport::description)
        .filter(d -> d.startsWith(prefix))
        .collect(Collectors.toList());
  }

  /** The records logged at {@code level} whose message mentions {@code text}. */
  private List<LogRecord> logged(java.util.logging.Level level, String text) {
    return logged.stream()
        .filter(r -> r.getLevel().equals(level) && r.getMessage().contains(text))
        .collect(Collectors.toList());
  }

  private List<LeakReport> reportsOf(String description) {
    return reports.stream()
        .filter(r -> r.description().equals(description))
        .collect(Collectors.toList());
  }

  /** Collects garbage and reports leaks until {@code done}, at most {@link #GC_TRIES} times. */
  private static boolean gcUntil(BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < GC_TRIES; i++) {
      System.gc();
      LeakDetector.reportLeaks();
      if (done.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** A few more rounds of collection and reporting, to give wrong reports a chance to appear. */
  private static void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(20);
      LeakDetector.reportLeaks();
    }
  }

  /** Tracks a new object and drops it without closing its tracker; false if it wasn't tracked. */
  private static boolean leak(String description) {
    return LeakDetector.track(description) != null;
  }

  @Test
  void paranoidReportsALeakedObjectWithItsCreationSite() throws InterruptedException {
    LeakDetector.setLevel(Level.PARANOID);
    String description = prefix + "leaked";
    assertTrue(leak(description));

    assertTrue(gcUntil(() -> !reportsOf(description).isEmpty()), "the leak was never reported");
    settle();

    assertEquals(List.of(description), reported(), "reported exactly once");
    Throwable site = reportsOf(description).get(0).creationSite();
    assertNotNull(site);
    assertTrue(
        Arrays.stream(site.getStackTrace())
            .anyMatch(
                e ->
                    e.getClassName().equals(LeakDetectorTest.class.getName())
                        && e.getMethodName()
                            .equals("paranoidReportsALeakedObjectWithItsCreationSite")),
        () -> "creation site lacks the test method: " + Arrays.toString(site.getStackTrace()));
    List<LogRecord> records = logged(java.util.logging.Level.SEVERE, description);
    assertEquals(1, records.size(), "logged once, as an error");
    assertTrue(records.get(0).getMessage().startsWith("LEAK: " + description), records::toString);
    assertSame(site, records.get(0).getThrown(), "the log carries the creation site");
  }

  @Test
  void closedObjectsAreNeverReported() throws InterruptedException {
    LeakDetector.setLevel(Level.PARANOID);
    trackAndClose(prefix + "closed", 1000);
    // A leak tracked after them: once it is reported, the closed ones were collected too.
    String sentinel = prefix + "sentinel";
    assertTrue(leak(sentinel));

    assertTrue(gcUntil(() -> !reportsOf(sentinel).isEmpty()), "the sentinel was never reported");
    settle();

    long closed = reported().stream().filter(d -> d.endsWith("-closed")).count();
    assertEquals(0, closed, "closed objects were reported as leaks");
    assertEquals(List.of(sentinel), reported());
  }

  private static void trackAndClose(String description, int count) {
    for (int i = 0; i < count; i++) {
      LeakTracker tracker = LeakDetector.track(description);
      assertNotNull(tracker);
      tracker.close();
      tracker.close(); // idempotent
    }
  }

  @Test
  void disabledTracksNothing() {
    LeakDetector.setLevel(Level.DISABLED);
    assertEquals(Level.DISABLED, LeakDetector.level());
    for (int i = 0; i < 1000; i++) {
      assertNull(LeakDetector.track(prefix + "disabled"));
    }
  }

  @Test
  void sampledTracksSomeButNotAll() {
    LeakDetector.setLevel(Level.SAMPLED);
    List<LeakTracker> trackers = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      LeakTracker tracker = LeakDetector.track(prefix + "sampled");
      if (tracker != null) {
        trackers.add(tracker);
      }
    }
    // About 10 000 / 128 = 78 are expected.
    assertTrue(trackers.size() >= 1 && trackers.size() <= 1000, "tracked " + trackers.size());
    trackers.forEach(LeakTracker::close);
  }

  @Test
  void sampledReportsWithoutACreationSite() throws InterruptedException {
    LeakDetector.setLevel(Level.SAMPLED);
    String description = prefix + "sampled-leak";
    int tries = 0;
    while (!leak(description)) {
      tries++;
      assertTrue(tries < 100_000, "nothing was sampled");
    }

    assertTrue(gcUntil(() -> !reportsOf(description).isEmpty()), "the leak was never reported");

    assertEquals(List.of(description), reported());
    assertNull(reportsOf(description).get(0).creationSite());
    List<LogRecord> records = logged(java.util.logging.Level.SEVERE, description);
    assertEquals(1, records.size(), "logged once, as an error");
    assertNull(records.get(0).getThrown());
    assertTrue(
        records.get(0).getMessage().contains("-Drchashmap.leakDetection=paranoid"),
        "tells how to see the creation site: " + records.get(0).getMessage());
  }

  @Test
  void reportLeaksCountsTheLeaksItReported() throws InterruptedException {
    LeakDetector.setLevel(Level.PARANOID);
    for (int i = 0; i < 3; i++) {
      assertTrue(leak(prefix + "counted-" + i));
    }
    // Leftovers of earlier tests may be reported in the same calls: every report counts.
    int before = reports.size();
    int returned = 0;
    for (int i = 0; i < GC_TRIES && reported().size() < 3; i++) {
      System.gc();
      Thread.sleep(20);
      returned += LeakDetector.reportLeaks();
    }
    assertEquals(3, reported().size(), () -> "reported " + reported());
    assertEquals(reports.size() - before, returned);
  }

  @Test
  void aThrowingListenerStopsNeitherOtherListenersNorReporting() throws InterruptedException {
    // Listeners run in order: the recorder of setUp, then one that throws, then one after it.
    AtomicInteger thrown = new AtomicInteger();
    listen(
        report -> {
          thrown.incrementAndGet();
          throw new IllegalStateException("listener failure (expected by the test)");
        });
    List<String> late = new CopyOnWriteArrayList<>();
    listen(report -> late.add(report.description()));
    LeakDetector.setLevel(Level.PARANOID);
    String first = prefix + "first";
    String second = prefix + "second";
    assertTrue(leak(first));
    assertTrue(leak(second));

    assertTrue(
        gcUntil(() -> reported().size() == 2 && late.size() == 2),
        () -> "reported " + reported() + " and " + late);
    settle();

    assertEquals(List.of(first, second), reported().stream().sorted().collect(Collectors.toList()));
    assertEquals(List.of(first, second), late.stream().sorted().collect(Collectors.toList()));
    assertTrue(thrown.get() >= 2, "the throwing listener ran " + thrown.get() + " times");
    for (String description : List.of(first, second)) {
      List<LogRecord> warnings = logged(java.util.logging.Level.WARNING, description);
      assertEquals(1, warnings.size(), () -> "one warning for " + description + ": " + logged);
      assertTrue(warnings.get(0).getThrown() instanceof IllegalStateException);
    }
  }

  @Test
  void parsesThePropertyCaseInsensitively() {
    assertEquals(Level.DISABLED, LeakDetector.parse("disabled"));
    assertEquals(Level.DISABLED, LeakDetector.parse("DISABLED"));
    assertEquals(Level.SAMPLED, LeakDetector.parse("sampled"));
    assertEquals(Level.SAMPLED, LeakDetector.parse("Sampled"));
    assertEquals(Level.PARANOID, LeakDetector.parse("paranoid"));
    assertEquals(Level.PARANOID, LeakDetector.parse(" PaRaNoId "));
  }

  @Test
  void parsesUnsetAndUnknownValuesAsSampled() {
    assertEquals(Level.SAMPLED, LeakDetector.parse(null));
    assertEquals(Level.SAMPLED, LeakDetector.parse(""));
    assertEquals(Level.SAMPLED, LeakDetector.parse("bogus (expected by the test)"));
    assertEquals(Level.SAMPLED, LeakDetector.parse("true"));
    assertEquals(
        1, logged(java.util.logging.Level.WARNING, "\"bogus (expected by the test)\"").size());
    assertEquals(1, logged(java.util.logging.Level.WARNING, "\"true\"").size());
    assertEquals(3, logged.size(), () -> "a warning for each unknown value only: " + logged);
  }

  @Test
  void initialLevelComesFromTheProperty() {
    // Every test restores the level, so it is still the one read at class initialisation.
    assertEquals(
        LeakDetector.parse(System.getProperty(LeakDetector.PROPERTY)), LeakDetector.level());
    assertEquals("rchashmap.leakDetection", LeakDetector.PROPERTY);
    assertEquals(128, LeakDetector.SAMPLING_INTERVAL);
  }

  @Test
  void rejectsNulls() {
    assertThrows(NullPointerException.class, () -> LeakDetector.setLevel(null));
    assertThrows(NullPointerException.class, () -> LeakDetector.track(null));
    assertThrows(NullPointerException.class, () -> LeakDetector.addListener(null));
    assertThrows(NullPointerException.class, () -> new LeakReport(null, null));
  }

  @Test
  void removedListenersAreNotCalled() throws InterruptedException {
    List<String> removed = new CopyOnWriteArrayList<>();
    LeakListener listener = report -> removed.add(report.description());
    LeakDetector.addListener(listener);
    LeakDetector.removeListener(listener);
    LeakDetector.setLevel(Level.PARANOID);
    String description = prefix + "unheard";
    assertTrue(leak(description));

    assertTrue(gcUntil(() -> !reportsOf(description).isEmpty()), "the leak was never reported");
    assertTrue(removed.isEmpty(), removed::toString);
  }
}
