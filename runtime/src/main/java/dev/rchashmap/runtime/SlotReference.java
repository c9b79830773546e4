package dev.rchashmap.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * A weak reference to the key or value of one entry of a weak map, which knows the slot and the
 * generation of its entry: when the garbage collector clears it and puts it on the map's queue, the
 * map finds the entry without hashing (the key may be gone) and removes it only if the slot still
 * holds that entry.
 *
 * @param <T> the type of the key or value
 */
public final class SlotReference<T> extends WeakReference<T> {
  private final int slot;
  private final int generation;

  /**
   * Creates a weak reference to a key or value of the entry in {@code slot}.
   *
   * @param referent the key or value
   * @param slot the entry's slot
   * @param generation the entry's generation
   * @param queue the queue of the map, where the collector puts this reference once cleared
   */
  public SlotReference(T referent, int slot, int generation, ReferenceQueue<Object> queue) {
    super(referent, queue);
    this.slot = slot;
    this.generation = generation;
  }

  /**
   * Returns the slot of the entry this reference belongs to.
   *
   * @return the slot
   */
  public int slot() {
    return slot;
  }

  /**
   * Returns the generation of the entry this reference belongs to; the slot holds another entry
   * once its generation differs.
   *
   * @return the generation
   */
  public int generation() {
    return generation;
  }
}
