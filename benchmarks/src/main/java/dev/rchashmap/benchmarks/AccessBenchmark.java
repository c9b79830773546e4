package dev.rchashmap.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * accessByHandle: {@value IntLongData#ACCESSES} random read-modify-writes of values, reported per
 * access. Ours goes through handles kept from insertion ({@code value} + {@code setValue}, no
 * hashing); the peers look the key up twice ({@code get} + {@code put}). Each invocation checks
 * that every access found its entry.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(IntLongData.ACCESSES)
public class AccessBenchmark {

  private static long checked(long sum, int found) {
    IntLongData.check(found == IntLongData.ACCESSES, "found " + found + " of " + IntLongData.ACCESSES);
    return sum;
  }

  /** The generated HandleHashMap: {@code value(handle)} + {@code setValue(handle, v)}. */
  @Benchmark
  public long rchashmap(IntLongData data, IntLongMaps.Ours ours) {
    IntLongHandleHashMap map = ours.map;
    long[] handles = ours.handles;
    long sum = 0;
    int found = 0;
    for (int index : data.accessIndexes) {
      long handle = handles[index];
      long value = map.value(handle);
      map.setValue(handle, value + 1);
      sum += value;
      found++;
    }
    return checked(sum, found);
  }

  /** fastutil {@code get} + {@code put}. */
  @Benchmark
  public long fastutil(IntLongData data, IntLongMaps.Fastutil peer) {
    var map = peer.map;
    long sum = 0;
    int found = 0;
    for (int index : data.accessIndexes) {
      int key = data.keys[index];
      long value = map.get(key);
      if (value != IntLongMaps.MISSING) {
        map.put(key, value + 1);
        sum += value;
        found++;
      }
    }
    return checked(sum, found);
  }

  /** Eclipse Collections {@code getIfAbsent} + {@code put}. */
  @Benchmark
  public long eclipse(IntLongData data, IntLongMaps.Eclipse peer) {
    var map = peer.map;
    long sum = 0;
    int found = 0;
    for (int index : data.accessIndexes) {
      int key = data.keys[index];
      long value = map.getIfAbsent(key, IntLongMaps.MISSING);
      if (value != IntLongMaps.MISSING) {
        map.put(key, value + 1);
        sum += value;
        found++;
      }
    }
    return checked(sum, found);
  }

  /** HPPC {@code getOrDefault} + {@code put}. */
  @Benchmark
  public long hppc(IntLongData data, IntLongMaps.Hppc peer) {
    var map = peer.map;
    long sum = 0;
    int found = 0;
    for (int index : data.accessIndexes) {
      int key = data.keys[index];
      long value = map.getOrDefault(key, IntLongMaps.MISSING);
      if (value != IntLongMaps.MISSING) {
        map.put(key, value + 1);
        sum += value;
        found++;
      }
    }
    return checked(sum, found);
  }

  /** Koloboke {@code getOrDefault} + {@code put}. */
  @Benchmark
  public long koloboke(IntLongData data, IntLongMaps.Koloboke peer) {
    var map = peer.map;
    long sum = 0;
    int found = 0;
    for (int index : data.accessIndexes) {
      int key = data.keys[index];
      long value = map.getOrDefault(key, IntLongMaps.MISSING);
      if (value != IntLongMaps.MISSING) {
        map.put(key, value + 1);
        sum += value;
        found++;
      }
    }
    return checked(sum, found);
  }

  /** Agrona {@code get} + {@code put}. */
  @Benchmark
  public long agrona(IntLongData data, IntLongMaps.Agrona peer) {
    var map = peer.map;
    long sum = 0;
    int found = 0;
    for (int index : data.accessIndexes) {
      int key = data.keys[index];
      long value = map.get(key);
      if (value != IntLongMaps.MISSING) {
        map.put(key, value + 1);
        sum += value;
        found++;
      }
    }
    return checked(sum, found);
  }

  /** {@code HashMap.get} + {@code put}. */
  @Benchmark
  public long hashMap(IntLongData data, IntLongMaps.JdkHashMap peer) {
    var map = peer.map;
    long sum = 0;
    int found = 0;
    for (int index : data.accessIndexes) {
      int key = data.keys[index];
      Long value = map.get(key);
      if (value != null) {
        map.put(key, value + 1);
        sum += value;
        found++;
      }
    }
    return checked(sum, found);
  }
}
