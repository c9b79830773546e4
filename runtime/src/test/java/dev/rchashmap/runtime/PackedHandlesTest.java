package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.rchashmap.testkit.Gen;
import dev.rchashmap.testkit.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PackedHandlesTest {

  /** A shift, a slot it can address and a live generation. */
  record Case(int shift, int slot, int generation) {}

  /** Draws a shift, then a slot it can address and a live generation. */
  static Case drawCase(Gen gen) {
    int shift = gen.ints(2, 29);
    int slot = gen.ints(0, PackedHandles.slotLimit(shift) - 1);
    int half = gen.ints(0, Handles.MAX_GENERATION / 2);
    return new Case(shift, slot, 2 * half + 1);
  }

  @TestFactory
  Stream<DynamicTest> keepsTheSlotAndTheGenerationWhenItFits() {
    return Property.forAll(
        1000,
        gen -> {
          Case c = drawCase(gen);
          int packed = PackedHandles.pack(c.slot(), c.generation(), c.shift());
          assertNotEquals(0, packed);
          assertEquals(c.slot(), PackedHandles.slot(packed, c.shift()));
          boolean fits = c.generation() < 1 << (c.shift() - 1);
          assertEquals(fits ? c.generation() : 0, PackedHandles.generation(packed, c.shift()));
        });
  }

  @TestFactory
  Stream<DynamicTest> repackingForAGrownIndexKeepsTheSlotAndDropsAGenerationThatNoLongerFits() {
    return Property.forAll(
        1000,
        gen -> {
          Case c = drawCase(gen);
          int shift = Math.max(3, c.shift());
          int slot = Math.min(c.slot(), PackedHandles.slotLimit(shift) - 1);
          int packed = PackedHandles.pack(slot, c.generation(), shift);
          int repacked = PackedHandles.repack(packed, shift, shift - 1);
          assertEquals(slot, PackedHandles.slot(repacked, shift - 1));
          int generation = PackedHandles.generation(repacked, shift - 1);
          boolean fits = c.generation() < 1 << (shift - 2);
          assertEquals(fits ? c.generation() : 0, generation);
          assertEquals(PackedHandles.pack(slot, c.generation(), shift - 1), repacked);
        });
  }

  @TestFactory
  Stream<DynamicTest> aLeftOutGenerationStaysOut() {
    return Property.forAll(
        1000,
        gen -> {
          int shift = gen.ints(3, 29);
          int slot = gen.ints(0, 3);
          int packed = PackedHandles.pack(slot, 0, shift);
          assertEquals(0, PackedHandles.generation(packed, shift));
          int repacked = PackedHandles.repack(packed, shift, shift - 1);
          assertEquals(0, PackedHandles.generation(repacked, shift - 1));
        });
  }

  @Test
  void layoutAtAMillionEntries() {
    // An index of 2^21 cells: shift 11, 22 slot bits, 10 generation bits.
    int shift = Hashing.shiftFor(1 << 21);
    assertEquals(11, shift);
    assertEquals((1 << 22) - 1, PackedHandles.slotLimit(shift));
    assertEquals(5 << 22 | 8, PackedHandles.pack(7, 5, shift));
    assertEquals(1023, PackedHandles.generation(PackedHandles.pack(0, 1023, shift), shift));
    assertEquals(0, PackedHandles.generation(PackedHandles.pack(0, 1025, shift), shift));
  }

  @Test
  void extremeShifts() {
    // The largest index (2^30 cells): one generation bit, 31 slot bits.
    assertEquals(Integer.MAX_VALUE, PackedHandles.slotLimit(2));
    int top = PackedHandles.pack(Integer.MAX_VALUE - 1, 1, 2);
    assertEquals(Integer.MAX_VALUE - 1, PackedHandles.slot(top, 2));
    assertEquals(1, PackedHandles.generation(top, 2));
    assertEquals(0, PackedHandles.generation(PackedHandles.pack(5, 3, 2), 2));
    // The smallest index (8 cells): 4 slot bits, 28 generation bits.
    assertEquals(15, PackedHandles.slotLimit(29));
    int small = PackedHandles.pack(14, (1 << 28) - 1, 29);
    assertEquals(14, PackedHandles.slot(small, 29));
    assertEquals((1 << 28) - 1, PackedHandles.generation(small, 29));
  }
}
