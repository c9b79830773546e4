package dev.rchashmap.runtime;

import java.util.Objects;

/**
 * The keepalive count of a reference-counted map: how many parties still need its storage.
 *
 * <p>The map's owner holds one unit from the start, and every live entry holds one more. Closing
 * the map returns the owner's unit; removing an entry (when its last {@code Ref} is closed)
 * returns the entry's unit. Live entries therefore stay fully usable after the owner has let go,
 * and when the last unit comes back, whoever returned it runs the release action: the map drops
 * its arrays and calls its on-dispose callback. This is the seed's keepalive model, where the
 * storage is freed when both the map and its last handle are gone.
 *
 * <p>Release is final: once the count reaches zero, {@link #acquire()} and {@link #release()}
 * throw {@link IllegalStateException}, and the release action never runs again.
 *
 * <p>Not thread-safe, like the maps: a keepalive must be confined to one thread at a time or
 * guarded externally. The leak detector never touches it (see {@link LeakDetector}).
 */
public final class Keepalive {

  /** Runs once, when the last unit is returned. */
  private final Runnable onRelease;

  /** Units still held; zero exactly when released. */
  private int units;

  /**
   * Creates a keepalive holding one unit, the owner's.
   *
   * @param onRelease the action to run when the last unit is returned, e.g. dropping the map's
   *     storage and calling its on-dispose callback
   * @throws NullPointerException if {@code onRelease} is {@code null}
   */
  public Keepalive(Runnable onRelease) {
    this.onRelease = Objects.requireNonNull(onRelease, "onRelease");
    this.units = 1;
  }

  /**
   * Takes one more unit, for a new live entry.
   *
   * @throws IllegalStateException if the keepalive is already released (no unit can be taken
   *     once the storage is gone), or if {@link Integer#MAX_VALUE} units are already held
   */
  public void acquire() {
    int held = units;
    if (held == 0) {
      throw new IllegalStateException("keepalive already released; no unit can be acquired");
    }
    if (held == Integer.MAX_VALUE) {
      throw new IllegalStateException(
          "keepalive overflow: " + held + " units are already held, no more can be acquired");
    }
    units = held + 1;
  }

  /**
   * Returns one unit. When it is the last one, the keepalive becomes released and runs its
   * release action, exactly once.
   *
   * <p>If the release action throws, the keepalive stays released (the action is not run again)
   * and the exception propagates to the caller.
   *
   * @return {@code true} if this call returned the last unit and ran the release action
   * @throws IllegalStateException if the keepalive is already released
   */
  public boolean release() {
    int held = units;
    if (held == 0) {
      throw new IllegalStateException("keepalive already released; no unit can be returned");
    }
    units = held - 1;
    if (held != 1) {
      return false;
    }
    onRelease.run();
    return true;
  }

  /**
   * Returns the number of units held, for tests and diagnostics.
   *
   * @return the owner's unit (if not yet returned) plus one per live entry; {@code 0} once
   *     released
   */
  public int units() {
    return units;
  }

  /**
   * Tells whether the last unit has been returned.
   *
   * @return {@code true} once the release action has been started; final
   */
  public boolean isReleased() {
    return units == 0;
  }

  /**
   * Describes the keepalive for diagnostics.
   *
   * @return {@code "Keepalive[units=N]"}, or {@code "Keepalive[released]"}
   */
  @Override
  public String toString() {
    int held = units;
    return held == 0 ? "Keepalive[released]" : "Keepalive[units=" + held + "]";
  }
}
