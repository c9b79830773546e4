package dev.rchashmap.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.sym.CharsToNameCanonicalizer;
import dev.rchashmap.runtime.Handles;
import java.io.IOException;
import java.nio.CharBuffer;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * borrowedIntern: interning names straight from a reader's {@code char[]} buffer. A table holds
 * {@code size} names {@code "k%016x"}; the buffer holds {@value #OPERATIONS} names read from a
 * text, back to back, of which {@code hitPercent} percent are in the table and the others new.
 * Each operation looks one name up where it lies in the buffer; reported per operation.
 *
 * <ul>
 *   <li>Ours look up by a borrowed form ({@code @GenerateMaps(..., borrowed =
 *       CharSequenceKeys.class)}): one {@link CharBuffer} over the buffer, reused, its position
 *       and limit moved onto each name ({@code ...View} methods: a reused {@code CharSequence}
 *       view of our own instead). A {@code String} is made only for a new name. {@code
 *       handleFind}: {@code find(probe)}, a lookup that inserts nothing. {@code
 *       handleFindOrInsert}: {@code findOrInsert(probe, factory)}, and a new entry is removed
 *       again by its handle. {@code countedFindOrInsert}: {@code findOrInsert} then {@code
 *       release}: a hit's count goes back to 1, a new entry leaves at 0. {@code rcFindOrInsert}:
 *       {@code findOrInsert} then {@code close} of the {@code Ref}, likewise.
 *   <li>{@code HashMap<String, Long>} must have a {@code String}: {@code hashMapGet} is {@code
 *       get(new String(buffer, start, length))}, the lookup; {@code hashMapComputeIfAbsent} is
 *       {@code computeIfAbsent(new String(...), factory)}, and a new entry is removed again.
 *   <li>{@code jackson}: Jackson's {@link CharsToNameCanonicalizer}, the symbol table its parsers
 *       intern field names in: {@code findSymbol(buffer, start, length, calcHash(...))}. It keeps
 *       no value and cannot remove a name, so a new name stays, and the set-up's pass over the
 *       buffer has made every name a hit by the time it is measured; and it gives up past 64k
 *       slots: when its 49,152nd name would grow it further, it empties
 *       itself and stops canonicalizing, and from then on every lookup makes a new {@code
 *       String}. With 100,000 names or more it therefore canonicalizes nothing: that is its
 *       design for JSON field names, not a fault of the benchmark.
 * </ul>
 *
 * <p>Every table is back to {@code size} entries after each invocation (Jackson's aside), and
 * each invocation checks its hits or its new entries against the number expected. Run with
 * {@code -prof gc} to see the allocation per operation: none on a hit for ours.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OperationsPerInvocation(BorrowedInternBenchmark.OPERATIONS)
@State(Scope.Benchmark)
public class BorrowedInternBenchmark {
  /** Names looked up per invocation. */
  public static final int OPERATIONS = 10_000;

  private static final NameHandleHashMap.ValueFactory HANDLE_VALUE = name -> name.length();
  private static final NameCountedHashMap.ValueFactory COUNTED_VALUE = name -> name.length();
  private static final NameRcHashMap.ValueFactory RC_VALUE = name -> name.length();
  private static final Function<String, Long> HASH_MAP_VALUE = name -> (long) name.length();

  /** The number of names in the table. */
  @Param({"100000", "1000000"})
  public int size;

  /** The share of names read that are in the table; the rest are new. */
  @Param({"100", "50"})
  public int hitPercent;

  /** The names read, back to back with a space between them, as a reader's buffer holds them. */
  private char[] text;

  private int[] starts;
  private int[] lengths;
  private int expectedHits;

  /** The characters of all the names read. */
  private long lengthSum;

  /** The one probe of every lookup of ours: its position and limit move onto each name. */
  private CharBuffer probe;

  /** The other probe: a view of our own over the buffer. */
  private CharsView view;

  private NameHandleHashMap handle;
  private NameCountedHashMap counted;
  private NameRcHashMap rc;
  private NameRcHashMap.Ref[] held;
  private HashMap<String, Long> hashMap;
  private CharsToNameCanonicalizer jackson;
  private String[] jacksonSymbols;
  private boolean jacksonCanonicalizes;

  /** Builds the tables, each holding the same {@code size} names, and the buffer. */
  @Setup
  public void setUp() throws IOException {
    int[] picks = Keys.indexes(OPERATIONS, size, 7);
    int[] coin = Keys.indexes(OPERATIONS, 100, 8);
    StringBuilder read = new StringBuilder();
    starts = new int[OPERATIONS];
    lengths = new int[OPERATIONS];
    expectedHits = 0;
    lengthSum = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      boolean hit = coin[i] < hitPercent;
      expectedHits += hit ? 1 : 0;
      String name = Keys.name(hit ? picks[i] : size + (long) i);
      starts[i] = read.length();
      lengths[i] = name.length();
      lengthSum += name.length();
      read.append(name).append(' ');
    }
    text = read.toString().toCharArray();
    probe = CharBuffer.wrap(text);
    view = new CharsView(text);

    handle = new NameHandleHashMap(size);
    counted = new NameCountedHashMap(size);
    rc = new NameRcHashMap(size);
    held = new NameRcHashMap.Ref[size];
    hashMap = new HashMap<>();
    // Canonicalizing, as a JsonFactory does by default, but without String.intern on a miss.
    JsonFactory factory =
        JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();
    jackson = CharsToNameCanonicalizer.createRoot(factory).makeChild();
    for (int i = 0; i < size; i++) {
      String name = Keys.name(i);
      handle.insert(name, name.length());
      counted.insert(name, name.length());
      held[i] = rc.insert(name, name.length());
      hashMap.put(name, (long) name.length());
      char[] chars = name.toCharArray();
      jackson.findSymbol(chars, 0, chars.length, jackson.calcHash(chars, 0, chars.length));
    }
    jacksonSymbols = new String[OPERATIONS];
    for (int i = 0; i < OPERATIONS; i++) {
      jacksonSymbols[i] = jacksonSymbol(starts[i], lengths[i]);
    }
    jacksonCanonicalizes = jacksonSymbol(starts[0], lengths[0]) == jacksonSymbols[0];
  }

  /** Lets go of the held Refs, as a program would. */
  @TearDown
  public void tearDown() {
    for (NameRcHashMap.Ref ref : held) {
      ref.close();
    }
    rc.close();
  }

  /** Moves the probe onto the name at {@code start}. */
  private CharBuffer probe(int start, int length) {
    CharBuffer buffer = probe;
    buffer.limit(start + length).position(start);
    return buffer;
  }

  private String jacksonSymbol(int start, int length) throws IOException {
    return jackson.findSymbol(text, start, length, jackson.calcHash(text, start, length));
  }

  // The checks make their message only when they fail, so that a passing check allocates nothing
  // and -prof gc sees the operations alone.

  private void checkHits(int hits) {
    if (hits != expectedHits) {
      IntLongData.check(false, hits + " hits, expected " + expectedHits);
    }
  }

  private void checkMisses(int misses, int tableSize) {
    if (misses != OPERATIONS - expectedHits) {
      IntLongData.check(false, misses + " new names, expected " + (OPERATIONS - expectedHits));
    }
    if (tableSize != size) {
      IntLongData.check(false, "table size " + tableSize + ", expected " + size);
    }
  }

  /** {@code HandleHashMap.find(probe)}: a lookup only. */
  @Benchmark
  public long handleFind() {
    NameHandleHashMap map = handle;
    long sum = 0;
    int hits = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      long h = map.find(probe(starts[i], lengths[i]));
      if (h != Handles.NONE) {
        hits++;
        sum += map.value(h);
      }
    }
    checkHits(hits);
    return sum;
  }

  /** {@code HandleHashMap.findOrInsert(probe, factory)}; a new entry is removed again. */
  @Benchmark
  public long handleFindOrInsert() {
    NameHandleHashMap map = handle;
    int tableSize = size;
    long sum = 0;
    int misses = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      long h = map.findOrInsert(probe(starts[i], lengths[i]), HANDLE_VALUE);
      sum += map.value(h);
      if (map.size() != tableSize) {
        misses++;
        map.remove(h);
      }
    }
    checkMisses(misses, map.size());
    return sum;
  }

  /** {@link #handleFindOrInsert} with a reused view of our own as the probe. */
  @Benchmark
  public long handleFindOrInsertView() {
    NameHandleHashMap map = handle;
    CharsView probe = view;
    int tableSize = size;
    long sum = 0;
    int misses = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      long h = map.findOrInsert(probe.moveTo(starts[i], lengths[i]), HANDLE_VALUE);
      sum += map.value(h);
      if (map.size() != tableSize) {
        misses++;
        map.remove(h);
      }
    }
    checkMisses(misses, map.size());
    return sum;
  }

  /** {@code CountedHashMap.findOrInsert(probe, factory)} then {@code release}. */
  @Benchmark
  public long countedFindOrInsert() {
    NameCountedHashMap map = counted;
    long sum = 0;
    int misses = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      long h = map.findOrInsert(probe(starts[i], lengths[i]), COUNTED_VALUE);
      sum += map.value(h);
      if (map.release(h)) {
        misses++;
      }
    }
    checkMisses(misses, map.size());
    return sum;
  }

  /** {@code RcHashMap.findOrInsert(probe, factory)}, {@code value}, {@code close}. */
  @Benchmark
  public long rcFindOrInsert() {
    NameRcHashMap map = rc;
    long sum = 0;
    int misses = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      NameRcHashMap.Ref symbol = map.findOrInsert(probe(starts[i], lengths[i]), RC_VALUE);
      sum += symbol.value();
      if (symbol.refCount() == 1) {
        misses++; // a held name has the table's Ref too
      }
      symbol.close();
    }
    checkMisses(misses, map.size());
    return sum;
  }

  /** {@code HashMap.get(new String(buffer, start, length))}: a lookup only. */
  @Benchmark
  public long hashMapGet() {
    HashMap<String, Long> map = hashMap;
    char[] buffer = text;
    long sum = 0;
    int hits = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      Long value = map.get(new String(buffer, starts[i], lengths[i]));
      if (value != null) {
        hits++;
        sum += value;
      }
    }
    checkHits(hits);
    return sum;
  }

  /** {@code HashMap.computeIfAbsent(new String(...), factory)}; a new entry is removed again. */
  @Benchmark
  public long hashMapComputeIfAbsent() {
    HashMap<String, Long> map = hashMap;
    char[] buffer = text;
    int tableSize = size;
    long sum = 0;
    int misses = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      String name = new String(buffer, starts[i], lengths[i]);
      sum += map.computeIfAbsent(name, HASH_MAP_VALUE);
      if (map.size() != tableSize) {
        misses++;
        map.remove(name);
      }
    }
    checkMisses(misses, map.size());
    return sum;
  }

  /**
   * Jackson's {@code CharsToNameCanonicalizer.findSymbol}. While it canonicalizes, each name must
   * come back as the instance the set-up saw; once it has given up, each must still spell the
   * name.
   */
  @Benchmark
  public long jackson() throws IOException {
    CharsToNameCanonicalizer table = jackson;
    char[] buffer = text;
    long sum = 0;
    int canonical = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      int start = starts[i];
      int length = lengths[i];
      String symbol = table.findSymbol(buffer, start, length, table.calcHash(buffer, start, length));
      sum += symbol.length();
      if (symbol == jacksonSymbols[i]) {
        canonical++;
      }
    }
    if (canonical != (jacksonCanonicalizes ? OPERATIONS : 0)) {
      IntLongData.check(
          false, canonical + " names came back canonical, canonicalizing: " + jacksonCanonicalizes);
    }
    if (sum != lengthSum) {
      IntLongData.check(false, "symbols of " + sum + " characters, expected " + lengthSum);
    }
    return sum;
  }

  /**
   * A reader's own probe: a {@code CharSequence} over a slice of its buffer that it moves from
   * name to name. Final and without bounds checks beyond the array's, so every call inlines.
   */
  static final class CharsView implements CharSequence {
    private final char[] chars;
    private int start;
    private int length;

    CharsView(char[] chars) {
      this.chars = chars;
    }

    /** Moves the view onto {@code length} characters from {@code start}; returns it. */
    CharsView moveTo(int start, int length) {
      this.start = start;
      this.length = length;
      return this;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      return chars[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return new String(chars, start + from, to - from);
    }

    @Override
    public String toString() {
      return new String(chars, start, length);
    }
  }
}
