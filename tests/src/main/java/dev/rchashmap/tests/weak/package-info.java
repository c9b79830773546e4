/**
 * The weak specializations ({@code Layer.WEAK}) that the tests of weak entries run against.
 *
 * <ul>
 *   <li>{@code ObjObjWeakHandleHashMap<K, V>}: both sides references, so every {@code Weakness}
 *       applies ({@code KEY}, {@code VALUE}, {@code KEY_OR_VALUE}, {@code KEY_AND_VALUE}).
 *   <li>{@code StringIntWeakHandleHashMap}: weak keys of a concrete class and primitive values,
 *       which are held strongly: {@code KEY_AND_VALUE} acts as {@code KEY}, and the builder
 *       refuses {@code VALUE} and {@code KEY_OR_VALUE}, which count on the value.
 *   <li>{@code IntObjWeakHandleHashMap<V>}: primitive keys, held strongly, and weak values
 *       ({@code VALUE} by default; the builder refuses {@code KEY} and {@code KEY_OR_VALUE}).
 *   <li>{@code IdentityObjObjWeakHandleHashMap<K, V>}: weak keys compared by identity (Lisp's
 *       {@code eq}), with {@link IdentityEquivalence}.
 *   <li>{@code CollidingObjObjWeakHandleHashMap<K, V>}: every key in one probe cluster ({@link
 *       ConstantHashEquivalence}), so that expunging a collected key's entry shifts others.
 * </ul>
 */
@GenerateMaps(key = Object.class, value = Object.class, layers = Layer.WEAK)
@GenerateMaps(key = String.class, value = int.class, layers = Layer.WEAK)
@GenerateMaps(key = int.class, value = Object.class, layers = Layer.WEAK)
@GenerateMaps(
    key = Object.class,
    value = Object.class,
    prefix = "IdentityObjObj",
    equivalence = IdentityEquivalence.class,
    layers = Layer.WEAK)
@GenerateMaps(
    key = Object.class,
    value = Object.class,
    prefix = "CollidingObjObj",
    equivalence = ConstantHashEquivalence.class,
    layers = Layer.WEAK)
package dev.rchashmap.tests.weak;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
