package dev.rchashmap.tests.trust;

import java.lang.reflect.Field;

/**
 * Reads (and, for the tests that must wear a slot out, writes) the private fields of a generated
 * map: the hash index and slot storage are not API, but the tests that count probes or retire a
 * slot need to see them. Public for the mutation tests, which do the same to every layer.
 */
public final class Internals {
  private Internals() {}

  /** The value of the private field {@code name} of {@code map}. */
  public static Object get(Object map, String name) {
    try {
      return field(map, name).get(map);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** The private {@code int[]} field {@code name} of {@code map}. */
  public static int[] ints(Object map, String name) {
    return (int[]) get(map, name);
  }

  /** The private {@code int} field {@code name} of {@code map}. */
  public static int intField(Object map, String name) {
    return (Integer) get(map, name);
  }

  private static Field field(Object map, String name) {
    for (Class<?> type = map.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // try the superclass
      }
    }
    throw new AssertionError(map.getClass().getName() + " has no field " + name);
  }

  /**
   * The probe length of every entry of a map's index: 1 for an entry in its home cell, 2 for one
   * in the cell after it, and so on.
   */
  public static int[] probeLengths(Object map) {
    int[] cellHashes = ints(map, "cellHashes");
    int shift = intField(map, "shift");
    int mask = cellHashes.length - 1;
    int count = 0;
    for (int hash : cellHashes) {
      count += hash != 0 ? 1 : 0;
    }
    int[] lengths = new int[count];
    int next = 0;
    for (int cell = 0; cell < cellHashes.length; cell++) {
      int hash = cellHashes[cell];
      if (hash != 0) {
        int home = (hash >>> shift) & mask;
        lengths[next++] = ((cell - home) & mask) + 1;
      }
    }
    return lengths;
  }
}
