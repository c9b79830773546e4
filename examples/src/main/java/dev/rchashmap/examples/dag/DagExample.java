package dev.rchashmap.examples.dag;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A build graph loaded on demand into a {@code StringObjRcHashMap<Node>}: each node holds {@code
 * Ref}s to its inputs, and the removal listener closes them. So releasing a target's external
 * {@code Ref} cascades and frees exactly the nodes that neither another target nor another
 * external {@code Ref} still needs; shared nodes survive.
 */
public final class DagExample {

  /** A target or source file, holding one {@code Ref} per input it is built from. */
  public static final class Node {
    private final List<StringObjRcHashMap.Ref<Node>> inputs;

    Node(List<StringObjRcHashMap.Ref<Node>> inputs) {
      this.inputs = inputs;
    }

    /** Returns the names of the inputs. */
    public List<String> inputNames() {
      List<String> names = new ArrayList<>();
      inputs.forEach(ref -> names.add(ref.key()));
      return names;
    }
  }

  /** The loaded part of a build graph: each node once, however many targets need it. */
  public static final class BuildGraph implements AutoCloseable {
    private final Map<String, List<String>> rules;
    private final Consumer<String> events;
    private final StringObjRcHashMap<Node> nodes;
    private final LinkedHashSet<String> loading = new LinkedHashSet<>();

    /**
     * Creates an empty graph.
     *
     * @param rules each target's inputs, like a Makefile; a name without a rule is a source file
     * @param events told of every node loaded and freed
     */
    public BuildGraph(Map<String, List<String>> rules, Consumer<String> events) {
      this.rules = rules;
      this.events = events;
      this.nodes =
          StringObjRcHashMap.<Node>builder()
              .removalListener(
                  (name, node) -> {
                    events.accept("freed " + name);
                    // A freed node lets go of its inputs: the map runs the cascade as a loop.
                    node.inputs.forEach(StringObjRcHashMap.Ref::close);
                  })
              .build();
    }

    /**
     * Returns a new external {@code Ref} to {@code name}, loading it and every node it needs that
     * is not loaded yet; loaded nodes are shared.
     *
     * @throws IllegalArgumentException if the rules have a cycle; nothing stays loaded for it
     */
    public StringObjRcHashMap.Ref<Node> request(String name) {
      if (!loading.add(name)) {
        throw new IllegalArgumentException("cycle: " + String.join(" -> ", loading) + " -> " + name);
      }
      try {
        // The factory runs only for a node not loaded yet, and may itself use the map.
        return nodes.findOrInsert(name, this::load);
      } finally {
        loading.remove(name);
      }
    }

    private Node load(String name) {
      List<StringObjRcHashMap.Ref<Node>> inputs = new ArrayList<>();
      try {
        for (String input : rules.getOrDefault(name, List.of())) {
          inputs.add(request(input));
        }
      } catch (RuntimeException e) {
        inputs.forEach(StringObjRcHashMap.Ref::close); // a node that fails to load pins nothing
        throw e;
      }
      events.accept("loaded " + name + (inputs.isEmpty() ? "" : " <- " + String.join(" ", rules.get(name))));
      return new Node(inputs);
    }

    /** Returns the names of the loaded nodes, sorted. */
    public SortedSet<String> loaded() {
      SortedSet<String> names = new TreeSet<>();
      for (StringObjRcHashMap<Node>.Cursor c = nodes.cursor(); c.next(); ) {
        names.add(c.key());
      }
      return names;
    }

    /** Closes the graph; nodes still held by external {@code Ref}s stay until those close. */
    @Override
    public void close() {
      nodes.close();
    }
  }

  private DagExample() {}

  /**
   * Runs the example.
   *
   * @param out where to print what it shows
   */
  public static void run(PrintStream out) {
    Map<String, List<String>> makefile =
        Map.of(
            "app", List.of("main.o", "util.o"),
            "main.o", List.of("main.c", "util.h"),
            "util.o", List.of("util.c", "util.h"),
            "tests", List.of("test.o", "util.o"),
            "test.o", List.of("test.c", "util.h"));
    try (BuildGraph graph = new BuildGraph(makefile, event -> out.println("  " + event))) {
      out.println("request app:");
      StringObjRcHashMap.Ref<Node> app = graph.request("app");
      out.println("request tests (util.o and util.h are already loaded, so shared):");
      StringObjRcHashMap.Ref<Node> tests = graph.request("tests");
      StringObjRcHashMap.Ref<Node> editor = graph.request("util.h");
      out.println("an editor opens util.h: nothing to load, " + graph.loaded().size() + " nodes loaded");

      out.println("release app:");
      app.close();
      out.println("  survive: " + graph.loaded());

      out.println("release tests:");
      tests.close();
      out.println("  survive: " + graph.loaded());

      out.println("the editor closes util.h:");
      editor.close();
      out.println("  loaded: " + graph.loaded());
    }

    // Not a DAG: the request fails, and the nodes loaded on the way (c) are freed again.
    try (BuildGraph cyclic = new BuildGraph(Map.of("a", List.of("b"), "b", List.of("c", "a")), event -> {})) {
      try {
        cyclic.request("a").close();
      } catch (IllegalArgumentException e) {
        out.println("rules a <- b, b <- c a: " + e.getMessage() + "; loaded: " + cyclic.loaded());
      }
    }
  }
}
