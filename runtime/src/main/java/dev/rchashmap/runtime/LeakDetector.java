package dev.rchashmap.runtime;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reports objects, typically the {@code Ref}s of reference-counted maps, that became unreachable
 * without being closed.
 *
 * <p>Why: a {@code Ref} holds one count of its entry, and only {@code close()} returns it. A
 * {@code Ref} that is dropped without {@code close()} keeps its entry in the map forever, and
 * keeps the map's storage alive after the map is closed. In Rust, where the maps come from, that
 * cannot happen by accident: dropping a value runs its {@code Drop}, and leaking one takes an
 * explicit {@code mem::forget}. In Java, forgetting {@code close()} is the easy mistake, so this
 * detector, modelled on Netty's {@code ResourceLeakDetector}, points it out.
 *
 * <p>How: {@link #track(String)} returns a {@link LeakTracker} that the object keeps in a field,
 * and that nothing else refers to; the detector refers to the tracker only phantom-ly. When the
 * object is closed it closes its tracker ({@link LeakTracker#close()}), and nothing is ever
 * reported. When the object becomes unreachable unclosed, so does its tracker, and the garbage
 * collector queues it; the next call to {@link #track(String)} or {@link #reportLeaks()}, on
 * whatever thread, reports it. A leak is reported at most once, and only after the collector has
 * run, so reports come late and only for leaks that really happened. Reporting happens only in
 * threads calling this class, never in a collector or cleaner thread, and it never touches a map:
 * the leaked entry stays where it is, and the report only says so.
 *
 * <p>Each leak is logged through {@link System.Logger} {@code "dev.rchashmap.leaks"} at {@link
 * System.Logger.Level#ERROR} and passed to every {@link LeakListener} added with {@link
 * #addListener(LeakListener)}.
 *
 * <p>The {@linkplain Level level} decides what is tracked, and what it costs:
 *
 * <ul>
 *   <li>{@link Level#DISABLED}: nothing; {@code track} is a volatile read.
 *   <li>{@link Level#SAMPLED} (the default): about one object in {@value #SAMPLING_INTERVAL}, a
 *       random draw per object plus, for the sampled ones, one small reference object; leaks are
 *       reported without their creation site.
 *   <li>{@link Level#PARANOID}: every object, with a {@link Throwable} recording where it was
 *       created. Capturing a stack trace per object is slow: for tests and for hunting a leak.
 * </ul>
 *
 * <p>The level is read once, when this class is initialised, from the system property {@value
 * #PROPERTY} ({@code disabled}, {@code sampled} or {@code paranoid}, in any case), and can be
 * changed later with {@link #setLevel(Level)}. A change applies to objects tracked afterwards.
 *
 * <p>Why the tracker, not the object itself, is watched: handing the object to the detector would
 * make it escape, for the JIT's escape analysis, on every path, also for the objects that are not
 * sampled. A {@code Ref} that is opened and closed within one method could then no longer live
 * on the stack, and at the default level interning would cost an allocation per lookup.
 *
 * <pre>{@code
 * private final LeakDetector.LeakTracker leak = LeakDetector.track("Ref");
 *
 * public void close() {
 *   if (leak != null) {
 *     leak.close();
 *   }
 *   ... return the count ...
 * }
 * }</pre>
 *
 * <p>Thread-safe: many maps in many threads share the one detector. The maps themselves are not
 * thread-safe, and a {@link LeakTracker} belongs to its resource and is closed by its thread.
 */
public final class LeakDetector {

  /** The system property that sets the initial level: {@value}. */
  public static final String PROPERTY = "rchashmap.leakDetection";

  /** At level {@link Level#SAMPLED}, about one object in this many is tracked: {@value}. */
  public static final int SAMPLING_INTERVAL = 128;

  /** Where leaks and configuration problems are logged. */
  private static final System.Logger LOGGER = System.getLogger("dev.rchashmap.leaks");

  /** Receives trackers whose objects the collector found unreachable. */
  private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();

  /**
   * The open trackers. Keeps them strongly reachable, so a tracker is not collected before its
   * object; removal decides, once, whether a tracker is closed or reported.
   */
  private static final Set<Watch> LIVE = ConcurrentHashMap.newKeySet();

  /** The listeners, called for every leak after it is logged. */
  private static final List<LeakListener> LISTENERS = new CopyOnWriteArrayList<>();

  /** The current level; volatile so {@link #setLevel(Level)} is seen by every thread. */
  private static volatile Level level = initialLevel();

  private LeakDetector() {}

  /** How much the detector tracks, and at what cost. */
  public enum Level {

    /**
     * Tracks nothing and costs nothing: {@link LeakDetector#track(String)} returns {@code null}
     * at once. Objects tracked before the switch are still reported by {@link
     * LeakDetector#reportLeaks()}.
     */
    DISABLED,

    /**
     * Tracks about one object in {@link LeakDetector#SAMPLING_INTERVAL}, cheaply, without
     * recording where they were created. The default: leaks that recur are found in production
     * at little cost.
     */
    SAMPLED,

    /**
     * Tracks every object and records where it was created (a {@link Throwable}), which costs a
     * stack trace per object. For tests, and for finding the code that leaked.
     */
    PARANOID
  }

  /**
   * Stands for one tracked object: reported if it becomes unreachable before {@link #close()}.
   *
   * <p>The object keeps its tracker in a field, lets no one else hold it, and calls {@link
   * #close()} from its own {@code close()}.
   */
  public interface LeakTracker {

    /**
     * Marks the tracked object as properly closed: it will never be reported, and the tracker is
     * dropped from the detector. Idempotent.
     */
    void close();
  }

  /**
   * Receives leak reports, for tests and for programs that want leaks to fail loudly or to be
   * counted.
   *
   * <p>Listeners run in whatever thread reports the leak (one calling {@link
   * LeakDetector#track(String)} or {@link LeakDetector#reportLeaks()}), possibly in
   * several threads at once, so they must be thread-safe. They must not throw: an exception is
   * caught and logged at {@link System.Logger.Level#WARNING}, and the other listeners still run.
   */
  @FunctionalInterface
  public interface LeakListener {

    /**
     * Called once for each leak.
     *
     * @param report what leaked and, at level {@link Level#PARANOID}, where it was created
     */
    void onLeak(LeakReport report);
  }

  /**
   * Returns the current level.
   *
   * @return the level from {@value #PROPERTY}, or the last one given to {@link
   *     #setLevel(Level)}
   */
  public static Level level() {
    return level;
  }

  /**
   * Sets the level for objects tracked from now on. Objects already tracked stay tracked and are
   * still reported if they leak.
   *
   * @param level the new level
   * @throws NullPointerException if {@code level} is {@code null}
   */
  public static void setLevel(Level level) {
    LeakDetector.level = Objects.requireNonNull(level, "level");
  }

  /**
   * Starts tracking a new object, if the level says so, and first reports any leaks found since
   * the last report.
   *
   * <p>The object keeps the returned tracker in a field and nowhere else, and closes it when it
   * is closed; if the tracker becomes unreachable before that, the object leaked. The detector
   * refers to the tracker only phantom-ly: tracking never keeps anything alive.
   *
   * @param description what the object is, for the report, e.g. {@code "IntLongRcHashMap.Ref"}
   * @return a tracker to close when the object is closed, or {@code null} if the object is not
   *     tracked (level {@link Level#DISABLED}, or not sampled)
   * @throws NullPointerException if {@code description} is {@code null}
   */
  public static LeakTracker track(String description) {
    Objects.requireNonNull(description, "description");
    Level current = level;
    if (current == Level.DISABLED) {
      return null;
    }
    reportLeaks();
    Throwable creationSite;
    if (current == Level.PARANOID) {
      creationSite = new Throwable("created here: " + description);
    } else if (ThreadLocalRandom.current().nextInt(SAMPLING_INTERVAL) == 0) {
      creationSite = null;
    } else {
      return null;
    }
    Tracker tracker = new Tracker(description, creationSite);
    LIVE.add(tracker.watch);
    // The watch must be registered before the collector may find the tracker unreachable.
    Reference.reachabilityFence(tracker);
    return tracker;
  }

  /**
   * Reports, now, every leak the collector has found since the last report.
   *
   * <p>A leak is found only after a garbage collection has run and processed references, so
   * tests call {@link System#gc()} and then this method, in a bounded retry loop.
   *
   * @return how many leaks this call reported
   */
  public static int reportLeaks() {
    int reported = 0;
    Reference<?> queued;
    while ((queued = QUEUE.poll()) != null) {
      Watch watch = (Watch) queued;
      // A tracker closed concurrently removed its watch in close(): not a leak.
      if (LIVE.remove(watch)) {
        report(watch);
        reported++;
      }
    }
    return reported;
  }

  /**
   * Adds a listener to be told of every leak reported from now on.
   *
   * @param listener the listener; added again if already present, and then called twice
   * @throws NullPointerException if {@code listener} is {@code null}
   */
  public static void addListener(LeakListener listener) {
    LISTENERS.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener added with {@link #addListener(LeakListener)}; does nothing if it is not
   * present.
   *
   * @param listener the listener to remove (one occurrence)
   */
  public static void removeListener(LeakListener listener) {
    LISTENERS.remove(listener);
  }

  /**
   * Parses a value of {@value #PROPERTY}.
   *
   * @param value {@code disabled}, {@code sampled} or {@code paranoid} in any case, surrounding
   *     blanks ignored; or {@code null} when the property is not set
   * @return the level named, or {@link Level#SAMPLED} for {@code null}; for any other value,
   *     {@link Level#SAMPLED} after logging a warning
   */
  static Level parse(String value) {
    if (value == null) {
      return Level.SAMPLED;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "disabled":
        return Level.DISABLED;
      case "sampled":
        return Level.SAMPLED;
      case "paranoid":
        return Level.PARANOID;
      default:
        LOGGER.log(
            System.Logger.Level.WARNING,
            "Unknown value of -D"
                + PROPERTY
                + ": \""
                + value
                + "\"; expected disabled, sampled or paranoid. Using sampled.");
        return Level.SAMPLED;
    }
  }

  /** Reads {@value #PROPERTY}, once, at class initialisation. */
  private static Level initialLevel() {
    String value;
    try {
      value = System.getProperty(PROPERTY);
    } catch (SecurityException e) {
      value = null;
    }
    return parse(value);
  }

  /** Logs one leak and passes it to every listener. */
  private static void report(Watch watch) {
    String message =
        "LEAK: "
            + watch.description
            + " became unreachable without close(); the entry it counts can never leave its map. ";
    LeakReport report = new LeakReport(watch.description, watch.creationSite);
    if (watch.creationSite != null) {
      LOGGER.log(System.Logger.Level.ERROR, message + "It was created at:", watch.creationSite);
    } else {
      LOGGER.log(
          System.Logger.Level.ERROR,
          message + "Run with -D" + PROPERTY + "=paranoid to see where it was created.");
    }
    for (LeakListener listener : LISTENERS) {
      try {
        listener.onLeak(report);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        LOGGER.log(
            System.Logger.Level.WARNING,
            "Leak listener " + listener + " threw while handling " + report.description(),
            e);
      }
    }
  }

  /**
   * The tracker handed to a tracked object. It holds its watch strongly and nothing else; the
   * watch refers back to it only phantom-ly.
   */
  private static final class Tracker implements LeakTracker {

    /** The phantom reference that reports this tracker if it becomes unreachable unclosed. */
    private final Watch watch;

    Tracker(String description, Throwable creationSite) {
      this.watch = new Watch(this, description, creationSite);
    }

    @Override
    public void close() {
      if (LIVE.remove(watch)) {
        // A cleared reference is never queued, so the object is never reported.
        watch.clear();
      }
    }

    @Override
    public String toString() {
      return "LeakTracker[" + watch.description + "]";
    }
  }

  /**
   * The watch on one tracker: a phantom reference to it, with what the report needs. Identity
   * equality, so the live set holds each watch once.
   */
  private static final class Watch extends PhantomReference<Tracker> {

    /** What the object is. */
    private final String description;

    /** Where it was created, or {@code null} below {@link Level#PARANOID}. */
    private final Throwable creationSite;

    Watch(Tracker tracker, String description, Throwable creationSite) {
      super(tracker, QUEUE);
      this.description = description;
      this.creationSite = creationSite;
    }
  }
}
