package dev.rchashmap.benchmarks;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Entry point of {@code benchmarks.jar}.
 *
 * <ul>
 *   <li>{@code java -jar benchmarks/target/benchmarks.jar quick}: every benchmark once, briefly, on
 *       small maps, in this JVM: proves they run and that their self-checks pass (CI runs this).
 *   <li>{@code java -jar benchmarks/target/benchmarks.jar memory}: bytes per entry of each map.
 *   <li>anything else: passed to JMH, e.g. {@code -rf json -rff results.json FindBenchmark}.
 * </ul>
 */
public final class BenchmarkMain {
  private BenchmarkMain() {}

  /**
   * Runs the quick mode, the memory report, or JMH.
   *
   * @param args {@code quick}, {@code memory}, or JMH's command line
   * @throws Exception what JMH throws
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("quick")) {
      quick(args.length > 1 ? args[1] : ".*");
    } else if (args.length > 0 && args[0].equals("memory")) {
      MemoryFootprint.main(java.util.Arrays.copyOfRange(args, 1, args.length));
    } else {
      org.openjdk.jmh.Main.main(args);
    }
  }

  private static void quick(String include) throws Exception {
    Options options =
        new OptionsBuilder()
            .include(include)
            .forks(0)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(100))
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(200))
            .param("size", "10000")
            .param("churnRounds", "100000")
            .shouldFailOnError(true)
            .build();
    new Runner(options).run();
  }
}
