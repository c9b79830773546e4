package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.testkit.Property;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class EquivalenceTest {

  @Test
  void naturalUsesEqualsAndHashCode() {
    Equivalence<String> natural = Equivalence.natural();
    String a = new String("key");
    String b = new String("key");
    assertTrue(natural.equivalent(a, b));
    assertFalse(natural.equivalent(a, "other"));
    assertEquals("key".hashCode(), natural.hash(a));
    assertEquals(natural.hash(a), natural.hash(b));
  }

  @Test
  void naturalIsNullSafe() {
    Equivalence<Object> natural = Equivalence.natural();
    assertEquals(0, natural.hash(null));
    assertTrue(natural.equivalent(null, null));
    assertFalse(natural.equivalent(null, "x"));
    assertFalse(natural.equivalent("x", null));
  }

  @Test
  void identityIsEq() {
    Equivalence<String> identity = Equivalence.identity();
    String a = new String("key");
    String b = new String("key");
    assertTrue(identity.equivalent(a, a));
    assertFalse(identity.equivalent(a, b), "equal but distinct objects are distinct keys");
    assertEquals(System.identityHashCode(a), identity.hash(a));
    assertTrue(identity.equivalent(null, null));
    assertEquals(0, identity.hash(null));
  }

  @Test
  void singletons() {
    assertSame(Equivalence.<String>natural(), Equivalence.<Integer>natural());
    assertSame(Equivalence.<String>identity(), Equivalence.<Integer>identity());
    assertFalse(Objects.equals(Equivalence.natural(), Equivalence.identity()));
    assertEquals("Equivalence.natural()", Equivalence.natural().toString());
    assertEquals("Equivalence.identity()", Equivalence.identity().toString());
  }

  @TestFactory
  Stream<DynamicTest> naturalHashIsConsistentWithEquality() {
    return Property.forAll(
        1000,
        gen -> {
          String a = gen.strings();
          // One pair in four is equal but not identical, so the equal branch runs too.
          String b = gen.oneIn(4) ? new String(a) : gen.strings();
          Equivalence<String> natural = Equivalence.natural();
          assertEquals(a.equals(b), natural.equivalent(a, b));
          if (natural.equivalent(a, b)) {
            assertEquals(natural.hash(a), natural.hash(b));
          }
          assertTrue(natural.equivalent(a, new String(a)));
          assertEquals(natural.hash(a), natural.hash(new String(a)));
        });
  }
}
