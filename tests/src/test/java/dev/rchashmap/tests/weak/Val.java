package dev.rchashmap.tests.weak;

/**
 * A value equal to every other {@code Val} of the same number, and a fresh object per call of
 * the constructor (unlike small {@code Integer}s or string literals, which the JVM keeps alive),
 * so that a map holding values weakly loses it once the test lets go.
 */
final class Val {
  final int number;

  Val(int number) {
    this.number = number;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Val && ((Val) other).number == number;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(number);
  }

  @Override
  public String toString() {
    return "Val(" + number + ")";
  }
}
