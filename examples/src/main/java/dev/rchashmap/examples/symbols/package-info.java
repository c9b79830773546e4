/**
 * Symbol interning for a small Lisp reader on a generated {@code RcHashMap}: every symbol name is
 * interned with {@code findOrInsert}, parsed forms hold {@code Ref}s to their symbols, and closing
 * a form releases the symbols only it used.
 */
@GenerateMaps(key = String.class, value = Object.class, layers = Layer.RC)
package dev.rchashmap.examples.symbols;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
