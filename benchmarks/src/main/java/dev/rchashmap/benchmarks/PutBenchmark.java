package dev.rchashmap.benchmarks;

import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * put: {@value IntLongData#LOOKUPS} puts into a map of {@code size} entries, of keys that are
 * there ({@code existing}: the value is replaced) or not ({@code new}: an entry is added; they are
 * removed again after each invocation, untimed). Ours is {@code put}, fastutil's {@code put}, both
 * in one lookup. Each invocation checks the size it leaves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(IntLongData.LOOKUPS)
@State(Scope.Benchmark)
public class PutBenchmark {
  /** Whether the keys put are in the map ({@code existing}) or not ({@code new}). */
  @Param({"new", "existing"})
  public String key;

  private int[] keys(IntLongData data) {
    return key.equals("new") ? data.missKeys : data.hitKeys;
  }

  private void check(int size, IntLongData data) {
    int expected = key.equals("new") ? data.size + IntLongData.LOOKUPS : data.size;
    IntLongData.check(size == expected, "size " + size + " after puts, expected " + expected);
  }

  /** The generated handle map, filled; new keys put by an invocation leave after it. */
  @State(Scope.Thread)
  public static class Ours {
    IntLongHandleHashMap map;

    @Setup(Level.Trial)
    public void fill(IntLongData data) {
      map = new IntLongHandleHashMap();
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i], i);
      }
    }

    @TearDown(Level.Invocation)
    public void removeNewKeys(IntLongData data) {
      for (int k : data.missKeys) {
        map.removeKey(k);
      }
    }
  }

  /** fastutil's map, filled; new keys put by an invocation leave after it. */
  @State(Scope.Thread)
  public static class Fastutil {
    Int2LongOpenHashMap map;

    @Setup(Level.Trial)
    public void fill(IntLongData data) {
      map = IntLongMaps.Fastutil.fill(new Int2LongOpenHashMap(), data);
    }

    @TearDown(Level.Invocation)
    public void removeNewKeys(IntLongData data) {
      for (int k : data.missKeys) {
        map.remove(k);
      }
    }
  }

  /** The generated HandleHashMap: {@code put} returns the entry's handle. */
  @Benchmark
  public long rchashmap(IntLongData data, Ours ours) {
    IntLongHandleHashMap map = ours.map;
    long sum = 0;
    for (int k : keys(data)) {
      sum += map.put(k, k);
    }
    check(map.size(), data);
    return sum;
  }

  /** fastutil {@code put} returns the previous value. */
  @Benchmark
  public long fastutil(IntLongData data, Fastutil peer) {
    Int2LongOpenHashMap map = peer.map;
    long sum = 0;
    for (int k : keys(data)) {
      sum += map.put(k, k);
    }
    check(map.size(), data);
    return sum;
  }
}
