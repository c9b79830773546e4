package dev.rchashmap.runtime;

import java.util.Objects;

/**
 * One leak found by the {@link LeakDetector}: a tracked object, typically a map's {@code Ref},
 * that became unreachable without being closed.
 *
 * @param description what leaked, as given to {@link LeakDetector#track(String)}; never
 *     {@code null}
 * @param creationSite where the leaked object was created, as the stack trace of a {@link
 *     Throwable} recorded when it was tracked; {@code null} unless it was tracked at level {@link
 *     LeakDetector.Level#PARANOID}
 */
public record LeakReport(String description, Throwable creationSite) {

  /**
   * Creates a report.
   *
   * @param description what leaked
   * @param creationSite where it was created, or {@code null} if unknown
   * @throws NullPointerException if {@code description} is {@code null}
   */
  public LeakReport {
    Objects.requireNonNull(description, "description");
  }
}
