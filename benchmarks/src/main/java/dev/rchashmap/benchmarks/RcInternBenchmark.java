package dev.rchashmap.benchmarks;

import java.util.HashMap;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * rcIntern: symbol interning with String keys {@code "k%016x"}. A table of {@code size} names is
 * held (each with one reference); each operation interns one name ({@code findOrInsert}), reads
 * its value and lets go ({@code close}). A hit leaves the table as it was; a miss inserts a new
 * entry that leaves again on close. The peer is a {@code HashMap<String, long[]>} doing the same
 * lookup-or-insert with a hand-kept count. Reported per operation; each invocation checks that
 * the table is back to {@code size} entries.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(RcInternBenchmark.OPERATIONS)
@State(Scope.Benchmark)
public class RcInternBenchmark {
  /** Interning operations per invocation. */
  public static final int OPERATIONS = 10_000;

  private static final StringLongRcHashMap.ValueFactory NEW_SYMBOL = name -> name.length();

  /** The number of names held in the table. */
  @Param({"100000", "1000000"})
  public int size;

  /** The share of operations that find a held name; the rest intern a new one. */
  @Param({"100", "50"})
  public int hitPercent;

  private String[] lookups;
  private StringLongRcHashMap ours;
  private StringLongRcHashMap.Ref[] held;
  private HashMap<String, long[]> peer;

  /** Builds both tables and the lookup sequence (fresh String instances, as a reader makes). */
  @Setup
  public void setUp() {
    int[] picks = Keys.indexes(OPERATIONS, size, 5);
    int[] coin = Keys.indexes(OPERATIONS, 100, 6);
    lookups = new String[OPERATIONS];
    for (int i = 0; i < OPERATIONS; i++) {
      long key = coin[i] < hitPercent ? picks[i] : size + (long) i;
      lookups[i] = new String(Keys.name(key));
    }
    ours = new StringLongRcHashMap();
    held = new StringLongRcHashMap.Ref[size];
    peer = new HashMap<>();
    for (int i = 0; i < size; i++) {
      String name = Keys.name(i);
      held[i] = ours.insert(name, name.length());
      peer.put(name, new long[] {name.length(), 1});
    }
  }

  /** Lets go of the held Refs, as a program would. */
  @TearDown
  public void tearDown() {
    for (StringLongRcHashMap.Ref ref : held) {
      ref.close();
    }
    ours.close();
  }

  /** The generated RcHashMap: {@code findOrInsert}, {@code value}, {@code close}. */
  @Benchmark
  public long rchashmap() {
    StringLongRcHashMap map = ours;
    long sum = 0;
    for (String name : lookups) {
      StringLongRcHashMap.Ref symbol = map.findOrInsert(name, NEW_SYMBOL);
      sum += symbol.value();
      symbol.close();
    }
    IntLongData.check(map.size() == size, "table size " + map.size() + ", expected " + size);
    return sum;
  }

  /** {@code HashMap<String, long[]>} with {@code {value, count}} per name, counted by hand. */
  @Benchmark
  public long hashMap() {
    HashMap<String, long[]> map = peer;
    long sum = 0;
    for (String name : lookups) {
      long[] symbol = map.get(name);
      if (symbol == null) {
        symbol = new long[] {name.length(), 0};
        map.put(name, symbol);
      }
      symbol[1]++;
      sum += symbol[0];
      if (--symbol[1] == 0) {
        map.remove(name);
      }
    }
    IntLongData.check(map.size() == size, "table size " + map.size() + ", expected " + size);
    return sum;
  }
}
