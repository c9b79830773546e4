/**
 * Lisp {@code make-hash-table} with the {@code eq}, {@code eql} and {@code equal} tests and
 * user-defined tests ({@code define-hash-table-test}), each one an equivalence given to a
 * generated {@code HandleHashMap}; with {@code :weakness}, a generated {@code WeakHandleHashMap}.
 */
@GenerateMaps(key = Object.class, value = Object.class, layers = {Layer.HANDLE, Layer.WEAK})
package dev.rchashmap.examples.hashtables;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
