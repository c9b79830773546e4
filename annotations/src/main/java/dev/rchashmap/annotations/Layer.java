package dev.rchashmap.annotations;

/**
 * The three layers of generated maps, each one built on the one before.
 *
 * <p>For {@code key = int.class, value = long.class} the layers generate {@code IntLongHandleHashMap},
 * {@code IntLongCountedHashMap} and {@code IntLongRcHashMap}.
 */
public enum Layer {
  /**
   * A hash index over slot storage: {@code insert} and {@code find} return a stable generational
   * {@code long} handle, access by handle needs no hashing, and a stale handle is always detected.
   */
  HANDLE,

  /**
   * Per-entry reference counts on top of the handle map: {@code find} adds one, {@code release}
   * takes one away, and the entry leaves the map when its count reaches zero.
   */
  COUNTED,

  /**
   * The ergonomic layer: {@code Ref} objects that behave like clones of a Rust {@code Rc}, with
   * owner-checked access, keepalive of the storage after the map is closed, and leak detection.
   */
  RC
}
