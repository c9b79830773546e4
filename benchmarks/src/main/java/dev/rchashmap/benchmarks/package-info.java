/**
 * JMH benchmarks of the generated maps against the usual primitive-map libraries. Each workload is
 * one class with one {@code @Benchmark} method per library, so every JMH fork runs one
 * implementation and its call sites stay monomorphic, as in a real program.
 *
 * <p>{@code String} keys also get the weak map ({@code StringLongWeakHandleHashMap}), measured
 * against {@code java.util.WeakHashMap}. {@code Name...} maps {@code String} names to {@code
 * long}s and looks them up by any {@code CharSequence} too ({@link
 * dev.rchashmap.runtime.CharSequenceKeys}), for {@link BorrowedInternBenchmark}.
 */
@GenerateMaps(key = int.class, value = long.class)
@GenerateMaps(
    key = String.class,
    value = long.class,
    layers = {Layer.HANDLE, Layer.COUNTED, Layer.RC, Layer.WEAK})
@GenerateMaps(
    key = String.class,
    value = long.class,
    prefix = "Name",
    borrowed = CharSequenceKeys.class)
package dev.rchashmap.benchmarks;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.annotations.Layer;
import dev.rchashmap.runtime.CharSequenceKeys;
