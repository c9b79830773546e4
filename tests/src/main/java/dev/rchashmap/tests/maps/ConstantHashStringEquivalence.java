package dev.rchashmap.tests.maps;

import dev.rchashmap.runtime.Equivalence;

/**
 * A {@code String} equivalence whose hash is the same for every key, so that every key of a map
 * using it collides and each lookup must compare keys with {@link String#equals}. Used to
 * exercise the collision and backward-shift-deletion paths of reference keys.
 */
public final class ConstantHashStringEquivalence implements Equivalence<String> {

  /** The hash of every key. */
  public static final int HASH = 42;

  /** Creates the equivalence; the processor instantiates it through this constructor. */
  public ConstantHashStringEquivalence() {}

  /**
   * Returns {@link #HASH} whatever the key.
   *
   * @param key ignored
   * @return {@link #HASH}
   */
  @Override
  public int hash(String key) {
    return HASH;
  }

  /**
   * Compares keys with {@link String#equals}.
   *
   * @param a a key
   * @param b another key
   * @return {@code a.equals(b)}
   */
  @Override
  public boolean equivalent(String a, String b) {
    return a.equals(b);
  }
}
