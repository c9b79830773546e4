package dev.rchashmap.testkit;

import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Function;
import org.opentest4j.TestAbortedException;

/**
 * Shrinks a failing operation list by dropping chunks of it while it still fails.
 *
 * <pre>{@code
 * return Property.forAll(10, gen -> {
 *   List<Op> ops = mix.sequence(gen, 20_000, 1_000);
 *   Coverage coverage = Shrinker.check(ops, list -> ModelRun.check(newMap(), list));
 *   coverage.assertGrewShrankAndReusedSlots(256);
 * });
 * }</pre>
 *
 * <p>{@link #check} runs the whole list; when that fails it shrinks the list and throws a
 * {@link ShrunkFailure} naming the smallest failing list found, with that list's failure as the
 * cause. The run function must start from scratch each time (a new map, a new model) and must
 * treat any sublist as a valid sequence, so operations should pick their targets relative to the
 * current state (an index modulo the number of live entries, say) rather than by position.
 * Checks that only make sense for the whole list (that it reached some size, say) belong after
 * {@code check} returns, as above, so that shrinking does not chase them.
 *
 * <p>The shrink, a simple form of delta debugging:
 *
 * <ol>
 *   <li>The run reads the list through a view that records the furthest index read; a failing
 *       run's list is cut after that index (after one more run confirms the cut list fails).
 *   <li>Chunks of half the list, then a quarter, and so on down to single operations, are
 *       dropped one at a time from front to back, each drop kept when the rest still fails
 *       with the same exception class.
 *   <li>Passes of single drops repeat until none succeeds, so the result is minimal: dropping
 *       any one operation makes it pass (or fail differently).
 * </ol>
 *
 * <p>Shrinking stops early when the {@linkplain Settings#shrinkBudget() budget} runs out and
 * reports the smallest list found so far.
 */
public final class Shrinker {

  /** The most operations a failure message lists; longer lists show their head and tail. */
  private static final int LISTED_OPS = 200;

  private Shrinker() {}

  /**
   * Runs {@code ops}; if that fails, shrinks them and throws the smallest failing list.
   *
   * @param ops the operations
   * @param run runs a list from scratch, returning a result or throwing on failure
   * @param <O> the operation type
   * @param <R> the result type
   * @return what {@code run} returned for the whole list
   * @throws ShrunkFailure if the whole list fails
   */
  public static <O, R> R check(List<O> ops, Function<? super List<O>, R> run) {
    return check(ops, run, Settings.fromSystemProperties().shrinkBudget());
  }

  /**
   * Runs {@code ops} with an explicit shrink budget; see {@link #check(List, Function)}.
   *
   * @param ops the operations
   * @param run runs a list from scratch, returning a result or throwing on failure
   * @param budget the longest the shrink may take
   * @param <O> the operation type
   * @param <R> the result type
   * @return what {@code run} returned for the whole list
   * @throws ShrunkFailure if the whole list fails
   */
  public static <O, R> R check(List<O> ops, Function<? super List<O>, R> run, Duration budget) {
    List<O> all = List.copyOf(ops);
    Tracked<O> tracked = new Tracked<>(all);
    try {
      return run.apply(tracked);
    } catch (TestAbortedException | OutOfMemoryError e) {
      throw e;
    } catch (Throwable failure) {
      Result<O> result = shrink(all, failure, tracked.furthest, run, budget);
      throw new ShrunkFailure(result, failure);
    }
  }

  /**
   * Shrinks a list that {@code run} fails on.
   *
   * @param failing the failing operations
   * @param run runs a list from scratch, throwing on failure
   * @param budget the longest the shrink may take
   * @param <O> the operation type
   * @return the smallest failing list found and its failure
   * @throws IllegalArgumentException if {@code run} does not fail on {@code failing}
   */
  public static <O> Result<O> shrink(
      List<O> failing, Function<? super List<O>, ?> run, Duration budget) {
    List<O> all = List.copyOf(failing);
    Tracked<O> tracked = new Tracked<>(all);
    try {
      run.apply(tracked);
    } catch (TestAbortedException | OutOfMemoryError e) {
      throw e;
    } catch (Throwable failure) {
      return shrink(all, failure, tracked.furthest, run, budget);
    }
    throw new IllegalArgumentException("the list does not fail: nothing to shrink");
  }

  private static <O> Result<O> shrink(
      List<O> all, Throwable failure, int furthest, Function<? super List<O>, ?> run,
      Duration budget) {
    Attempts<O> attempts = new Attempts<>(run, failure, budget);
    List<O> current = attempts.cut(all, furthest);
    int chunk = Math.max(1, current.size() / 2);
    while (!current.isEmpty() && !attempts.outOfTime()) {
      boolean dropped = false;
      for (int start = 0; start < current.size() && !attempts.outOfTime(); ) {
        int end = Math.min(current.size(), start + chunk);
        List<O> candidate = new ArrayList<>(current.size() - (end - start));
        candidate.addAll(current.subList(0, start));
        candidate.addAll(current.subList(end, current.size()));
        List<O> kept = attempts.stillFails(candidate);
        if (kept != null) {
          current = kept;
          dropped = true;
        } else {
          start += chunk;
        }
      }
      if (chunk == 1) {
        if (!dropped) {
          break;
        }
      } else {
        chunk = Math.max(1, Math.min(chunk / 2, current.size() / 2));
      }
    }
    return new Result<>(
        List.copyOf(current), attempts.failure, all.size(), attempts.runs,
        attempts.elapsed(), attempts.outOfTime());
  }

  /**
   * The outcome of a shrink.
   *
   * @param ops the smallest failing list found
   * @param failure what running {@code ops} threw
   * @param originalSize the length of the list before shrinking
   * @param runs how many runs the shrink made
   * @param took how long it took
   * @param stoppedByBudget whether the budget ran out before the list was minimal
   * @param <O> the operation type
   */
  public record Result<O>(
      List<O> ops, Throwable failure, int originalSize, int runs, Duration took,
      boolean stoppedByBudget) {

    /**
     * Describes the result: sizes, runs, time, the operations one per line, and the failure.
     *
     * @return the description
     */
    public String describe() {
      StringBuilder s = new StringBuilder();
      s.append("failing operation list shrunk from ").append(originalSize).append(" to ")
          .append(ops.size()).append(ops.size() == 1 ? " operation" : " operations")
          .append(" (").append(runs).append(" runs, ").append(took.toMillis()).append(" ms)");
      if (stoppedByBudget) {
        s.append(", stopped by the shrink budget (-D").append(Settings.SHRINK_SECONDS)
            .append("=<seconds> for more)");
      }
      s.append(':');
      for (int i = 0; i < ops.size(); i++) {
        if (ops.size() > LISTED_OPS && i == LISTED_OPS / 2) {
          int skipped = ops.size() - LISTED_OPS;
          s.append("\n    ... ").append(skipped).append(" more ...");
          i += skipped - 1;
          continue;
        }
        String op = String.valueOf(ops.get(i));
        s.append("\n    ").append(i).append(": ")
            .append(op.length() <= 200 ? op : op.substring(0, 197) + "...");
      }
      s.append("\n  failure of the shrunk list: ").append(failure);
      return s.toString();
    }
  }

  /** Runs candidate lists and keeps the latest failure of the kind being shrunk. */
  private static final class Attempts<O> {
    private final Function<? super List<O>, ?> run;
    private final Class<?> failureClass;
    private final long start = System.nanoTime();
    private final long budgetNanos;
    private Throwable failure;
    private int runs;

    Attempts(Function<? super List<O>, ?> run, Throwable failure, Duration budget) {
      this.run = Objects.requireNonNull(run, "run");
      this.failure = failure;
      this.failureClass = failure.getClass();
      this.budgetNanos = budget.toNanos();
    }

    boolean outOfTime() {
      return System.nanoTime() - start >= budgetNanos;
    }

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Runs {@code candidate}; if it fails like the original, returns it cut after the furthest
     * operation the run read, else {@code null}.
     */
    List<O> stillFails(List<O> candidate) {
      Tracked<O> tracked = new Tracked<>(candidate);
      Throwable thrown = attempt(tracked);
      if (thrown == null) {
        return null;
      }
      failure = thrown;
      return cut(candidate, tracked.furthest);
    }

    /** {@code failing} without the operations after {@code furthest}, if that still fails. */
    List<O> cut(List<O> failing, int furthest) {
      if (furthest + 1 >= failing.size()) {
        return failing;
      }
      List<O> prefix = new ArrayList<>(failing.subList(0, furthest + 1));
      Throwable thrown = attempt(new Tracked<>(prefix));
      if (thrown == null) {
        return failing; // the run looked at more than the operations it read (its size, say)
      }
      failure = thrown;
      return prefix;
    }

    /** The failure of the same class as the original, or {@code null}. */
    private Throwable attempt(Tracked<O> list) {
      runs++;
      try {
        run.apply(list);
        return null;
      } catch (TestAbortedException | OutOfMemoryError e) {
        throw e;
      } catch (Throwable thrown) {
        return thrown.getClass() == failureClass ? thrown : null;
      }
    }
  }

  /** A read-only list that records the furthest index read. */
  private static final class Tracked<O> extends AbstractList<O> implements RandomAccess {
    private final List<O> ops;
    private int furthest = -1;

    Tracked(List<O> ops) {
      this.ops = ops;
    }

    @Override
    public O get(int index) {
      O op = ops.get(index);
      furthest = Math.max(furthest, index);
      return op;
    }

    @Override
    public int size() {
      return ops.size();
    }
  }
}
