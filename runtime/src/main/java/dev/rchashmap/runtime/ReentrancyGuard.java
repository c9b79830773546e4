package dev.rchashmap.runtime;

/**
 * Detects user code that re-enters the map that is running it, at no cost when assertions are
 * disabled.
 *
 * <p>While a map is inside a critical section (probing its index, with a half-finished
 * operation in its locals) the only foreign code it runs is the user's hash and equality code:
 * {@code hashCode}/{@code equals} or an {@link Equivalence}. That code must not call the same
 * map; if it does, the second call would see, or change, a map in the middle of an operation.
 * Removal listeners and value factories are different: the map runs them outside critical
 * sections, with the map consistent, and they may use the map freely.
 *
 * <p>Each map owns one guard and brackets every critical section with it, enter before the
 * {@code try}, exit in its {@code finally}:
 *
 * <pre>{@code
 * assert guard.enter("find");
 * try {
 *   ... probe, calling user hash/equality code ...
 * } finally {
 *   assert guard.exit();
 * }
 * }</pre>
 *
 * <p>Both methods return {@code true} so they can sit in {@code assert} statements: with
 * assertions enabled ({@code -ea}) a re-entry throws {@link ReentrancyException} naming both
 * operations; without them the statements are never evaluated and the guard costs nothing.
 * Calling {@code enter} before the {@code try} matters: a rejected inner {@code enter} must not
 * run the inner {@code finally}, which would clear the outer operation's mark.
 *
 * <p>Not thread-safe, like the maps: a guard detects re-entry on one thread, not concurrent
 * use.
 */
public final class ReentrancyGuard {

  /** The map's simple class name, for messages. */
  private final String mapName;

  /** The operation inside its critical section, or {@code null} when outside. */
  private String operation;

  /**
   * Creates a guard for one map.
   *
   * @param mapName the map's name for messages, usually its simple class name
   */
  public ReentrancyGuard(String mapName) {
    this.mapName = mapName;
  }

  /**
   * Marks the start of a critical section.
   *
   * @param operation the name of the public operation entering, e.g. {@code "find"}
   * @return {@code true}, so the call can be an {@code assert} statement
   * @throws ReentrancyException if another critical section of the same map is running; the
   *     guard still belongs to that outer operation
   */
  public boolean enter(String operation) {
    check(operation);
    this.operation = operation;
    return true;
  }

  /**
   * Refuses an operation that runs no user code but must not run inside user hash or equality
   * code of this map either, such as a removal; use it as {@code assert guard.check("remove");}.
   *
   * @param operation the name of the public operation, e.g. {@code "remove"}
   * @return {@code true}, so that the call can sit in an {@code assert}
   * @throws ReentrancyException if an operation of this map is running
   */
  public boolean check(String operation) {
    String running = this.operation;
    if (running != null) {
      throw new ReentrancyException(
          mapName
              + "."
              + operation
              + " was called from user hash or equality code while "
              + mapName
              + "."
              + running
              + " was running; user code must not re-enter the map it is called from");
    }
    return true;
  }


  /**
   * Marks the end of the critical section started by {@link #enter(String)}.
   *
   * @return {@code true}, so the call can be an {@code assert} statement
   */
  public boolean exit() {
    operation = null;
    return true;
  }

  /**
   * Tells whether a critical section is running, for tests and diagnostics.
   *
   * @return {@code true} between {@link #enter(String)} and {@link #exit()}
   */
  public boolean isInside() {
    return operation != null;
  }
}
