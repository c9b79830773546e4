/**
 * Handles, hashing, equivalences, the reentrancy guard and the exceptions shared by all
 * generated rchashmap maps.
 *
 * <p>Nothing here is thread-safe beyond being immutable or stateless, and neither are the maps
 * built on it: a map, and every {@link dev.rchashmap.runtime.ReentrancyGuard}, must be confined
 * to one thread at a time or guarded externally.
 */
package dev.rchashmap.runtime;
