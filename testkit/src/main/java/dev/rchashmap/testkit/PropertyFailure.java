package dev.rchashmap.testkit;

/**
 * A property failed for one seed. The message names the property, the seed, the system
 * properties that replay it, and the first values drawn, followed by the failure itself, which
 * is also the cause.
 */
public final class PropertyFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** The property's name. */
  private final String property;

  /** The failing seed. */
  private final long seed;

  /**
   * Creates the failure report.
   *
   * @param property the property's name, {@code Class#method}
   * @param seed the failing seed
   * @param index which of the property's seeds, from 0
   * @param count how many seeds the property runs
   * @param draws the values drawn, as {@link Gen} describes them
   * @param cause what the property threw
   */
  PropertyFailure(String property, long seed, int index, int count, String draws, Throwable cause) {
    super(message(property, seed, index, count, draws, cause), cause);
    this.property = property;
    this.seed = seed;
  }

  /**
   * Returns the name of the failed property.
   *
   * @return {@code Class#method}, or the name it was given
   */
  public String property() {
    return property;
  }

  /**
   * Returns the seed that fails.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  private static String message(
      String property, long seed, int index, int count, String draws, Throwable cause) {
    String hex = Settings.formatSeed(seed);
    return property + " failed for seed " + hex + " (seed " + (index + 1) + " of " + count + ")"
        + "\n  replay: -D" + Settings.SEED + "=" + hex + " -Dtest='" + property + "'"
        + "\n  " + draws
        + "\n  failure: " + cause;
  }
}
