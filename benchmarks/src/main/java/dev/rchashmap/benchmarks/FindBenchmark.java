package dev.rchashmap.benchmarks;

import dev.rchashmap.runtime.Handles;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * findHit and findMiss: {@value IntLongData#LOOKUPS} lookups in a map of {@code size} entries,
 * reported per lookup. {@code rchashmap} returns a handle (the value is one more array read away),
 * {@code rchashmapGetOrDefault} and the peers return the value. Each invocation checks that every hit was found and no miss was.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(IntLongData.LOOKUPS)
@State(Scope.Benchmark)
public class FindBenchmark {
  /** Whether the lookups are of stored keys ({@code hit}) or of absent ones ({@code miss}). */
  @Param({"hit", "miss"})
  public String lookup;

  private int[] lookupKeys(IntLongData data) {
    return lookup.equals("hit") ? data.hitKeys : data.missKeys;
  }

  private void check(int found) {
    IntLongData.check(
        found == (lookup.equals("hit") ? IntLongData.LOOKUPS : 0), lookup + " lookups found " + found);
  }

  /** The generated HandleHashMap: find returns a handle. */
  @Benchmark
  public long rchashmap(IntLongData data, IntLongMaps.Ours ours) {
    IntLongHandleHashMap map = ours.map;
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      long handle = map.find(key);
      if (handle != Handles.NONE) {
        found++;
        sum += handle;
      }
    }
    check(found);
    return sum;
  }

  /**
   * The generated HandleHashMap by value, as the peers look up: {@code getOrDefault}, with the
   * same missing value as theirs.
   */
  @Benchmark
  public long rchashmapGetOrDefault(IntLongData data, IntLongMaps.Ours ours) {
    IntLongHandleHashMap map = ours.map;
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      long value = map.getOrDefault(key, IntLongMaps.MISSING);
      if (value != IntLongMaps.MISSING) {
        found++;
        sum += value;
      }
    }
    check(found);
    return sum;
  }

  /** The generated CountedHashMap: find (count + 1) then release (count - 1). */
  @Benchmark
  public long rchashmapCounted(IntLongData data, IntLongMaps.OursCounted ours) {
    IntLongCountedHashMap map = ours.map;
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      long handle = map.find(key);
      if (handle != Handles.NONE) {
        found++;
        sum += handle;
        map.release(handle);
      }
    }
    check(found);
    return sum;
  }

  /** fastutil {@code get}. */
  @Benchmark
  public long fastutil(IntLongData data, IntLongMaps.Fastutil peer) {
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      long value = peer.map.get(key);
      if (value != IntLongMaps.MISSING) {
        found++;
        sum += value;
      }
    }
    check(found);
    return sum;
  }

  /** Eclipse Collections {@code getIfAbsent}. */
  @Benchmark
  public long eclipse(IntLongData data, IntLongMaps.Eclipse peer) {
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      long value = peer.map.getIfAbsent(key, IntLongMaps.MISSING);
      if (value != IntLongMaps.MISSING) {
        found++;
        sum += value;
      }
    }
    check(found);
    return sum;
  }

  /** HPPC {@code getOrDefault}. */
  @Benchmark
  public long hppc(IntLongData data, IntLongMaps.Hppc peer) {
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      long value = peer.map.getOrDefault(key, IntLongMaps.MISSING);
      if (value != IntLongMaps.MISSING) {
        found++;
        sum += value;
      }
    }
    check(found);
    return sum;
  }

  /** Koloboke {@code getOrDefault}. */
  @Benchmark
  public long koloboke(IntLongData data, IntLongMaps.Koloboke peer) {
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      long value = peer.map.getOrDefault(key, IntLongMaps.MISSING);
      if (value != IntLongMaps.MISSING) {
        found++;
        sum += value;
      }
    }
    check(found);
    return sum;
  }

  /** Agrona {@code get} (missing value configured). */
  @Benchmark
  public long agrona(IntLongData data, IntLongMaps.Agrona peer) {
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      long value = peer.map.get(key);
      if (value != IntLongMaps.MISSING) {
        found++;
        sum += value;
      }
    }
    check(found);
    return sum;
  }

  /** {@code HashMap.get}. */
  @Benchmark
  public long hashMap(IntLongData data, IntLongMaps.JdkHashMap peer) {
    long sum = 0;
    int found = 0;
    for (int key : lookupKeys(data)) {
      Long value = peer.map.get(key);
      if (value != null) {
        found++;
        sum += value;
      }
    }
    check(found);
    return sum;
  }
}
