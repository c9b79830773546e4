package dev.rchashmap.tests.layers;

import dev.rchashmap.runtime.IntEquivalence;

/**
 * An {@code int} equivalence whose hash is the same for every key: all entries of a map using it
 * share one probe cluster, so finds compare many keys and removals shift the cluster. Equality is
 * {@code ==}.
 */
public final class ConstantHashIntEquivalence implements IntEquivalence {

  /** The hash of every key. */
  public static final int HASH = 7;

  /** Creates the equivalence; the processor instantiates it through this constructor. */
  public ConstantHashIntEquivalence() {}

  /**
   * Returns {@link #HASH} whatever the key.
   *
   * @param key ignored
   * @return {@link #HASH}
   */
  @Override
  public int hash(int key) {
    return HASH;
  }

  /**
   * Compares keys by value.
   *
   * @param a a key
   * @param b another key
   * @return {@code a == b}
   */
  @Override
  public boolean equivalent(int a, int b) {
    return a == b;
  }
}
