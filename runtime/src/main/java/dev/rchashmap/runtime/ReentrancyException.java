package dev.rchashmap.runtime;

/**
 * Thrown, with assertions enabled, when user hash or equality code calls back into the map
 * that is running it. The map was in the middle of an operation and cannot serve a second one;
 * see {@link ReentrancyGuard}.
 */
public final class ReentrancyException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with the given message, which should name both operations.
   *
   * @param message the detail message
   */
  public ReentrancyException(String message) {
    super(message);
  }
}
