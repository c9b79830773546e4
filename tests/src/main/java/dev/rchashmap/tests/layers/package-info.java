/**
 * The specializations that the tests of the counted and reference-counted layers run against.
 *
 * <ul>
 *   <li>{@code IntLong...}: the reference specialization of the design note.
 *   <li>{@code StringObj...<V>}: nodes of a DAG whose values hold {@code Ref}s to their children,
 *       for the cascade and liveness tests.
 *   <li>{@code IntInt...}: key chains, where each entry's value names the next key to release.
 *   <li>{@code ObjObj...<K, V>}: reference keys with user {@code hashCode}/{@code equals}, which
 *       the reentrancy tests make call back into the map (see {@link ReentrantKey}).
 *   <li>{@code Colliding...}: {@code int} to {@code long} with {@link ConstantHashIntEquivalence},
 *       so that every key collides and removals shift probe clusters.
 *   <li>{@code StringInt...} (counted and reference-counted layers; the handle layer is in {@code
 *       maps}): a final reference key with a primitive value, one of the type pairs under
 *       mutation testing.
 * </ul>
 */
@GenerateMaps(key = int.class, value = long.class)
@GenerateMaps(key = String.class, value = Object.class)
@GenerateMaps(key = int.class, value = int.class)
@GenerateMaps(key = Object.class, value = Object.class)
@GenerateMaps(
    key = int.class,
    value = long.class,
    prefix = "Colliding",
    equivalence = ConstantHashIntEquivalence.class)
@GenerateMaps(key = String.class, value = int.class, layers = Layer.RC)
package dev.rchashmap.tests.layers;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
