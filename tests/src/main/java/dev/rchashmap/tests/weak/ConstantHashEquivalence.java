package dev.rchashmap.tests.weak;

import dev.rchashmap.runtime.Equivalence;

/**
 * An equivalence whose hash is the same for every key, so that every key of a map using it lands
 * in one probe cluster; keys compare with {@code equals}. A weak map using it must take a
 * collected key's entry out of the middle of the cluster without hashing anything.
 */
public final class ConstantHashEquivalence implements Equivalence<Object> {

  /** The hash of every key. */
  public static final int HASH = 7;

  /** Creates the equivalence; the processor instantiates it through this constructor. */
  public ConstantHashEquivalence() {}

  /**
   * Returns {@link #HASH} whatever the key.
   *
   * @param key ignored
   * @return {@link #HASH}
   */
  @Override
  public int hash(Object key) {
    return HASH;
  }

  /**
   * Compares keys with {@code equals}.
   *
   * @param a a key
   * @param b another key
   * @return {@code a.equals(b)}
   */
  @Override
  public boolean equivalent(Object a, Object b) {
    return a.equals(b);
  }
}
