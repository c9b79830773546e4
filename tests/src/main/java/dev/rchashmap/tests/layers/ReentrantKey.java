package dev.rchashmap.tests.layers;

import java.util.Objects;

/**
 * A key whose {@code equals} can run a hook, which the reentrancy tests use to call back into
 * the map that is comparing it. The hook runs only while {@link #armed} is set, so the same key
 * behaves normally before and after the test's critical call.
 */
public final class ReentrantKey {

  /** The key's identity. */
  private final int id;

  /** Run from {@link #equals} while armed. */
  private Runnable hook;

  /** Whether {@link #equals} runs the hook. */
  private boolean armed;

  /** How many times {@link #equals} ran the hook. */
  private int hookCalls;

  /**
   * Creates a key.
   *
   * @param id its identity: keys with the same id are equal
   */
  public ReentrantKey(int id) {
    this.id = id;
  }

  /**
   * Arms the key: its next {@code equals} calls run {@code hook} until {@link #disarm()}.
   *
   * @param hook what to run from {@code equals}
   */
  public void arm(Runnable hook) {
    this.hook = Objects.requireNonNull(hook, "hook");
    this.armed = true;
  }

  /** Stops running the hook. */
  public void disarm() {
    this.armed = false;
  }

  /**
   * Returns how many times the hook ran.
   *
   * @return the number of hook calls
   */
  public int hookCalls() {
    return hookCalls;
  }

  /**
   * Returns the key's identity.
   *
   * @return the id
   */
  public int id() {
    return id;
  }

  @Override
  public boolean equals(Object other) {
    if (armed) {
      hookCalls++;
      hook.run();
    }
    return other instanceof ReentrantKey && ((ReentrantKey) other).id == id;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(id);
  }

  @Override
  public String toString() {
    return "ReentrantKey[" + id + "]";
  }
}
