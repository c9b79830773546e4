package dev.rchashmap.benchmarks;

import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per entry of each int-to-long map, measured with JOL's {@code GraphLayout}: the retained
 * size of the whole object graph of a map holding {@code size} entries, divided by {@code size}.
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  /**
   * Prints the table.
   *
   * @param args the sizes to measure; 100 000 and 1 000 000 by default
   */
  public static void main(String[] args) {
    String[] sizes = args.length == 0 ? new String[] {"100000", "1000000"} : args;
    for (String size : sizes) {
      IntLongData data = new IntLongData();
      data.size = Integer.parseInt(size);
      data.setUp();
      System.out.printf("size %,d: bytes per entry (JOL GraphLayout totalSize / size)%n", data.size);
      report("rchashmap HandleHashMap", build(new IntLongMaps.Ours(), data).map, data.size);
      report("rchashmap CountedHashMap", build(new IntLongMaps.OursCounted(), data).map, data.size);
      report("fastutil Int2LongOpenHashMap", build(new IntLongMaps.Fastutil(), data).map, data.size);
      report("Eclipse IntLongHashMap", build(new IntLongMaps.Eclipse(), data).map, data.size);
      report("HPPC IntLongHashMap", build(new IntLongMaps.Hppc(), data).map, data.size);
      report("Koloboke HashIntLongMap", build(new IntLongMaps.Koloboke(), data).map, data.size);
      report("Agrona Long2LongHashMap", build(new IntLongMaps.Agrona(), data).map, data.size);
      report("HashMap<Integer, Long>", build(new IntLongMaps.JdkHashMap(), data).map, data.size);
    }
  }

  private static <T> T build(T state, IntLongData data) {
    try {
      state.getClass().getMethod("setUp", IntLongData.class).invoke(state, data);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return state;
  }

  private static void report(String name, Object map, int size) {
    long bytes = GraphLayout.parseInstance(map).totalSize();
    System.out.printf("  %-30s %8.1f%n", name, (double) bytes / size);
  }
}
