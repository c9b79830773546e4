package dev.rchashmap.tests.borrowed;

import dev.rchashmap.runtime.BorrowedEquivalence;
import dev.rchashmap.runtime.CharSequenceKeys;

/**
 * {@link CharSequenceKeys} that counts its calls, so that a test can tell how often a map hashed
 * and matched a probe and, above all, that it made a key ({@link #toKey}) only on a miss. The
 * counts are static, as the maps make their own instance; tests {@link #reset} them first and run
 * one at a time.
 */
public final class CountingCharSequenceKeys implements BorrowedEquivalence<String, CharSequence> {

  private static final CharSequenceKeys DELEGATE = new CharSequenceKeys();

  private static int hashCalls;
  private static int matchesCalls;
  private static int toKeyCalls;

  /** Creates the equivalence; the generated maps make one through this constructor. */
  public CountingCharSequenceKeys() {}

  /** Sets every count to zero. */
  public static void reset() {
    hashCalls = 0;
    matchesCalls = 0;
    toKeyCalls = 0;
  }

  /**
   * Returns how often {@link #hash} ran since the last {@link #reset}.
   *
   * @return the count
   */
  public static int hashCalls() {
    return hashCalls;
  }

  /**
   * Returns how often {@link #matches} ran since the last {@link #reset}.
   *
   * @return the count
   */
  public static int matchesCalls() {
    return matchesCalls;
  }

  /**
   * Returns how often {@link #toKey} ran since the last {@link #reset}.
   *
   * @return the count
   */
  public static int toKeyCalls() {
    return toKeyCalls;
  }

  /**
   * Counts, then returns {@code String.hashCode} of the characters.
   *
   * @param probe the characters of a key
   * @return their hash
   */
  @Override
  public int hash(CharSequence probe) {
    hashCalls++;
    return DELEGATE.hash(probe);
  }

  /**
   * Counts, then tells whether {@code probe} holds the characters of {@code key}.
   *
   * @param probe the characters of a key
   * @param key a key of the map
   * @return whether they are the same characters
   */
  @Override
  public boolean matches(CharSequence probe, String key) {
    matchesCalls++;
    return DELEGATE.matches(probe, key);
  }

  /**
   * Counts, then returns the characters as a new {@code String}.
   *
   * @param probe the characters of a new key
   * @return {@code probe.toString()}
   */
  @Override
  public String toKey(CharSequence probe) {
    toKeyCalls++;
    return DELEGATE.toKey(probe);
  }
}
