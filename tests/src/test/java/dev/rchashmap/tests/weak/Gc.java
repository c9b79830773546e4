package dev.rchashmap.tests.weak;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits for the garbage collector, so that the tests of weak entries are deterministic
 * enough for CI: a condition that depends on a collection is polled after full collections for at
 * most {@link #BOUND_SECONDS} seconds, and a test fails loudly, saying what did not happen, rather
 * than hang or pass by luck.
 *
 * <p>{@link #collect()} returns only after a collection that processed weak references: it
 * watches a weakly reachable sentinel, so "survives {@code n} rounds" means {@code n}
 * collections really ran (with {@code -XX:+DisableExplicitGC} the sentinel never clears and the
 * wait fails, which is the honest answer). The collector clears weak references during the
 * pause, but the JDK's reference handler thread puts them on the maps' queues a little later,
 * which is why the waits poll instead of checking once.
 *
 * <p>Callers must not keep what should be collected in a local variable: an interpreted frame
 * keeps every reference in its locals alive until the method returns. The tests hold such
 * objects in arrays or fields they clear, or create them in helper methods that return only
 * handles, and end with {@link java.lang.ref.Reference#reachabilityFence} on what must stay.
 */
final class Gc {

  /** The longest any wait for the collector lasts. */
  static final long BOUND_SECONDS = 10;

  private Gc() {}

  /** Runs full collections until one has cleared a weak reference to garbage; bounded. */
  static void collect() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
    WeakReference<Object> sentinel = new WeakReference<>(new Object());
    while (sentinel.get() != null) {
      if (System.nanoTime() - deadline > 0) {
        fail("System.gc() cleared no weak reference in " + BOUND_SECONDS
            + " s: is -XX:+DisableExplicitGC set?");
      }
      System.gc();
    }
  }

  /**
   * Polls {@code step} then {@code done}, with a full collection and a short sleep (for the
   * reference handler) between tries, until {@code done} holds; fails after {@link
   * #BOUND_SECONDS} seconds.
   *
   * @param what what should happen, for the failure message
   * @param step what to do before each check, such as {@code map::expungeStaleEntries}
   * @param done the condition
   * @return the number of collections it took
   */
  static int until(String what, Runnable step, BooleanSupplier done) {
    return until(() -> what, step, done);
  }

  /** As {@link #until(String, Runnable, BooleanSupplier)}, with a message made on failure. */
  static int until(Supplier<String> what, Runnable step, BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
    int collections = 0;
    while (true) {
      step.run();
      if (done.getAsBoolean()) {
        return collections;
      }
      if (System.nanoTime() - deadline > 0) {
        fail("not within " + BOUND_SECONDS + " s (" + collections + " collections): "
            + what.get());
      }
      collect();
      collections++;
      pause();
    }
  }

  /** As {@link #until(String, Runnable, BooleanSupplier)} with nothing to do between checks. */
  static int until(String what, BooleanSupplier done) {
    return until(what, () -> {}, done);
  }

  /**
   * Runs {@code rounds} full collections, each followed by a short sleep and {@code step}: for
   * checking that what is strongly held survives.
   */
  static void rounds(int rounds, Runnable step) {
    for (int round = 0; round < rounds; round++) {
      collect();
      pause();
      step.run();
    }
  }

  /** Lets the reference handler thread enqueue what the last collection cleared. */
  private static void pause() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the collector", e);
    }
  }
}
