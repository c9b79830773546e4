package dev.rchashmap.runtime;

/**
 * Thrown when an object that belongs to one map (a reference, token or cursor) is passed to
 * another map. It is an argument error: the call had no effect.
 */
public final class WrongMapException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with the given message, which should name both maps or the object.
   *
   * @param message the detail message
   */
  public WrongMapException(String message) {
    super(message);
  }
}
