package dev.rchashmap.runtime;

/**
 * Thrown when a map, or a reference into it, is used after it was closed. Closing is final, so
 * this always signals a use-after-close bug in the caller.
 */
public final class MapClosedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with the given message, which should say what was closed.
   *
   * @param message the detail message
   */
  public MapClosedException(String message) {
    super(message);
  }
}
