package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.testkit.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class HandlesTest {

  @TestFactory
  Stream<DynamicTest> roundTripsIndexAndLiveGeneration() {
    return Property.forAll(
        1000,
        gen -> {
          int index = gen.ints(0, Integer.MAX_VALUE);
          int generation = gen.ints(1, Handles.MAX_GENERATION);
          long handle = Handles.of(index, generation);
          assertEquals(index, Handles.index(handle));
          assertEquals(generation, Handles.generation(handle));
          assertNotEquals(Handles.NONE, handle);
        });
  }

  @TestFactory
  Stream<DynamicTest> roundTripsAnyBits() {
    return Property.forAll(
        1000,
        gen -> {
          int index = gen.ints();
          int generation = gen.ints();
          long handle = Handles.of(index, generation);
          assertEquals(index, Handles.index(handle));
          assertEquals(generation, Handles.generation(handle));
        });
  }

  @Test
  void packsGenerationHighAndIndexLow() {
    assertEquals(0x0000_0005_0000_0003L, Handles.of(3, 5));
    // A negative index must not sign-extend into the generation bits.
    assertEquals(0x0000_0001_FFFF_FFFFL, Handles.of(-1, 1));
    assertEquals(0x7FFF_FFFF_0000_0000L, Handles.of(0, Handles.MAX_GENERATION));
    assertEquals(Handles.RETIRED, Handles.generation(Handles.of(7, Handles.RETIRED)));
    assertEquals(7, Handles.index(Handles.of(7, Handles.RETIRED)));
  }

  @Test
  void noneIsZeroAndHasVacantGeneration() {
    assertEquals(0L, Handles.NONE);
    assertEquals(0, Handles.index(Handles.NONE));
    assertEquals(0, Handles.generation(Handles.NONE));
  }

  @Test
  void vacateMakesLiveGenerationsEvenAndRetiresAtTheTop() {
    assertEquals(2, Handles.vacate(1));
    assertEquals(6, Handles.vacate(5));
    assertEquals(Handles.MAX_GENERATION - 1, Handles.vacate(Handles.MAX_GENERATION - 2));
    assertEquals(Handles.RETIRED, Handles.vacate(Handles.MAX_GENERATION));
    assertTrue(Handles.RETIRED < 0, "retired must not look vacant (even >= 0)");
    assertEquals(0, Handles.RETIRED % 2, "retired must not look live (odd)");
    assertEquals(1, Handles.MAX_GENERATION % 2, "MAX_GENERATION must be a live generation");
  }

  @TestFactory
  Stream<DynamicTest> vacateOfALiveGenerationIsVacantOrRetired() {
    return Property.forAll(
        1000,
        gen -> {
          int live = 2 * gen.ints(0, Handles.MAX_GENERATION / 2) + 1;
          int vacated = Handles.vacate(live);
          if (live == Handles.MAX_GENERATION) {
            assertEquals(Handles.RETIRED, vacated);
          } else {
            assertEquals(live + 1, vacated);
            assertTrue(vacated > 0 && vacated % 2 == 0);
          }
        });
  }

  @Test
  void toStringNamesNoneOrIndexAndGeneration() {
    assertEquals("NONE", Handles.toString(Handles.NONE));
    assertEquals("Handle[index=3, generation=5]", Handles.toString(Handles.of(3, 5)));
    assertEquals(
        "Handle[index=0, generation=2147483647]",
        Handles.toString(Handles.of(0, Handles.MAX_GENERATION)));
  }
}
