package dev.rchashmap.tests.weak;

/**
 * A key equal to every other {@code Key} of the same id: a fresh object per call of the
 * constructor, never cached or interned, so the collector may take it as soon as the test lets
 * go of it, while an equal key made later still finds its entry.
 */
final class Key {
  final int id;

  Key(int id) {
    this.id = id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Key && ((Key) other).id == id;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(id);
  }

  @Override
  public String toString() {
    return "Key(" + id + ")";
  }
}
