package dev.rchashmap.runtime;

/**
 * Which entries of a weak map the garbage collector may take, as the {@code :weakness} of an Emacs
 * Lisp hash table. An entry stays while the condition holds, with "reachable" meaning strongly
 * reachable from outside the map (the map holds the weak sides through weak references); once the
 * condition fails, the entry leaves at the map's next operation. A primitive key or value, and a
 * {@code null} value, is held as it is and counts as reachable.
 *
 * <p>The JVM has no ephemerons: a side that the map holds weakly is collected when nothing else
 * reaches it, even while the other side is reachable. So with {@link #KEY} a value that refers to
 * its own key keeps the entry for ever (as in {@link java.util.WeakHashMap}), and {@link
 * #KEY_OR_VALUE} is an approximation: see there.
 */
public enum Weakness {
  /** The entry stays while its key is reachable; the value is held strongly. The default. */
  KEY(true, false),

  /** The entry stays while its value is reachable; the key is held strongly. */
  VALUE(false, true),

  /**
   * The entry stays while its key or its value is reachable: both are held weakly, and the entry
   * leaves once both have been collected. Unlike Emacs, which keeps the other side alive, the JVM
   * collects a side that nothing outside the map reaches even while the other side keeps the entry:
   * that side then reads as {@code null}, and an entry whose key was collected can no longer be
   * found by key (only by handle or iteration) until its value is collected too.
   */
  KEY_OR_VALUE(true, true),

  /** The entry stays while both its key and its value are reachable: both are held weakly. */
  KEY_AND_VALUE(true, true);

  private final boolean weakKeys;
  private final boolean weakValues;

  Weakness(boolean weakKeys, boolean weakValues) {
    this.weakKeys = weakKeys;
    this.weakValues = weakValues;
  }

  /**
   * Whether the map holds keys of a reference type through weak references.
   *
   * @return {@code true} for {@link #KEY}, {@link #KEY_OR_VALUE} and {@link #KEY_AND_VALUE}
   */
  public boolean weakKeys() {
    return weakKeys;
  }

  /**
   * Whether the map holds values of a reference type through weak references.
   *
   * @return {@code true} for {@link #VALUE}, {@link #KEY_OR_VALUE} and {@link #KEY_AND_VALUE}
   */
  public boolean weakValues() {
    return weakValues;
  }

  /**
   * Tells whether an entry stays, given whether its key and its value are still there (not
   * collected).
   *
   * @param keyAlive whether the key is still there (always, for a key held strongly)
   * @param valueAlive whether the value is still there (always, for a value held strongly)
   * @return whether the entry stays
   */
  public boolean keeps(boolean keyAlive, boolean valueAlive) {
    switch (this) {
      case KEY:
        return keyAlive;
      case VALUE:
        return valueAlive;
      case KEY_OR_VALUE:
        return keyAlive || valueAlive;
      case KEY_AND_VALUE:
        return keyAlive && valueAlive;
      default:
        throw new AssertionError(this);
    }
  }
}
