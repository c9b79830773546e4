package dev.rchashmap.runtime;

/**
 * Thrown when a handle does not name a live entry of the map it is used with: its entry was
 * removed, the map was cleared, the handle is {@link Handles#NONE}, or it came from another map.
 * Accessors ({@code key}, {@code value}, {@code setValue}) throw it rather than return data of
 * whatever entry might reuse the slot later.
 */
public final class StaleHandleException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /** The offending handle. */
  private final long handle;

  /**
   * Creates an exception with the given message; {@link #handle()} returns {@link
   * Handles#NONE}.
   *
   * @param message the detail message
   */
  public StaleHandleException(String message) {
    this(message, Handles.NONE);
  }

  private StaleHandleException(String message, long handle) {
    super(message);
    this.handle = handle;
  }

  /**
   * Creates the exception a map throws for a handle that is not live, with a message that names
   * the handle and the likely causes.
   *
   * @param handle the handle that was rejected
   * @return the exception; for {@link Handles#NONE} the message says the handle names no entry
   */
  public static StaleHandleException of(long handle) {
    String message =
        handle == Handles.NONE
            ? "handle is NONE (no entry)"
            : "stale handle "
                + Handles.toString(handle)
                + ": its entry was removed, the map was cleared, or it belongs to another map";
    return new StaleHandleException(message, handle);
  }

  /**
   * Returns the rejected handle.
   *
   * @return the handle given to {@link #of(long)}, or {@link Handles#NONE} when the exception
   *     was built from a message only
   */
  public long handle() {
    return handle;
  }
}
