package dev.rchashmap.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.testkit.OperationMix.Effect;
import dev.rchashmap.testkit.OperationMix.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationMixTest {

  private static final OperationMix<String> MIX =
      OperationMix.<String>builder()
          .add(1, Effect.GROWS, gen -> "+")
          .add(1, Effect.SHRINKS, gen -> "-")
          .add(1, Effect.NEUTRAL, gen -> "=")
          .build();

  private static int count(Phase phase, String op) {
    Gen gen = new Gen(1);
    int n = 0;
    for (int i = 0; i < 11_000; i++) {
      n += MIX.draw(gen, phase).equals(op) ? 1 : 0;
    }
    return n;
  }

  @Test
  void phasesScaleTheWeightsByEffect() {
    // FILL: 8 : 1 : 2 of 11 000 draws, so about 8000, 1000, 2000.
    assertTrue(Math.abs(count(Phase.FILL, "+") - 8000) < 300);
    assertTrue(Math.abs(count(Phase.FILL, "-") - 1000) < 150);
    assertTrue(Math.abs(count(Phase.DRAIN, "-") - 8000) < 300);
    assertTrue(Math.abs(count(Phase.MIXED, "+") - 11_000 / 3) < 300);
  }

  @Test
  void aSequenceFillsAndDrainsAgain() {
    List<String> ops = MIX.sequence(new Gen(2), 20_000, 1000);
    assertEquals(20_000, ops.size());
    // Follow the size the operations would give in a structure of at most 300 entries (an insert
    // into a full one finds a duplicate, a removal from an empty one finds nothing). Phases of
    // about 1000 operations move the size by more than that: it swings from end to end.
    int size = 0;
    int peak = 0;
    int swings = 0;
    boolean high = false;
    for (String op : ops) {
      size = Math.max(0, Math.min(300, size + (op.equals("+") ? 1 : op.equals("-") ? -1 : 0)));
      peak = Math.max(peak, size);
      if (!high && size >= 290) {
        high = true;
      } else if (high && size <= 10) {
        high = false;
        swings++;
      }
    }
    assertEquals(300, peak);
    // 20 000 operations make about 20 phases, 8 or 9 of them fills, each followed by a drain.
    assertTrue(swings >= 6, swings + " swings");
  }

  @Test
  void aSinglePhaseSequenceKeepsItsWeights() {
    List<String> ops = MIX.sequence(new Gen(4), 9000, Phase.MIXED);
    assertEquals(9000, ops.size());
    long grows = ops.stream().filter("+"::equals).count();
    assertTrue(Math.abs(grows - 3000) < 200, grows + " of 9000");
    long fill = MIX.sequence(new Gen(4), 11_000, Phase.FILL).stream().filter("+"::equals).count();
    assertTrue(Math.abs(fill - 8000) < 300, fill + " of 11000");
  }

  @Test
  void rejectsEmptyMixesAndBadWeights() {
    assertThrows(IllegalStateException.class, () -> OperationMix.<String>builder().build());
    assertThrows(IllegalArgumentException.class,
        () -> OperationMix.<String>builder().add(0, Effect.GROWS, gen -> ""));
    assertThrows(IllegalArgumentException.class, () -> MIX.sequence(new Gen(3), 10, 0));
  }
}
