package dev.rchashmap.tests.borrowed;

import dev.rchashmap.runtime.BorrowedEquivalence;

/**
 * A user bug on purpose: {@code String} keys looked up by a {@code CharSequence} with a hash that
 * is {@code String.hashCode} plus one, so it disagrees with the map's hash of every key. Lookups
 * by probe then miss keys that are there; the maps must catch it, with assertions on, when they
 * make a key from a probe.
 */
public final class MisHashedCharSequenceKeys implements BorrowedEquivalence<String, CharSequence> {

  /** Creates the equivalence; the generated maps make one through this constructor. */
  public MisHashedCharSequenceKeys() {}

  /**
   * Returns {@code String.hashCode} of the characters, plus one: wrong on purpose.
   *
   * @param probe the characters of a key
   * @return a hash that disagrees with the key's
   */
  @Override
  public int hash(CharSequence probe) {
    return probe.toString().hashCode() + 1;
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
