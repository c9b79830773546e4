/**
 * Seeded property and model tests for rchashmap's own tests, on {@link java.util.SplittableRandom}.
 *
 * <ul>
 *   <li>{@link dev.rchashmap.testkit.Gen} draws values from a seed, with explicit edge values
 *       (integral extremes, NaN payloads, signed zeros, empty and long strings, ...).
 *   <li>{@link dev.rchashmap.testkit.Property} turns a property into one JUnit dynamic test per
 *       seed; a failure names its seed, and {@code -Drchashmap.seed=0x...} replays it.
 *   <li>{@link dev.rchashmap.testkit.OperationMix} generates operation lists for model tests in
 *       fill and drain phases.
 *   <li>{@link dev.rchashmap.testkit.Shrinker} shrinks a failing operation list by dropping
 *       chunks while it still fails, and reports the smallest list.
 *   <li>{@link dev.rchashmap.testkit.Settings} reads the system properties that steer them.
 * </ul>
 *
 * <p>Only tests use this module (test scope); it is never deployed.
 */
package dev.rchashmap.testkit;
