package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.ref.ReferenceQueue;
import org.junit.jupiter.api.Test;

/**
 * {@link Weakness} and {@link SlotReference} on their own, without the garbage collector: which
 * sides each weakness holds weakly and its whole truth table, and what a slot reference carries.
 */
class WeaknessTest {

  @Test
  void eachWeaknessNamesTheSidesItHoldsWeakly() {
    assertEquals(true, Weakness.KEY.weakKeys());
    assertEquals(false, Weakness.KEY.weakValues());
    assertEquals(false, Weakness.VALUE.weakKeys());
    assertEquals(true, Weakness.VALUE.weakValues());
    assertEquals(true, Weakness.KEY_OR_VALUE.weakKeys());
    assertEquals(true, Weakness.KEY_OR_VALUE.weakValues());
    assertEquals(true, Weakness.KEY_AND_VALUE.weakKeys());
    assertEquals(true, Weakness.KEY_AND_VALUE.weakValues());
  }

  @Test
  void keepsFollowsEachWeaknessTruthTable() {
    // keyAlive, valueAlive: (false, false), (false, true), (true, false), (true, true)
    assertTable(Weakness.KEY, false, false, true, true);
    assertTable(Weakness.VALUE, false, true, false, true);
    assertTable(Weakness.KEY_OR_VALUE, false, true, true, true);
    assertTable(Weakness.KEY_AND_VALUE, false, false, false, true);
  }

  private static void assertTable(
      Weakness weakness, boolean neither, boolean valueOnly, boolean keyOnly, boolean both) {
    assertEquals(neither, weakness.keeps(false, false), weakness + " with neither side alive");
    assertEquals(valueOnly, weakness.keeps(false, true), weakness + " with the value alive");
    assertEquals(keyOnly, weakness.keeps(true, false), weakness + " with the key alive");
    assertEquals(both, weakness.keeps(true, true), weakness + " with both alive");
  }

  @Test
  void aSlotReferenceCarriesItsSlotAndGenerationAndEntersItsQueue() {
    ReferenceQueue<Object> queue = new ReferenceQueue<>();
    Object referent = new Object();
    SlotReference<Object> reference = new SlotReference<>(referent, 17, 1 << 29, queue);
    assertSame(referent, reference.get());
    assertEquals(17, reference.slot());
    assertEquals(1 << 29, reference.generation());

    reference.enqueue();
    assertSame(reference, queue.poll());
    assertNull(queue.poll());
  }
}
