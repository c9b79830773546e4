package dev.rchashmap.tests.weak;

import dev.rchashmap.runtime.Equivalence;

/**
 * Lisp's {@code eq} as a class the processor can instantiate: keys are the same key only when they
 * are the same object, whatever their {@code equals} says. It delegates to {@link
 * Equivalence#identity()}, so it never calls a key's {@code hashCode} or {@code equals}.
 */
public final class IdentityEquivalence implements Equivalence<Object> {

  private static final Equivalence<Object> IDENTITY = Equivalence.identity();

  /** Creates the equivalence; the processor instantiates it through this constructor. */
  public IdentityEquivalence() {}

  /**
   * Returns the identity hash of {@code key}.
   *
   * @param key a key
   * @return {@link System#identityHashCode(Object)} of {@code key}
   */
  @Override
  public int hash(Object key) {
    return IDENTITY.hash(key);
  }

  /**
   * Tells whether {@code a} and {@code b} are the same object.
   *
   * @param a a key
   * @param b another key
   * @return {@code a == b}
   */
  @Override
  public boolean equivalent(Object a, Object b) {
    return IDENTITY.equivalent(a, b);
  }
}
