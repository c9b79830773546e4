package dev.rchashmap.tests.model;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Random operation sequences for the model-based tests. */
final class Operations {

  /** Key seeds: few enough that inserts hit duplicates and removed keys come back often. */
  static final int KEY_SEEDS = 40;

  /** Value seeds. */
  static final int VALUE_SEEDS = 100;

  /** The longest sequence. */
  static final int MAX_LENGTH = 200;

  private Operations() {}

  /** Sequences of up to {@link #MAX_LENGTH} operations, lengths spread uniformly. */
  static Arbitrary<List<Op>> sequences() {
    return operation()
        .list()
        .ofMaxSize(MAX_LENGTH)
        .withSizeDistribution(RandomDistribution.uniform());
  }

  private static Arbitrary<Op> operation() {
    Arbitrary<Integer> keys = Arbitraries.integers().between(0, KEY_SEEDS - 1);
    Arbitrary<Integer> values = Arbitraries.integers().between(0, VALUE_SEEDS - 1);
    Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1_000);
    Arbitrary<Integer> every = Arbitraries.integers().between(1, 4);
    List<Tuple2<Integer, Arbitrary<Op>>> weighted =
        List.of(
            Tuple.of(20, Combinators.combine(keys, values).<Op>as(Op.Insert::new)),
            Tuple.of(10, Combinators.combine(keys, values).<Op>as(Op.TryInsert::new)),
            Tuple.of(10, Combinators.combine(keys, values).<Op>as(Op.InsertWith::new)),
            Tuple.of(10, Combinators.combine(keys, values).<Op>as(Op.Lookup::new)),
            Tuple.of(15, picks.<Op>map(Op.RemoveLive::new)),
            Tuple.of(4, picks.<Op>map(Op.RemoveStale::new)),
            Tuple.of(10, Combinators.combine(picks, values).<Op>as(Op.SetValue::new)),
            Tuple.of(1, Arbitraries.<Op>just(new Op.Clear())),
            Tuple.of(3, Combinators.combine(every, picks).<Op>as(Op.CursorRemove::new)),
            Tuple.of(2, Combinators.combine(every, values).<Op>as(Op.CursorSetValue::new)),
            Tuple.of(2, Arbitraries.<Op>just(new Op.ForEach())));
    return Arbitraries.frequencyOf(weighted);
  }
}
