/**
 * An entity store on a generated {@code HandleHashMap}: entities are found by id once, then
 * reached through handles, and a handle kept after its entity is deleted is rejected.
 */
@GenerateMaps(key = long.class, value = Object.class, layers = Layer.HANDLE)
package dev.rchashmap.examples.entities;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
