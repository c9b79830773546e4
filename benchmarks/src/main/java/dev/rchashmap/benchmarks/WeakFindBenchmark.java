package dev.rchashmap.benchmarks;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.Weakness;
import java.util.WeakHashMap;
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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * weakFindHit and weakFindMiss: {@value #LOOKUPS} lookups by {@code String} key ({@code
 * "k%016x"}) in a map of {@code size} entries whose keys are held weakly, reported per lookup.
 * Ours is {@code StringLongWeakHandleHashMap} ({@code Weakness.KEY}), whose {@code find} returns
 * a handle; the peer is {@code java.util.WeakHashMap<String, Long>.get}, which returns the value.
 * The strong {@code StringLongHandleHashMap} on the same keys shows what holding keys weakly
 * costs. The benchmark state holds every stored key strongly, so nothing is collected while it
 * runs; each lookup key is a fresh {@code String} equal to a stored one (or to none), as a
 * reader would make, so every hit compares contents. Each invocation checks that every hit was
 * found and no miss was (which also proves no entry was lost).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(WeakFindBenchmark.LOOKUPS)
@State(Scope.Benchmark)
public class WeakFindBenchmark {
  /** Lookups per invocation. */
  public static final int LOOKUPS = 10_000;

  /** Whether the lookups are of stored keys ({@code hit}) or of absent ones ({@code miss}). */
  @Param({"hit", "miss"})
  public String lookup;

  private void check(int found) {
    IntLongData.check(
        found == (lookup.equals("hit") ? LOOKUPS : 0), lookup + " lookups found " + found);
  }

  /** The stored keys, held strongly here so that the weak maps keep them, and the lookups. */
  @State(Scope.Benchmark)
  public static class Data {
    /** The number of entries in the map. */
    @Param({"100000", "1000000"})
    public int size;

    /** Stored keys: {@code keys[i]} is {@code "k%016x"} of {@code i} and maps to {@code i}. */
    public String[] keys;

    /** {@link #LOOKUPS} fresh strings equal to stored keys. */
    public String[] hitKeys;

    /** {@link #LOOKUPS} fresh strings equal to no stored key. */
    public String[] missKeys;

    /** Makes the keys. */
    @Setup
    public void setUp() {
      keys = new String[size];
      for (int i = 0; i < size; i++) {
        keys[i] = Keys.name(i);
      }
      int[] picks = Keys.indexes(LOOKUPS, size, 7);
      hitKeys = new String[LOOKUPS];
      missKeys = new String[LOOKUPS];
      for (int i = 0; i < LOOKUPS; i++) {
        hitKeys[i] = new String(Keys.name(picks[i]));
        missKeys[i] = new String(Keys.name(size + (long) i));
      }
    }

    String[] lookups(String lookup) {
      return lookup.equals("hit") ? hitKeys : missKeys;
    }
  }

  /** The generated weak map, weak keys. */
  @State(Scope.Benchmark)
  public static class Ours {
    public StringLongWeakHandleHashMap map;

    @Setup
    public void setUp(Data data) {
      map = StringLongWeakHandleHashMap.builder().weakness(Weakness.KEY).build();
      for (int i = 0; i < data.size; i++) {
        map.insert(data.keys[i], i);
      }
    }
  }

  /** The generated strong handle map on the same keys. */
  @State(Scope.Benchmark)
  public static class OursStrong {
    public StringLongHandleHashMap map;

    @Setup
    public void setUp(Data data) {
      map = new StringLongHandleHashMap();
      for (int i = 0; i < data.size; i++) {
        map.insert(data.keys[i], i);
      }
    }
  }

  /** {@code java.util.WeakHashMap}. */
  @State(Scope.Benchmark)
  public static class Jdk {
    public WeakHashMap<String, Long> map;

    @Setup
    public void setUp(Data data) {
      map = new WeakHashMap<>();
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i], (long) i);
      }
    }
  }

  /** The generated weak map: find returns a handle. */
  @Benchmark
  public long rchashmapWeak(Data data, Ours ours) {
    StringLongWeakHandleHashMap map = ours.map;
    long sum = 0;
    int found = 0;
    for (String key : data.lookups(lookup)) {
      long handle = map.find(key);
      if (handle != Handles.NONE) {
        found++;
        sum += handle;
      }
    }
    check(found);
    return sum;
  }

  /** The generated strong map, for the cost of weakness: find returns a handle. */
  @Benchmark
  public long rchashmapStrong(Data data, OursStrong ours) {
    StringLongHandleHashMap map = ours.map;
    long sum = 0;
    int found = 0;
    for (String key : data.lookups(lookup)) {
      long handle = map.find(key);
      if (handle != Handles.NONE) {
        found++;
        sum += handle;
      }
    }
    check(found);
    return sum;
  }

  /** {@code WeakHashMap.get}. */
  @Benchmark
  public long weakHashMap(Data data, Jdk peer) {
    long sum = 0;
    int found = 0;
    for (String key : data.lookups(lookup)) {
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
