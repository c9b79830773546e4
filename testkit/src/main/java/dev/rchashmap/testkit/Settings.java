package dev.rchashmap.testkit;

import java.time.Duration;

/**
 * How {@link Property} and {@link Shrinker} run, read from system properties (Maven passes
 * {@code -D} options of the command line on to the test JVM):
 *
 * <table>
 *   <caption>System properties</caption>
 *   <tr><th>property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #SEED}</td><td>unset</td>
 *       <td>run every property with this one seed only ({@code 0x}-prefixed hex or decimal):
 *       replays a reported failure</td></tr>
 *   <tr><td>{@value #TRIES}</td><td>1</td>
 *       <td>multiplies the number of seeds of every property: {@code 0.1} for a quick run,
 *       {@code 10} for a long one (at least one seed is always run)</td></tr>
 *   <tr><td>{@value #SEED_BASE}</td><td>fixed</td>
 *       <td>where the seeds of each property are derived from ({@code 0x}-hex, decimal, or
 *       {@code random} for new seeds on every run); the default makes every run draw the same
 *       seeds</td></tr>
 *   <tr><td>{@value #SHRINK_SECONDS}</td><td>30</td>
 *       <td>how long {@link Shrinker} may spend on one failing operation list</td></tr>
 * </table>
 *
 * @param replaySeed the one seed to run, or {@code null} to derive seeds
 * @param triesScale the factor applied to every property's number of seeds, positive
 * @param seedBase the base the seeds are derived from
 * @param shrinkBudget the longest a shrink may take
 */
public record Settings(Long replaySeed, double triesScale, long seedBase, Duration shrinkBudget) {

  /** The system property naming a seed to replay. */
  public static final String SEED = "rchashmap.seed";

  /** The system property scaling the number of seeds. */
  public static final String TRIES = "rchashmap.tries";

  /** The system property choosing the base of the seeds. */
  public static final String SEED_BASE = "rchashmap.seedBase";

  /** The system property bounding the time spent shrinking, in seconds. */
  public static final String SHRINK_SECONDS = "rchashmap.shrinkSeconds";

  /** The seed base unless {@value #SEED_BASE} says otherwise. */
  public static final long DEFAULT_SEED_BASE = 0x5EED_2C4A_5B3A_0F17L;

  /**
   * Checks the values.
   *
   * @param replaySeed the one seed to run, or {@code null} to derive seeds
   * @param triesScale the factor applied to every property's number of seeds, positive
   * @param seedBase the base the seeds are derived from
   * @param shrinkBudget the longest a shrink may take
   * @throws IllegalArgumentException if {@code triesScale} is not positive or the budget is
   *     negative
   */
  public Settings {
    if (!(triesScale > 0) || Double.isInfinite(triesScale)) {
      throw new IllegalArgumentException("tries scale must be positive: " + triesScale);
    }
    if (shrinkBudget.isNegative()) {
      throw new IllegalArgumentException("negative shrink budget " + shrinkBudget);
    }
  }

  /**
   * Returns the settings of the default run: seeds derived from {@link #DEFAULT_SEED_BASE}, no
   * scaling, 30 seconds of shrinking.
   *
   * @return the defaults
   */
  public static Settings defaults() {
    return new Settings(null, 1.0, DEFAULT_SEED_BASE, Duration.ofSeconds(30));
  }

  /**
   * Returns the settings the system properties ask for, the defaults for those not set.
   *
   * @return the settings
   * @throws IllegalArgumentException if a property is set to something unreadable
   */
  public static Settings fromSystemProperties() {
    Settings d = defaults();
    String seed = System.getProperty(SEED);
    String tries = System.getProperty(TRIES);
    String base = System.getProperty(SEED_BASE);
    String shrink = System.getProperty(SHRINK_SECONDS);
    return new Settings(
        blank(seed) ? null : parseSeed(seed),
        blank(tries) ? d.triesScale() : Double.parseDouble(tries.trim()),
        blank(base)
            ? d.seedBase()
            : base.trim().equals("random") ? System.nanoTime() ^ d.seedBase() : parseSeed(base),
        blank(shrink) ? d.shrinkBudget() : Duration.ofMillis(
            Math.round(1000 * Double.parseDouble(shrink.trim()))));
  }

  /**
   * Reads a seed as printed by {@link #formatSeed}: {@code 0x} and up to 16 hex digits (all 64
   * bits, so a "negative" seed reads back), or a decimal {@code long}.
   *
   * @param text the seed
   * @return its value
   * @throws IllegalArgumentException if {@code text} is neither
   */
  public static long parseSeed(String text) {
    String s = text.trim().replace("_", "");
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return Long.parseUnsignedLong(s.substring(2), 16);
      }
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a seed: \"" + text + "\" (0x<hex> or decimal)", e);
    }
  }

  /**
   * Formats a seed as {@code 0x} and 16 hex digits, the form {@link #parseSeed} reads.
   *
   * @param seed the seed
   * @return its text
   */
  public static String formatSeed(long seed) {
    return String.format("0x%016x", seed);
  }

  /**
   * Returns how many seeds a property that asks for {@code tries} runs: {@code tries} times
   * the scale, rounded up, at least one; exactly one when a seed is replayed.
   *
   * @param tries the property's own number of seeds
   * @return the number to run
   */
  public int scaledTries(int tries) {
    if (replaySeed != null) {
      return 1;
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(tries * triesScale)));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
