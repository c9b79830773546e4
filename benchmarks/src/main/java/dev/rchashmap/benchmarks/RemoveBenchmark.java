package dev.rchashmap.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * removeRandom: removes a random tenth of the {@code size} entries, timed as one batch (divide by
 * {@code size / 10} for the time per removal). Ours removes by handle ({@code rchashmap}) and by
 * key ({@code rchashmapRemoveKey}), the peers by key. Every invocation works on a freshly filled
 * map (filled untimed) and checks the final size.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RemoveBenchmark {

  /** Each peer's state, refilled before every invocation. */
  @State(Scope.Thread)
  public static class Maps {
    IntLongMaps.Ours ours = new IntLongMaps.Ours();
    IntLongMaps.Fastutil fastutil = new IntLongMaps.Fastutil();
    IntLongMaps.Eclipse eclipse = new IntLongMaps.Eclipse();
    IntLongMaps.Hppc hppc = new IntLongMaps.Hppc();
    IntLongMaps.Koloboke koloboke = new IntLongMaps.Koloboke();
    IntLongMaps.Agrona agrona = new IntLongMaps.Agrona();
    IntLongMaps.JdkHashMap hashMap = new IntLongMaps.JdkHashMap();
    String benchmark;

    /** Refills only the map of the running benchmark. */
    @Setup(Level.Invocation)
    public void refill(IntLongData data, org.openjdk.jmh.infra.BenchmarkParams params) {
      String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
      switch (method) {
        case "rchashmap":
        case "rchashmapRemoveKey": ours.setUp(data); break;
        case "fastutil": fastutil.setUp(data); break;
        case "eclipse": eclipse.setUp(data); break;
        case "hppc": hppc.setUp(data); break;
        case "koloboke": koloboke.setUp(data); break;
        case "agrona": agrona.setUp(data); break;
        case "hashMap": hashMap.setUp(data); break;
        default: throw new IllegalStateException(method);
      }
    }
  }

  private static int checked(int sizeAfter, IntLongData data) {
    int expected = data.size - data.removeIndexes.length;
    IntLongData.check(sizeAfter == expected, "size " + sizeAfter + " after removals, expected " + expected);
    return sizeAfter;
  }

  /** The generated HandleHashMap: {@code remove(handle)}, no hashing. */
  @Benchmark
  public int rchashmap(IntLongData data, Maps maps) {
    IntLongHandleHashMap map = maps.ours.map;
    long[] handles = maps.ours.handles;
    for (int index : data.removeIndexes) {
      map.remove(handles[index]);
    }
    return checked(map.size(), data);
  }

  /** The generated HandleHashMap: {@code removeKey(key)}, as the peers remove. */
  @Benchmark
  public int rchashmapRemoveKey(IntLongData data, Maps maps) {
    IntLongHandleHashMap map = maps.ours.map;
    for (int index : data.removeIndexes) {
      map.removeKey(data.keys[index]);
    }
    return checked(map.size(), data);
  }

  /** fastutil {@code remove(key)}. */
  @Benchmark
  public int fastutil(IntLongData data, Maps maps) {
    var map = maps.fastutil.map;
    for (int index : data.removeIndexes) {
      map.remove(data.keys[index]);
    }
    return checked(map.size(), data);
  }

  /** Eclipse Collections {@code removeKey}. */
  @Benchmark
  public int eclipse(IntLongData data, Maps maps) {
    var map = maps.eclipse.map;
    for (int index : data.removeIndexes) {
      map.removeKey(data.keys[index]);
    }
    return checked(map.size(), data);
  }

  /** HPPC {@code remove}. */
  @Benchmark
  public int hppc(IntLongData data, Maps maps) {
    var map = maps.hppc.map;
    for (int index : data.removeIndexes) {
      map.remove(data.keys[index]);
    }
    return checked(map.size(), data);
  }

  /** Koloboke {@code remove}. */
  @Benchmark
  public int koloboke(IntLongData data, Maps maps) {
    var map = maps.koloboke.map;
    for (int index : data.removeIndexes) {
      map.remove(data.keys[index]);
    }
    return checked(map.size(), data);
  }

  /** Agrona {@code remove}. */
  @Benchmark
  public int agrona(IntLongData data, Maps maps) {
    var map = maps.agrona.map;
    for (int index : data.removeIndexes) {
      map.remove(data.keys[index]);
    }
    return checked(map.size(), data);
  }

  /** {@code HashMap.remove}. */
  @Benchmark
  public int hashMap(IntLongData data, Maps maps) {
    var map = maps.hashMap.map;
    for (int index : data.removeIndexes) {
      map.remove(data.keys[index]);
    }
    return checked(map.size(), data);
  }
}
