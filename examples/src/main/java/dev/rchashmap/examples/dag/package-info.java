/**
 * A build graph (a DAG) on a generated {@code RcHashMap}: each node's value holds {@code Ref}s to
 * its inputs, and the removal listener closes them, so releasing a target frees exactly the nodes
 * nothing else still needs.
 */
@GenerateMaps(key = String.class, value = Object.class, layers = Layer.RC)
package dev.rchashmap.examples.dag;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
