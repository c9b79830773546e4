package dev.rchashmap.benchmarks;

import com.carrotsearch.hppc.cursors.LongCursor;
import com.koloboke.collect.map.IntLongCursor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * iterateAll: sums every value of a map of {@code size} entries with each library's cheapest
 * external iteration, timed as one batch. Each invocation checks the sum (values are
 * {@code 0..size-1}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IterateBenchmark {

  private static long checked(long sum, IntLongData data) {
    long expected = (long) data.size * (data.size - 1) / 2;
    IntLongData.check(sum == expected, "sum " + sum + ", expected " + expected);
    return sum;
  }

  /** The generated HandleHashMap's allocation-free {@code Cursor}. */
  @Benchmark
  public long rchashmap(IntLongData data, IntLongMaps.Ours ours) {
    IntLongHandleHashMap.Cursor cursor = ours.map.cursor();
    long sum = 0;
    while (cursor.next()) {
      sum += cursor.value();
    }
    return checked(sum, data);
  }

  /** fastutil's {@code values().iterator()} ({@code LongIterator.nextLong}). */
  @Benchmark
  public long fastutil(IntLongData data, IntLongMaps.Fastutil peer) {
    var values = peer.map.values().iterator();
    long sum = 0;
    while (values.hasNext()) {
      sum += values.nextLong();
    }
    return checked(sum, data);
  }

  /** Eclipse Collections' {@code longIterator()}. */
  @Benchmark
  public long eclipse(IntLongData data, IntLongMaps.Eclipse peer) {
    var values = peer.map.longIterator();
    long sum = 0;
    while (values.hasNext()) {
      sum += values.next();
    }
    return checked(sum, data);
  }

  /** HPPC's {@code values()} cursors. */
  @Benchmark
  public long hppc(IntLongData data, IntLongMaps.Hppc peer) {
    long sum = 0;
    for (LongCursor value : peer.map.values()) {
      sum += value.value;
    }
    return checked(sum, data);
  }

  /** Koloboke's {@code cursor()}. */
  @Benchmark
  public long koloboke(IntLongData data, IntLongMaps.Koloboke peer) {
    IntLongCursor cursor = peer.map.cursor();
    long sum = 0;
    while (cursor.moveNext()) {
      sum += cursor.value();
    }
    return checked(sum, data);
  }

  /** Agrona's {@code values().iterator()} ({@code nextValue}). */
  @Benchmark
  public long agrona(IntLongData data, IntLongMaps.Agrona peer) {
    var values = peer.map.values().iterator();
    long sum = 0;
    while (values.hasNext()) {
      sum += values.nextValue();
    }
    return checked(sum, data);
  }

  /** {@code HashMap.values()}. */
  @Benchmark
  public long hashMap(IntLongData data, IntLongMaps.JdkHashMap peer) {
    long sum = 0;
    for (Long value : peer.map.values()) {
      sum += value;
    }
    return checked(sum, data);
  }
}
