/**
 * A resource cache on a generated {@code RcHashMap}: clients hold {@code Ref}s, the removal
 * listener closes a resource when its last {@code Ref} goes, and closing the cache keeps the
 * entries clients still hold alive until they let go.
 */
@GenerateMaps(key = String.class, value = Object.class, layers = Layer.RC)
package dev.rchashmap.examples.cache;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
