package dev.rchashmap.runtime;

/**
 * Packs and unpacks entry handles: a {@code long} that names one slot of a map's slot storage
 * together with the generation the slot had when the handle was made.
 *
 * <p>Layout: {@code handle = ((long) generation << 32) | index}. The low 32 bits are the slot
 * index, the high 32 bits the generation. A map accepts a handle only while the slot still has
 * that generation, so a handle to a removed entry is detected (it is "stale") instead of silently
 * reaching whatever entry later reuses the slot.
 *
 * <p>Generations encode the state of a slot:
 *
 * <ul>
 *   <li><b>live</b>: odd, {@code 1 .. }{@link #MAX_GENERATION}; the slot holds an entry;
 *   <li><b>vacant</b>: even and {@code >= 0}; the slot is free for reuse;
 *   <li><b>retired</b>: {@link #RETIRED}; the slot's generation would have wrapped around, so
 *       it is never handed out again (that would let an old handle alias a new entry).
 * </ul>
 *
 * <p>Because live generations are odd, no live handle is ever {@link #NONE}.
 */
public final class Handles {

  /** The handle that names no entry; lookups return it on a miss. Never a valid handle. */
  public static final long NONE = 0L;

  /** The highest generation a live slot can have; vacating such a slot retires it. */
  public static final int MAX_GENERATION = 0x7FFF_FFFF;

  /** The generation stored in a slot that would have wrapped around; it is never reused. */
  public static final int RETIRED = -2;

  private Handles() {}

  /**
   * Packs a slot index and a generation into a handle.
   *
   * @param index the slot index (the low 32 bits of the handle)
   * @param generation the slot's generation (the high 32 bits); odd for a live entry
   * @return {@code ((long) generation << 32) | (index & 0xFFFF_FFFFL)}
   */
  public static long of(int index, int generation) {
    return ((long) generation << 32) | (index & 0xFFFF_FFFFL);
  }

  /**
   * Returns the slot index of a handle.
   *
   * @param handle a handle made by {@link #of(int, int)}
   * @return the low 32 bits of {@code handle}
   */
  public static int index(long handle) {
    return (int) handle;
  }

  /**
   * Returns the generation of a handle.
   *
   * @param handle a handle made by {@link #of(int, int)}
   * @return the high 32 bits of {@code handle}
   */
  public static int generation(long handle) {
    return (int) (handle >>> 32);
  }

  /**
   * Returns the generation a live slot gets when its entry leaves (removal or {@code clear()}).
   *
   * <p>Live generations are odd, vacant ones even and non-negative: vacating adds one, which
   * makes every handle to the old entry stale. A slot at {@link #MAX_GENERATION} cannot go any
   * higher without wrapping, so it becomes {@link #RETIRED} instead and is never reused.
   *
   * @param generation the generation of a live slot (odd)
   * @return {@code generation + 1}, or {@link #RETIRED} when {@code generation == MAX_GENERATION}
   */
  public static int vacate(int generation) {
    return generation == MAX_GENERATION ? RETIRED : generation + 1;
  }

  /**
   * Renders a handle for messages and debugging.
   *
   * @param handle any handle
   * @return {@code "NONE"} for {@link #NONE}, otherwise e.g. {@code "Handle[index=3,
   *     generation=5]"}
   */
  public static String toString(long handle) {
    if (handle == NONE) {
      return "NONE";
    }
    return "Handle[index=" + index(handle) + ", generation=" + generation(handle) + "]";
  }
}
