package dev.rchashmap.tests.weak;

import java.lang.reflect.Field;

/**
 * Reads private fields of a generated weak map: how much slot storage and index it holds, which
 * the tests of churn check does not grow without bound (the sizes are not API).
 */
final class WeakInternals {
  private WeakInternals() {}

  /** The number of slots of {@code map}'s storage: the length of its {@code generations}. */
  static int storageLength(Object map) {
    return ((int[]) get(map, "generations")).length;
  }

  /** The number of cells of {@code map}'s hash index. */
  static int indexLength(Object map) {
    return ((int[]) get(map, "cellHashes")).length;
  }

  private static Object get(Object map, String name) {
    try {
      Field field = map.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(map);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(map.getClass().getName() + " has no readable field " + name, e);
    }
  }
}
