package dev.rchashmap.tests;

import java.util.Objects;

/**
 * A map key whose {@code hashCode} and {@code equals} first run an action chosen by the test: throw
 * a {@link UserCodeFailure}, or call back into a map. Keys with the same name are equal and have
 * the same hash code, so looking up a second instance of a stored key makes the map call
 * {@code equals}.
 */
final class TrapKey {

  private static final Runnable NOTHING = () -> {};

  private final String name;
  private Runnable beforeHashCode = NOTHING;
  private Runnable beforeEquals = NOTHING;
  private int equalsCalls;

  private TrapKey(String name) {
    this.name = Objects.requireNonNull(name);
  }

  /** A key that behaves normally until armed. */
  static TrapKey named(String name) {
    return new TrapKey(name);
  }

  /** Runs {@code action} at the start of every {@code hashCode()} call. */
  TrapKey beforeHashCode(Runnable action) {
    this.beforeHashCode = action;
    return this;
  }

  /** Runs {@code action} at the start of every {@code equals(...)} call. */
  TrapKey beforeEquals(Runnable action) {
    this.beforeEquals = action;
    return this;
  }

  /** Makes {@code hashCode} throw {@code failure}. */
  TrapKey throwingFromHashCode(UserCodeFailure failure) {
    return beforeHashCode(() -> {
      throw failure;
    });
  }

  /** Makes {@code equals} throw {@code failure}. */
  TrapKey throwingFromEquals(UserCodeFailure failure) {
    return beforeEquals(() -> {
      throw failure;
    });
  }

  /** Back to ordinary behaviour. */
  TrapKey disarm() {
    beforeHashCode = NOTHING;
    beforeEquals = NOTHING;
    return this;
  }

  /** How many times {@code equals} was called on this instance. */
  int equalsCalls() {
    return equalsCalls;
  }

  @Override
  public int hashCode() {
    beforeHashCode.run();
    return name.hashCode();
  }

  @Override
  public boolean equals(Object other) {
    equalsCalls++;
    beforeEquals.run();
    return other instanceof TrapKey && ((TrapKey) other).name.equals(name);
  }

  @Override
  public String toString() {
    return "TrapKey(" + name + ")";
  }

  /** The exception that armed keys throw, so a test can tell it from anything the map throws. */
  static final class UserCodeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserCodeFailure(String message) {
      super(message);
    }
  }
}
