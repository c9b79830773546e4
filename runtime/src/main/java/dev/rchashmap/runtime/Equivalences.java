package dev.rchashmap.runtime;

import java.util.Objects;

/**
 * The singleton equivalences behind {@link Equivalence#natural()}, {@link
 * Equivalence#identity()} and the primitive {@code natural()} methods. Interfaces cannot hold
 * private classes, so the implementations live here, out of the public API. All are stateless
 * and therefore thread-safe; being singletons, a map may recognise a default with {@code ==}.
 */
final class Equivalences {

  /** {@link Objects#equals(Object, Object)} and {@link Objects#hashCode(Object)}. */
  static final Equivalence<Object> NATURAL =
      new Equivalence<>() {
        @Override
        public int hash(Object value) {
          return Objects.hashCode(value);
        }

        @Override
        public boolean equivalent(Object a, Object b) {
          return Objects.equals(a, b);
        }

        @Override
        public String toString() {
          return "Equivalence.natural()";
        }
      };

  /** {@code ==} and {@link System#identityHashCode(Object)}. */
  static final Equivalence<Object> IDENTITY =
      new Equivalence<>() {
        @Override
        public int hash(Object value) {
          return System.identityHashCode(value);
        }

        @Override
        public boolean equivalent(Object a, Object b) {
          return a == b;
        }

        @Override
        public String toString() {
          return "Equivalence.identity()";
        }
      };

  /** {@code a == b} and {@link Boolean#hashCode(boolean)}. */
  static final BooleanEquivalence NATURAL_BOOLEAN =
      new BooleanEquivalence() {
        @Override
        public int hash(boolean value) {
          return Boolean.hashCode(value);
        }

        @Override
        public boolean equivalent(boolean a, boolean b) {
          return a == b;
        }

        @Override
        public String toString() {
          return "BooleanEquivalence.natural()";
        }
      };

  /** {@code a == b} and {@link Byte#hashCode(byte)}. */
  static final ByteEquivalence NATURAL_BYTE =
      new ByteEquivalence() {
        @Override
        public int hash(byte value) {
          return Byte.hashCode(value);
        }

        @Override
        public boolean equivalent(byte a, byte b) {
          return a == b;
        }

        @Override
        public String toString() {
          return "ByteEquivalence.natural()";
        }
      };

  /** {@code a == b} and {@link Short#hashCode(short)}. */
  static final ShortEquivalence NATURAL_SHORT =
      new ShortEquivalence() {
        @Override
        public int hash(short value) {
          return Short.hashCode(value);
        }

        @Override
        public boolean equivalent(short a, short b) {
          return a == b;
        }

        @Override
        public String toString() {
          return "ShortEquivalence.natural()";
        }
      };

  /** {@code a == b} and {@link Character#hashCode(char)}. */
  static final CharEquivalence NATURAL_CHAR =
      new CharEquivalence() {
        @Override
        public int hash(char value) {
          return Character.hashCode(value);
        }

        @Override
        public boolean equivalent(char a, char b) {
          return a == b;
        }

        @Override
        public String toString() {
          return "CharEquivalence.natural()";
        }
      };

  /** {@code a == b} and {@link Integer#hashCode(int)}. */
  static final IntEquivalence NATURAL_INT =
      new IntEquivalence() {
        @Override
        public int hash(int value) {
          return Integer.hashCode(value);
        }

        @Override
        public boolean equivalent(int a, int b) {
          return a == b;
        }

        @Override
        public String toString() {
          return "IntEquivalence.natural()";
        }
      };

  /** {@code a == b} and {@link Long#hashCode(long)}. */
  static final LongEquivalence NATURAL_LONG =
      new LongEquivalence() {
        @Override
        public int hash(long value) {
          return Long.hashCode(value);
        }

        @Override
        public boolean equivalent(long a, long b) {
          return a == b;
        }

        @Override
        public String toString() {
          return "LongEquivalence.natural()";
        }
      };

  /** {@code Float.floatToIntBits(a) == Float.floatToIntBits(b)} and {@link Float#hashCode(float)}. */
  static final FloatEquivalence NATURAL_FLOAT =
      new FloatEquivalence() {
        @Override
        public int hash(float value) {
          return Float.hashCode(value);
        }

        @Override
        public boolean equivalent(float a, float b) {
          return Float.floatToIntBits(a) == Float.floatToIntBits(b);
        }

        @Override
        public String toString() {
          return "FloatEquivalence.natural()";
        }
      };

  /** {@code Double.doubleToLongBits(a) == Double.doubleToLongBits(b)} and {@link Double#hashCode(double)}. */
  static final DoubleEquivalence NATURAL_DOUBLE =
      new DoubleEquivalence() {
        @Override
        public int hash(double value) {
          return Double.hashCode(value);
        }

        @Override
        public boolean equivalent(double a, double b) {
          return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
        }

        @Override
        public String toString() {
          return "DoubleEquivalence.natural()";
        }
      };

  private Equivalences() {}
}
