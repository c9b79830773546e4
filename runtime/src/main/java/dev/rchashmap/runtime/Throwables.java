package dev.rchashmap.runtime;

/**
 * Collects and rethrows what user code threw while a map ran several pieces of it in a row, such
 * as the removal listener calls of a cascade: every call runs, the first throwable propagates and
 * later ones are suppressed onto it.
 *
 * <p>Any {@link Throwable} is collected, checked exceptions thrown sneakily included, and the same
 * object thrown twice (a cached exception, or the JVM's preallocated {@code
 * NullPointerException}) is kept once, where {@link Throwable#addSuppressed} would throw.
 */
public final class Throwables {
  private Throwables() {}

  /**
   * Adds {@code thrown} to what was collected so far.
   *
   * @param first what was collected so far, or {@code null}
   * @param thrown what the latest call threw
   * @return {@code thrown} if nothing was collected yet, else {@code first}, with {@code thrown}
   *     suppressed onto it unless it is {@code first} itself
   */
  public static Throwable collect(Throwable first, Throwable thrown) {
    if (first == null) {
      return thrown;
    }
    if (thrown != first) {
      first.addSuppressed(thrown);
    }
    return first;
  }

  /**
   * Throws {@code failure} as it is, a checked exception included, without wrapping it. Declared
   * to return an exception so that callers can write {@code throw Throwables.rethrow(failure)}
   * and the compiler sees the path end.
   *
   * @param failure what to throw
   * @return never returns
   */
  public static RuntimeException rethrow(Throwable failure) {
    throw Throwables.<RuntimeException>sneaky(failure);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable failure) throws T {
    throw (T) failure;
  }
}
