package dev.rchashmap.benchmarks;

import com.carrotsearch.hppc.IntLongHashMap;
import com.koloboke.collect.map.hash.HashIntLongMap;
import com.koloboke.collect.map.hash.HashIntLongMaps;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.agrona.collections.Long2LongHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * insertFresh and insertWarm: {@code size} inserts, timed as one batch (divide by {@code size} for
 * the time per insert; BENCHMARKS.md does). {@code fresh} inserts into a new map that is not
 * presized; {@code warm} into a map that held {@code size + 10%} entries and was cleared, so no
 * growth happens. Each invocation checks the final size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class InsertBenchmark {
  /** {@code fresh}: into a new map; {@code warm}: into a cleared map that held more. */
  @Param({"fresh", "warm"})
  public String map;

  private IntLongHandleHashMap ours;
  private Int2LongOpenHashMap fastutil;
  private org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap eclipse;
  private IntLongHashMap hppc;
  private HashIntLongMap koloboke;
  private Long2LongHashMap agrona;
  private HashMap<Integer, Long> hashMap;

  private boolean warm() {
    return map.equals("warm");
  }

  /** Builds the warm maps once: filled to {@code size + 10%}; each invocation clears them. */
  @Setup(Level.Trial)
  public void fillWarmMaps(IntLongData data) {
    if (!warm()) {
      return;
    }
    int[] more = Keys.distinctInts(data.size + data.size / 10, 99);
    ours = new IntLongHandleHashMap();
    fastutil = new Int2LongOpenHashMap();
    eclipse = new org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap();
    hppc = new IntLongHashMap();
    koloboke = HashIntLongMaps.newMutableMap();
    agrona = new Long2LongHashMap(IntLongMaps.MISSING);
    hashMap = new HashMap<>();
    for (int key : more) {
      ours.insert(key, key);
      fastutil.put(key, key);
      eclipse.put(key, key);
      hppc.put(key, key);
      koloboke.put(key, key);
      agrona.put(key, key);
      hashMap.put(key, (long) key);
    }
  }

  /** Empties the warm maps (or makes fresh ones) before each timed batch. */
  @Setup(Level.Invocation)
  public void reset() {
    if (warm()) {
      ours.clear();
      fastutil.clear();
      eclipse.clear();
      hppc.clear();
      koloboke.clear();
      agrona.clear();
      hashMap.clear();
    } else {
      ours = new IntLongHandleHashMap();
      fastutil = new Int2LongOpenHashMap();
      eclipse = new org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap();
      hppc = new IntLongHashMap();
      koloboke = HashIntLongMaps.newMutableMap();
      agrona = new Long2LongHashMap(IntLongMaps.MISSING);
      hashMap = new HashMap<>();
    }
  }

  private static <T> T checked(T map, int size, int expected) {
    IntLongData.check(size == expected, "size " + size + " after " + expected + " inserts");
    return map;
  }

  /** The generated HandleHashMap: {@code insert} (rejects duplicates, returns a handle). */
  @Benchmark
  public Object rchashmap(IntLongData data) {
    IntLongHandleHashMap target = ours;
    int[] keys = data.keys;
    for (int i = 0; i < keys.length; i++) {
      target.insert(keys[i], i);
    }
    return checked(target, target.size(), keys.length);
  }

  /** fastutil {@code put}. */
  @Benchmark
  public Object fastutil(IntLongData data) {
    Int2LongOpenHashMap target = fastutil;
    int[] keys = data.keys;
    for (int i = 0; i < keys.length; i++) {
      target.put(keys[i], i);
    }
    return checked(target, target.size(), keys.length);
  }

  /** Eclipse Collections {@code put}. */
  @Benchmark
  public Object eclipse(IntLongData data) {
    org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap target = eclipse;
    int[] keys = data.keys;
    for (int i = 0; i < keys.length; i++) {
      target.put(keys[i], i);
    }
    return checked(target, target.size(), keys.length);
  }

  /** HPPC {@code put}. */
  @Benchmark
  public Object hppc(IntLongData data) {
    IntLongHashMap target = hppc;
    int[] keys = data.keys;
    for (int i = 0; i < keys.length; i++) {
      target.put(keys[i], i);
    }
    return checked(target, target.size(), keys.length);
  }

  /** Koloboke {@code put}. */
  @Benchmark
  public Object koloboke(IntLongData data) {
    HashIntLongMap target = koloboke;
    int[] keys = data.keys;
    for (int i = 0; i < keys.length; i++) {
      target.put(keys[i], i);
    }
    return checked(target, target.size(), keys.length);
  }

  /** Agrona {@code put}. */
  @Benchmark
  public Object agrona(IntLongData data) {
    Long2LongHashMap target = agrona;
    int[] keys = data.keys;
    for (int i = 0; i < keys.length; i++) {
      target.put(keys[i], i);
    }
    return checked(target, target.size(), keys.length);
  }

  /** {@code HashMap.put}. */
  @Benchmark
  public Object hashMap(IntLongData data) {
    HashMap<Integer, Long> target = hashMap;
    int[] keys = data.keys;
    for (int i = 0; i < keys.length; i++) {
      target.put(keys[i], (long) i);
    }
    return checked(target, target.size(), keys.length);
  }
}
