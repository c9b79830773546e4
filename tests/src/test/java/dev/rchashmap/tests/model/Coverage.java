package dev.rchashmap.tests.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What a model run reached, so that a test fails when its domain or its operation mix becomes
 * too small to exercise the map: the largest size, how often the size fell back from a peak
 * (growth and shrinking), and how many handles came from a slot that an earlier, now stale,
 * handle had used (slot reuse under a newer generation).
 */
public final class Coverage {

  /** Slot index to the latest generation issued there. */
  private final Map<Integer, Integer> generations = new HashMap<>();

  /** The size after each step. */
  private int[] sizes = new int[1024];

  private int steps;
  private int peak;
  private int reusedSlots;
  private int handles;

  /**
   * Records the size after one step.
   *
   * @param size the number of entries
   */
  public void step(int size) {
    if (steps == sizes.length) {
      sizes = Arrays.copyOf(sizes, 2 * steps);
    }
    sizes[steps++] = size;
    peak = Math.max(peak, size);
  }

  /**
   * Records a handle issued for a new entry, and checks that its generation is newer than that
   * of every earlier handle of its slot: so no handle is ever issued twice, and a stale handle
   * never matches a later entry of its slot.
   */
  public void issued(long handle) {
    handles++;
    Integer before = generations.put(Handles.index(handle), Handles.generation(handle));
    if (before != null) {
      assertTrue(
          Handles.generation(handle) > before,
          "slot reused without a newer generation: " + Handles.toString(handle) + " after "
              + before);
      reusedSlots++;
    }
  }

  /**
   * Checks that the run grew the map to {@code minPeak} entries, brought it back to a quarter of
   * that at least once, and issued at least {@code minPeak} handles from reused slots.
   *
   * @param minPeak the size the run must reach, also the {@code highMark} of {@link #step}
   */
  public void assertGrewShrankAndReusedSlots(int minPeak) {
    int falls = falls(minPeak);
    String summary = this + ", " + falls + " falls from " + minPeak + " to " + minPeak / 4
        + "; the domain or the operation mix is too small to exercise the map";
    assertTrue(peak >= minPeak, "never grew to " + minPeak + " entries: " + summary);
    assertTrue(falls >= 1, "never shrank back: " + summary);
    assertTrue(reusedSlots >= minPeak, "too few slots reused: " + summary);
  }

  /** How often the size reached {@code mark} and then fell to a quarter of it. */
  private int falls(int mark) {
    int falls = 0;
    boolean high = false;
    for (int i = 0; i < steps; i++) {
      if (!high && sizes[i] >= mark) {
        high = true;
      } else if (high && sizes[i] <= mark / 4) {
        high = false;
        falls++;
      }
    }
    return falls;
  }

  @Override
  public String toString() {
    return steps + " steps, peak size " + peak + ", " + handles + " handles issued, "
        + reusedSlots + " from reused slots, " + generations.size() + " slots used";
  }
}
