/**
 * JMH benchmarks of the generated maps against the usual primitive-map libraries. Each workload is
 * one class with one {@code @Benchmark} method per library, so every JMH fork runs one
 * implementation and its call sites stay monomorphic, as in a real program. {@code String} keys
 * also get the weak map ({@code StringLongWeakHandleHashMap}), measured against {@code
 * java.util.WeakHashMap}.
 */
@GenerateMaps(key = int.class, value = long.class)
@GenerateMaps(
    key = String.class,
    value = long.class,
    layers = {Layer.HANDLE, Layer.COUNTED, Layer.RC, Layer.WEAK})
package dev.rchashmap.benchmarks;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
