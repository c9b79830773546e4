/**
 * Handles, hashing, equivalences, the reentrancy guard, keepalive, leak detection and the
 * exceptions shared by all generated rchashmap maps.
 *
 * <p>Only {@link dev.rchashmap.runtime.LeakDetector} is thread-safe (one detector serves every
 * map in every thread). Everything else is immutable, stateless, or, like the maps built on it,
 * must be confined to one thread at a time or guarded externally: a map, its
 * {@link dev.rchashmap.runtime.ReentrancyGuard} and its {@link dev.rchashmap.runtime.Keepalive}.
 */
package dev.rchashmap.runtime;
