package dev.rchashmap.examples;

import dev.rchashmap.examples.cache.CacheExample;
import dev.rchashmap.examples.dag.DagExample;
import dev.rchashmap.examples.entities.EntityStoreExample;
import dev.rchashmap.examples.hashtables.HashTablesExample;
import dev.rchashmap.examples.symbols.SymbolsExample;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the examples: {@code all}, or one by name. From the project root: {@code mvn -B -q install
 * -DskipTests && mvn -B -q -pl examples exec:java} (add {@code -Dexample=NAME} for one).
 */
public final class Examples {
  /** Every example by name, in the order {@code all} runs them. */
  static final Map<String, Consumer<PrintStream>> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("symbols", SymbolsExample::run);
    EXAMPLES.put("hash-tables", HashTablesExample::run);
    EXAMPLES.put("cache", CacheExample::run);
    EXAMPLES.put("entity-store", EntityStoreExample::run);
    EXAMPLES.put("dag", DagExample::run);
  }

  private Examples() {}

  /**
   * Runs the examples named on the command line, or all of them.
   *
   * @param args {@code all} (the default) or example names
   */
  public static void main(String[] args) {
    String[] names = args.length == 0 ? new String[] {"all"} : args;
    for (String name : names) {
      if (name.equals("all")) {
        EXAMPLES.forEach((example, body) -> run(example, body));
      } else if (EXAMPLES.containsKey(name)) {
        run(name, EXAMPLES.get(name));
      } else {
        System.err.println("unknown example '" + name + "'; choose all or one of " + EXAMPLES.keySet());
        System.exit(2);
      }
    }
  }

  private static void run(String name, Consumer<PrintStream> example) {
    System.out.println("== " + name);
    example.accept(System.out);
    System.out.println();
  }
}
