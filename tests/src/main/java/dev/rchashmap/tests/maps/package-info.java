/**
 * The specializations that the behaviour and model-based tests of the handle layer run against.
 *
 * <ul>
 *   <li>{@code IntLongHandleHashMap}: the reference specialization of the design note, a 32-bit
 *       key whose mixed hash identifies it.
 *   <li>{@code LongObjHandleHashMap<V>}: a wide key (the hash is only a filter) and reference
 *       values, null allowed.
 *   <li>{@code ObjIntHandleHashMap<K>}: reference keys with user {@code hashCode}/{@code equals},
 *       which the exception and reentrancy tests make misbehave.
 *   <li>{@code StringIntHandleHashMap}: a concrete class as the key type.
 *   <li>{@code DoubleDoubleHandleHashMap}: {@code Double.equals} semantics, NaN and signed zeros.
 *   <li>{@code FloatIntHandleHashMap}: a 32-bit floating-point key, for the probe-length tests.
 *   <li>{@code CollidingIntLongHandleHashMap} and {@code CollidingStringLongHandleHashMap}: custom
 *       equivalences whose hash is a constant, so every key lands in one probe cluster.
 * </ul>
 */
@GenerateMaps(key = int.class, value = long.class, layers = Layer.HANDLE)
@GenerateMaps(key = long.class, value = Object.class, layers = Layer.HANDLE)
@GenerateMaps(key = Object.class, value = int.class, layers = Layer.HANDLE)
@GenerateMaps(key = String.class, value = int.class, layers = Layer.HANDLE)
@GenerateMaps(key = double.class, value = double.class, layers = Layer.HANDLE)
@GenerateMaps(key = float.class, value = int.class, layers = Layer.HANDLE)
@GenerateMaps(
    key = int.class,
    value = long.class,
    prefix = "CollidingIntLong",
    equivalence = ConstantHashIntEquivalence.class,
    layers = Layer.HANDLE)
@GenerateMaps(
    key = String.class,
    value = long.class,
    prefix = "CollidingStringLong",
    equivalence = ConstantHashStringEquivalence.class,
    layers = Layer.HANDLE)
package dev.rchashmap.tests.maps;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
