package dev.rchashmap.tests.borrowed;

import dev.rchashmap.runtime.BorrowedEquivalence;
import dev.rchashmap.runtime.CharSequenceKeys;

/**
 * Keys of any type, {@code Object}, looked up by a {@code CharSequence}: a probe denotes the
 * {@code String} with its characters, and no key of another type. For maps whose key is a type
 * variable; the hash is {@code String.hashCode}'s, as the default equivalence hashes a {@code
 * String} key.
 */
public final class AnyCharSequenceKeys implements BorrowedEquivalence<Object, CharSequence> {

  private static final CharSequenceKeys STRINGS = new CharSequenceKeys();

  /** Creates the equivalence; the generated maps make one through this constructor. */
  public AnyCharSequenceKeys() {}

  /**
   * Returns {@code String.hashCode} of the characters.
   *
   * @param probe the characters of a key
   * @return their hash
   */
  @Override
  public int hash(CharSequence probe) {
    return STRINGS.hash(probe);
  }

  /**
   * Tells whether {@code key} is a {@code String} holding the characters of {@code probe}.
   *
   * @param probe the characters of a key
   * @param key a key of the map
   * @return whether they are the same characters
   */
  @Override
  public boolean matches(CharSequence probe, Object key) {
    return key instanceof String && STRINGS.matches(probe, (String) key);
  }

  /**
   * Returns the characters of {@code probe} as a {@code String}.
   *
   * @param probe the characters of a new key
   * @return {@code probe.toString()}
   */
  @Override
  public Object toKey(CharSequence probe) {
    return probe.toString();
  }
}
