package dev.rchashmap.tests.borrowed;

import dev.rchashmap.runtime.BorrowedEquivalence;
import dev.rchashmap.tests.maps.ConstantHashStringEquivalence;

/**
 * {@code String} keys looked up by a {@code CharSequence}, for maps whose key equivalence is
 * {@link ConstantHashStringEquivalence}: the hash is that same constant, so every probe collides
 * with every key and {@link #matches} alone tells them apart.
 */
public final class ConstantHashCharSequenceKeys implements BorrowedEquivalence<String, CharSequence> {

  /** Creates the equivalence; the generated maps make one through this constructor. */
  public ConstantHashCharSequenceKeys() {}

  /**
   * Returns {@link ConstantHashStringEquivalence#HASH} whatever the probe.
   *
   * @param probe ignored
   * @return the constant
   */
  @Override
  public int hash(CharSequence probe) {
    return ConstantHashStringEquivalence.HASH;
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
