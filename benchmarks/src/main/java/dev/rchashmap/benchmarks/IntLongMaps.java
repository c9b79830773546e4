package dev.rchashmap.benchmarks;

import com.carrotsearch.hppc.IntLongHashMap;
import com.koloboke.collect.map.hash.HashIntLongMap;
import com.koloboke.collect.map.hash.HashIntLongMaps;
import it.unimi.dsi.fastutil.ints.Int2LongOpenHashMap;
import java.util.HashMap;
import org.agrona.collections.Long2LongHashMap;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One filled map per library, each in its own JMH state so that a fork builds only the map its
 * benchmark uses. Absent keys read as {@link #MISSING} wherever the library lets us choose.
 */
public final class IntLongMaps {
  /** The value libraries return for an absent key (stored values are 0..size-1). */
  public static final long MISSING = -1L;

  private IntLongMaps() {}

  /** The generated handle map, and the handle of every key. */
  @State(Scope.Benchmark)
  public static class Ours {
    public IntLongHandleHashMap map;
    public long[] handles;

    @Setup
    public void setUp(IntLongData data) {
      map = new IntLongHandleHashMap();
      handles = new long[data.size];
      for (int i = 0; i < data.size; i++) {
        handles[i] = map.insert(data.keys[i], i);
      }
    }
  }

  /** The generated counted map, every entry with count 1. */
  @State(Scope.Benchmark)
  public static class OursCounted {
    public IntLongCountedHashMap map;

    @Setup
    public void setUp(IntLongData data) {
      map = new IntLongCountedHashMap();
      for (int i = 0; i < data.size; i++) {
        map.insert(data.keys[i], i);
      }
    }
  }

  /** fastutil's {@code Int2LongOpenHashMap}. */
  @State(Scope.Benchmark)
  public static class Fastutil {
    public Int2LongOpenHashMap map;

    @Setup
    public void setUp(IntLongData data) {
      map = fill(new Int2LongOpenHashMap(), data);
    }

    static Int2LongOpenHashMap fill(Int2LongOpenHashMap map, IntLongData data) {
      map.defaultReturnValue(MISSING);
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i], i);
      }
      return map;
    }
  }

  /** Eclipse Collections' {@code IntLongHashMap}. */
  @State(Scope.Benchmark)
  public static class Eclipse {
    public org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap map;

    @Setup
    public void setUp(IntLongData data) {
      map = new org.eclipse.collections.impl.map.mutable.primitive.IntLongHashMap();
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i], i);
      }
    }
  }

  /** HPPC's {@code IntLongHashMap}. */
  @State(Scope.Benchmark)
  public static class Hppc {
    public IntLongHashMap map;

    @Setup
    public void setUp(IntLongData data) {
      map = new IntLongHashMap();
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i], i);
      }
    }
  }

  /** Koloboke's {@code HashIntLongMap}. */
  @State(Scope.Benchmark)
  public static class Koloboke {
    public HashIntLongMap map;

    @Setup
    public void setUp(IntLongData data) {
      map = HashIntLongMaps.newMutableMap();
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i], i);
      }
    }
  }

  /** Agrona's {@code Long2LongHashMap}, keys widened (Agrona has no int-to-long map). */
  @State(Scope.Benchmark)
  public static class Agrona {
    public Long2LongHashMap map;

    @Setup
    public void setUp(IntLongData data) {
      map = new Long2LongHashMap(MISSING);
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i], i);
      }
    }
  }

  /** {@code java.util.HashMap<Integer, Long>}. */
  @State(Scope.Benchmark)
  public static class JdkHashMap {
    public HashMap<Integer, Long> map;

    @Setup
    public void setUp(IntLongData data) {
      map = new HashMap<>();
      for (int i = 0; i < data.size; i++) {
        map.put(data.keys[i], (long) i);
      }
    }
  }
}
