package dev.rchashmap.testkit;

import java.util.List;

/**
 * An operation list failed; its message lists the smallest failing list that {@link Shrinker}
 * found. The cause is that list's failure; the failure of the whole list is attached as
 * suppressed.
 */
public final class ShrunkFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** The smallest failing list found; not serialized (operations need not be serializable). */
  private final transient List<?> ops;

  /** The length of the list before shrinking. */
  private final int originalSize;

  /**
   * Creates the report.
   *
   * @param result the outcome of the shrink
   * @param original what the whole list threw
   */
  ShrunkFailure(Shrinker.Result<?> result, Throwable original) {
    super(result.describe(), result.failure());
    this.ops = result.ops();
    this.originalSize = result.originalSize();
    if (original != result.failure()) {
      addSuppressed(original);
    }
  }

  /**
   * Returns the smallest failing list found.
   *
   * @return the operations, unmodifiable
   */
  public List<?> ops() {
    return ops;
  }

  /**
   * Returns how long the list was before shrinking.
   *
   * @return the original number of operations
   */
  public int originalSize() {
    return originalSize;
  }
}
