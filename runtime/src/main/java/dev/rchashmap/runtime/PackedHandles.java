package dev.rchashmap.runtime;

/**
 * A handle packed into the 32 bits of a hash-index cell, so that a lookup can build the handle
 * of the entry it found without reading the slot storage.
 *
 * <p>A packed handle holds {@code slot + 1} in its low {@code 33 - shift} bits and the slot's
 * generation in the {@code shift - 1} bits above, where {@code shift} is the index's {@link
 * Hashing#shiftFor shift} (an index of {@code 2^b} cells has {@code b + 1} slot bits). A
 * generation too large for those bits is left out, stored as {@code 0}: a live generation is
 * odd, so {@code 0} is never a real one, and the map then reads the generation from its slot
 * storage. At a million entries ten generation bits remain, so a slot can be reused about 500
 * times before its lookups pay that extra read.
 *
 * <p>Why: building the handle from the slot's generation costs a lookup one more dependent
 * memory access than an open-addressing map pays, about half again a hit's time once the map
 * outgrows the caches; a wider cell would cost memory on every entry instead.
 *
 * <p>The slot bits hold slots below {@link #slotLimit(int) slotLimit(shift)}, twice the index
 * length; a map whose slots reach further (only possible after many slots retired) grows its
 * index, which repacks every cell.
 */
public final class PackedHandles {
  private PackedHandles() {}

  /**
   * Packs a slot and its live generation for an index with the given shift.
   *
   * @param slot the slot, {@code 0 <= slot < slotLimit(shift)}
   * @param generation the slot's live generation, or {@code 0} to leave it out
   * @param shift the index's shift, {@code 2 .. 29}
   * @return the packed handle, never {@code 0}
   */
  public static int pack(int slot, int generation, int shift) {
    int kept = generation >>> (shift - 1) == 0 ? generation : 0;
    return kept << (33 - shift) | (slot + 1);
  }

  /**
   * Returns the slot of a packed handle.
   *
   * @param packed a packed handle
   * @param shift the shift it was packed with
   * @return the slot
   */
  public static int slot(int packed, int shift) {
    return (packed & (-1 >>> (shift - 1))) - 1;
  }

  /**
   * Returns the generation of a packed handle, or {@code 0} if it was left out.
   *
   * @param packed a packed handle
   * @param shift the shift it was packed with
   * @return the generation, or {@code 0}
   */
  public static int generation(int packed, int shift) {
    return packed >>> (33 - shift);
  }

  /**
   * Repacks a packed handle for an index with a different shift, leaving the generation out if
   * it no longer fits.
   *
   * @param packed a packed handle
   * @param shift the shift it was packed with
   * @param newShift the shift to pack it with, with {@code slot(packed, shift) <
   *     slotLimit(newShift)}
   * @return the repacked handle
   */
  public static int repack(int packed, int shift, int newShift) {
    return pack(slot(packed, shift), generation(packed, shift), newShift);
  }

  /**
   * Returns the bound on the slots that an index with the given shift can point at.
   *
   * @param shift the index's shift, {@code 2 .. 29}
   * @return {@code 2^(33 - shift) - 1}: every slot must be below it
   */
  public static int slotLimit(int shift) {
    return -1 >>> (shift - 1);
  }
}
