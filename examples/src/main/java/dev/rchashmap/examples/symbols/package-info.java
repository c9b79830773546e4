/**
 * Symbol interning for a small Lisp reader on a generated {@code RcHashMap}: the reader reads from
 * a {@code char[]} and interns every symbol name with {@code findOrInsert} by a borrowed form, a
 * {@code CharBuffer} over the name in the buffer ({@code CharSequenceKeys}), so a {@code String}
 * is made only for a new symbol; parsed forms hold {@code Ref}s to their symbols, and closing a
 * form releases the symbols only it used.
 */
@GenerateMaps(
    key = String.class,
    value = Object.class,
    layers = Layer.RC,
    borrowed = CharSequenceKeys.class)
package dev.rchashmap.examples.symbols;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
import dev.rchashmap.runtime.CharSequenceKeys;
