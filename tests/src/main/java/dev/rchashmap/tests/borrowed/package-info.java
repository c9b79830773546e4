/**
 * The specializations that the tests of lookups by a borrowed form run against (SPEC 7.5).
 *
 * <ul>
 *   <li>{@code Name...}: {@code String} keys looked up by any {@code CharSequence} through the
 *       runtime's {@link dev.rchashmap.runtime.CharSequenceKeys}, in all four layers.
 *   <li>{@code CollidingName...}: the same with a key equivalence whose hash is a constant and a
 *       borrowed equivalence with that same constant hash ({@link ConstantHashCharSequenceKeys}),
 *       so every probe walks one cluster of all the keys and only {@code matches} decides.
 *   <li>{@code CountingName...}: {@link CountingCharSequenceKeys}, which counts its calls, so that
 *       the tests can tell that the key is made only on a miss.
 *   <li>{@code MisHashedName...}: {@link MisHashedCharSequenceKeys}, whose hash disagrees with the
 *       key's: the maps must catch it, with assertions on, when they make a key.
 *   <li>{@code Uuid...}: a user-defined pair, {@link java.util.UUID} keys looked up by their
 *       36-character text through {@link UuidText}, which neither allocates nor parses into a
 *       {@code UUID} on a hit.
 *   <li>{@code AnyName...<K, V>}: a key of a type variable, {@code Object}, looked up by a {@code
 *       CharSequence} through {@link AnyCharSequenceKeys}: the generated casts of that case.
 * </ul>
 */
@GenerateMaps(
    key = String.class,
    value = long.class,
    prefix = "Name",
    layers = {Layer.HANDLE, Layer.COUNTED, Layer.RC, Layer.WEAK},
    borrowed = CharSequenceKeys.class)
@GenerateMaps(
    key = String.class,
    value = long.class,
    prefix = "CollidingName",
    layers = {Layer.HANDLE, Layer.COUNTED, Layer.RC, Layer.WEAK},
    equivalence = ConstantHashStringEquivalence.class,
    borrowed = ConstantHashCharSequenceKeys.class)
@GenerateMaps(
    key = String.class,
    value = long.class,
    prefix = "CountingName",
    layers = {Layer.HANDLE, Layer.COUNTED, Layer.RC, Layer.WEAK},
    borrowed = CountingCharSequenceKeys.class)
@GenerateMaps(
    key = String.class,
    value = long.class,
    prefix = "MisHashedName",
    layers = {Layer.HANDLE, Layer.COUNTED, Layer.RC, Layer.WEAK},
    borrowed = MisHashedCharSequenceKeys.class)
@GenerateMaps(
    key = UUID.class,
    value = long.class,
    prefix = "Uuid",
    layers = {Layer.HANDLE, Layer.COUNTED, Layer.RC, Layer.WEAK},
    borrowed = UuidText.class)
@GenerateMaps(
    key = Object.class,
    value = Object.class,
    prefix = "AnyName",
    layers = {Layer.HANDLE, Layer.COUNTED, Layer.RC, Layer.WEAK},
    borrowed = AnyCharSequenceKeys.class)
package dev.rchashmap.tests.borrowed;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
import dev.rchashmap.runtime.CharSequenceKeys;
import dev.rchashmap.tests.maps.ConstantHashStringEquivalence;
import java.util.UUID;
