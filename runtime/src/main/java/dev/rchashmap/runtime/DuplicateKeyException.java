package dev.rchashmap.runtime;

/**
 * Thrown by {@code insert} and {@code insertWith} when the map already holds an entry for the
 * key. The map is unchanged: a handle map never replaces an entry behind an existing handle's
 * back, so a duplicate is the caller's error, not an update.
 */
public final class DuplicateKeyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The duplicate key; transient because keys need not be serializable. */
  private final transient Object key;

  /**
   * Creates an exception with the given message and no key.
   *
   * @param message the detail message
   */
  public DuplicateKeyException(String message) {
    this(message, null);
  }

  private DuplicateKeyException(String message, Object key) {
    super(message);
    this.key = key;
  }

  /**
   * Creates the exception a map throws for a duplicate key, with a message that names the key.
   *
   * @param key the key that is already present (a boxed primitive for primitive keys)
   * @return an exception whose message is {@code "duplicate key: " + Keys.describe(key)}
   */
  public static DuplicateKeyException of(Object key) {
    return new DuplicateKeyException("duplicate key: " + Keys.describe(key), key);
  }

  /**
   * Returns the duplicate key, so callers can react without parsing the message.
   *
   * @return the key given to {@link #of(Object)}; {@code null} when the exception was built from
   *     a message only, or after deserialization (the key is not serialized)
   */
  public Object key() {
    return key;
  }
}
