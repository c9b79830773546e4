package dev.rchashmap.runtime;

/**
 * {@code String} keys looked up by any {@link CharSequence}: a {@code StringBuilder}, a {@link
 * java.nio.CharBuffer} over a slice of a {@code char[]}, a reader's own view of its buffer. The
 * hash is {@link String#hashCode()}'s, computed from the characters, so a hit allocates nothing;
 * the {@code String} is made only on a miss.
 *
 * <p>For maps with the default key equivalence, or any equivalence whose hash is {@code
 * String.hashCode}. Reuse one mutable probe (a {@code CharBuffer} whose position and limit move
 * over the buffer, say) rather than wrapping each name anew, or every lookup allocates the probe.
 */
public final class CharSequenceKeys implements BorrowedEquivalence<String, CharSequence> {

  /** Creates the equivalence; the generated maps make one through this constructor. */
  public CharSequenceKeys() {}

  /**
   * Returns what {@code probe.toString().hashCode()} would, without making the string.
   *
   * @param probe the characters of a key
   * @return {@code String.hashCode} of those characters
   */
  @Override
  public int hash(CharSequence probe) {
    if (probe instanceof String) {
      return probe.hashCode();
    }
    int hash = 0;
    for (int i = 0, length = probe.length(); i < length; i++) {
      hash = 31 * hash + probe.charAt(i);
    }
    return hash;
  }

  /**
   * Tells whether {@code probe} holds the characters of {@code key}.
   *
   * @param probe the characters of a key
   * @param key a key of the map
   * @return whether they are the same characters
   */
  @Override
  public boolean matches(CharSequence probe, String key) {
    return key.contentEquals(probe);
  }

  /**
   * Returns the characters of {@code probe} as a {@code String}.
   *
   * @param probe the characters of a new key
   * @return {@code probe.toString()}
   */
  @Override
  public String toKey(CharSequence probe) {
    return probe.toString();
  }
}
