package dev.rchashmap.tests.maps;

import dev.rchashmap.runtime.IntEquivalence;

/**
 * An {@code int} equivalence whose hash is the same for every key, so that every key of a map
 * using it collides: all entries share one home cell and one probe cluster. Equality is
 * {@code ==}. Used to exercise the collision and backward-shift-deletion paths.
 */
public final class ConstantHashIntEquivalence implements IntEquivalence {

  /** The hash of every key. */
  public static final int HASH = 42;

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
