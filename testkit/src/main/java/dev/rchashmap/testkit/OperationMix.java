package dev.rchashmap.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A weighted mix of operation kinds that generates operation lists in phases, so that the
 * structure under test fills up, drains, and fills again.
 *
 * <pre>{@code
 * OperationMix<Op> mix = OperationMix.<Op>builder()
 *     .add(200, Effect.GROWS, Op.Insert::draw)
 *     .add(150, Effect.SHRINKS, Op.RemoveLive::draw)
 *     .add(100, Effect.NEUTRAL, Op.Lookup::draw)
 *     .build();
 * List<Op> ops = mix.sequence(gen, 20_000, 1_000);
 * }</pre>
 *
 * <p>Each kind is registered once, with its base weight, its {@link Effect} on the size, and how
 * to draw one operation of that kind from a {@link Gen}; adding an operation to a model test is
 * one {@link Builder#add} line. A {@link Phase} scales the weights by effect: {@link Phase#FILL}
 * favours the kinds that grow the structure, {@link Phase#DRAIN} those that shrink it, {@link
 * Phase#MIXED} keeps the base weights.
 *
 * @param <O> the operation type
 */
public final class OperationMix<O> {

  /** What an operation kind tends to do to the size of the structure. */
  public enum Effect {
    /** Adds entries (inserts). */
    GROWS,
    /** Removes entries (removals, releases, closes). */
    SHRINKS,
    /** Leaves the size alone (lookups, value updates, iteration). */
    NEUTRAL
  }

  /** A stretch of operations with one bias. */
  public enum Phase {
    /** Growing kinds weigh 8 times their base weight, neutral ones 2 times. */
    FILL(8, 1, 2),
    /** Shrinking kinds weigh 8 times their base weight, neutral ones 2 times. */
    DRAIN(1, 8, 2),
    /** Every kind keeps its base weight. */
    MIXED(2, 2, 2);

    private final int grows;
    private final int shrinks;
    private final int neutral;

    Phase(int grows, int shrinks, int neutral) {
      this.grows = grows;
      this.shrinks = shrinks;
      this.neutral = neutral;
    }

    /**
     * Returns the factor this phase applies to the base weight of a kind.
     *
     * @param effect the kind's effect
     * @return the factor
     */
    public int factor(Effect effect) {
      switch (effect) {
        case GROWS:
          return grows;
        case SHRINKS:
          return shrinks;
        default:
          return neutral;
      }
    }
  }

  private final List<Kind<O>> kinds;

  /** The weights of the kinds in each phase, indexed by phase ordinal. */
  private final int[][] weights;

  private OperationMix(List<Kind<O>> kinds) {
    this.kinds = List.copyOf(kinds);
    this.weights = new int[Phase.values().length][this.kinds.size()];
    for (Phase phase : Phase.values()) {
      for (int i = 0; i < this.kinds.size(); i++) {
        Kind<O> kind = this.kinds.get(i);
        weights[phase.ordinal()][i] = Math.multiplyExact(kind.weight(), phase.factor(kind.effect()));
      }
    }
  }

  /**
   * Starts a mix.
   *
   * @param <O> the operation type
   * @return an empty builder
   */
  public static <O> Builder<O> builder() {
    return new Builder<>();
  }

  /**
   * Draws one operation: a kind by its weight in {@code phase}, then the operation from it.
   *
   * @param gen the source of randomness
   * @param phase the phase whose weights apply
   * @return the operation
   */
  public O draw(Gen gen, Phase phase) {
    return kinds.get(gen.weighted(weights[phase.ordinal()])).draw().apply(gen);
  }

  /**
   * Generates {@code length} operations in phases: {@link Phase#FILL} first, then {@link
   * Phase#DRAIN}, sometimes with a {@link Phase#MIXED} phase between them, and again. Each phase
   * lasts a random number of operations between half and one and a half times {@code
   * phaseLength}.
   *
   * @param gen the source of randomness
   * @param length how many operations
   * @param phaseLength the mean length of a phase, positive
   * @return the operations
   */
  public List<O> sequence(Gen gen, int length, int phaseLength) {
    if (phaseLength < 1) {
      throw new IllegalArgumentException("phase length must be positive: " + phaseLength);
    }
    List<O> ops = new ArrayList<>(length);
    Phase phase = Phase.FILL;
    int left = phaseLength / 2 + gen.below(phaseLength + 1);
    for (int i = 0; i < length; i++) {
      if (left-- == 0) {
        phase = next(gen, phase);
        left = phaseLength / 2 + gen.below(phaseLength + 1);
      }
      ops.add(draw(gen, phase));
    }
    return ops;
  }

  /**
   * Generates {@code length} operations all drawn with the weights of one phase; {@link
   * Phase#MIXED} gives the base weights, for short lists that need no fill or drain.
   *
   * @param gen the source of randomness
   * @param length how many operations
   * @param phase the phase whose weights apply throughout
   * @return the operations
   */
  public List<O> sequence(Gen gen, int length, Phase phase) {
    List<O> ops = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      ops.add(draw(gen, phase));
    }
    return ops;
  }

  private static Phase next(Gen gen, Phase phase) {
    switch (phase) {
      case FILL:
        return gen.oneIn(3) ? Phase.MIXED : Phase.DRAIN;
      case MIXED:
        return Phase.DRAIN;
      default:
        return Phase.FILL;
    }
  }

  /**
   * One kind of operation.
   *
   * @param weight its base weight, positive
   * @param effect what it tends to do to the size
   * @param draw draws one operation of this kind
   * @param <O> the operation type
   */
  private record Kind<O>(int weight, Effect effect, Function<Gen, ? extends O> draw) {}

  /**
   * Collects the kinds of a mix.
   *
   * @param <O> the operation type
   */
  public static final class Builder<O> {
    private final List<Kind<O>> kinds = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a kind of operation.
     *
     * @param weight its base weight, relative to the other kinds; positive
     * @param effect what it tends to do to the size, which decides its weight in each phase
     * @param draw draws one operation of this kind
     * @return this builder
     */
    public Builder<O> add(int weight, Effect effect, Function<Gen, ? extends O> draw) {
      if (weight < 1) {
        throw new IllegalArgumentException("weight must be positive: " + weight);
      }
      kinds.add(new Kind<>(weight, Objects.requireNonNull(effect), Objects.requireNonNull(draw)));
      return this;
    }

    /**
     * Returns the mix.
     *
     * @return the mix of the kinds added so far
     * @throws IllegalStateException if no kind was added
     */
    public OperationMix<O> build() {
      if (kinds.isEmpty()) {
        throw new IllegalStateException("no operation kinds");
      }
      return new OperationMix<>(kinds);
    }
  }
}
