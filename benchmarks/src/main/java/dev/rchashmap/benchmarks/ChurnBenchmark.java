package dev.rchashmap.benchmarks;

import dev.rchashmap.runtime.Handles;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Slot wear: lookups in a map that has been through {@code churnRounds} rounds of {@code
 * map.remove(map.insert(k, v))} run as fast as in a fresh map holding the same entries, and no slot
 * retired. Reusing the last slot freed, as the maps once did, sent every round to one slot; they
 * now take fresh slots first, then the one vacated longest ago, so the rounds spread over every
 * vacant slot (see {@code processor/DESIGN.md}, Handles).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(IntLongData.LOOKUPS)
public class ChurnBenchmark {

  /** A map filled with the workload's keys, as {@code FindBenchmark} uses it. */
  @State(Scope.Benchmark)
  public static class Fresh {
    public IntLongHandleHashMap map;

    @Setup(Level.Trial)
    public void setUp(IntLongData data) {
      map = new IntLongHandleHashMap();
      for (int i = 0; i < data.size; i++) {
        map.insert(data.keys[i], i);
      }
    }
  }

  /** The same map after many remove-insert rounds of one more key. */
  @State(Scope.Benchmark)
  public static class Churned {
    /** Remove-insert rounds before the measurement: 10^8 in the full run. */
    @Param("100000000")
    public long churnRounds;

    public IntLongHandleHashMap map;

    @Setup(Level.Trial)
    public void setUp(IntLongData data) {
      map = new IntLongHandleHashMap();
      long[] handles = new long[data.size];
      for (int i = 0; i < data.size; i++) {
        handles[i] = map.insert(data.keys[i], i);
      }
      int churnKey = data.missKeys[0];
      int highestGeneration = 0;
      for (long round = 0; round < churnRounds; round++) {
        long handle = map.insert(churnKey, round);
        highestGeneration = Math.max(highestGeneration, Handles.generation(handle));
        map.remove(handle);
      }
      for (int i = 0; i < data.size; i++) {
        IntLongData.check(map.find(data.keys[i]) == handles[i], "a churned map lost an entry");
      }
      // A slot retires only when its generation reaches MAX_GENERATION.
      IntLongData.check(highestGeneration < Handles.MAX_GENERATION, "a slot retired");
      System.out.println(
          churnRounds + " rounds on " + data.size + " entries: highest generation "
              + highestGeneration + " (a slot retires at " + Handles.MAX_GENERATION + ")");
    }
  }

  /** findHit in the fresh map. */
  @Benchmark
  public long fresh(IntLongData data, Fresh fresh) {
    return findAll(data, fresh.map);
  }

  /** findHit in the churned map. */
  @Benchmark
  public long churned(IntLongData data, Churned churned) {
    return findAll(data, churned.map);
  }

  private static long findAll(IntLongData data, IntLongHandleHashMap map) {
    long sum = 0;
    int found = 0;
    for (int key : data.hitKeys) {
      long handle = map.find(key);
      if (handle != Handles.NONE) {
        found++;
        sum += handle;
      }
    }
    IntLongData.check(found == IntLongData.LOOKUPS, "hits found " + found);
    return sum;
  }
}
