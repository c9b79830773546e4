package dev.rchashmap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.examples.dag.DagExample;
import dev.rchashmap.examples.dag.DagExample.BuildGraph;
import dev.rchashmap.examples.dag.DagExample.Node;
import dev.rchashmap.examples.dag.StringObjRcHashMap.Ref;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DagExampleTest {

  /** A diamond with a tail: top needs left and right, both need bottom, bottom needs base. */
  private static final Map<String, List<String>> DIAMOND =
      Map.of(
          "top", List.of("left", "right"),
          "left", List.of("bottom"),
          "right", List.of("bottom"),
          "bottom", List.of("base"));

  private final List<String> events = new ArrayList<>();

  private List<String> freed() {
    List<String> freed = events.stream().filter(e -> e.startsWith("freed ")).map(e -> e.substring(6)).toList();
    events.clear();
    return freed;
  }

  @Test
  void printsWhatIsFreedAndWhatSurvives() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DagExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");

    assertEquals(1, out.split("loaded util.h", -1).length - 1, out); // loaded once, shared after
    assertTrue(out.contains("nothing to load, 9 nodes loaded"), out);
    assertTrue(out.contains("release app:\n  freed app\n  freed main.o\n  freed main.c\n"
        + "  survive: [test.c, test.o, tests, util.c, util.h, util.o]"), out);
    assertTrue(out.contains("release tests:\n  freed tests\n  freed test.o\n  freed util.o\n  freed test.c\n"
        + "  freed util.c\n  survive: [util.h]"), out);
    assertTrue(out.contains("the editor closes util.h:\n  freed util.h\n  loaded: []"), out);
    assertTrue(out.contains("cycle: a -> b -> a; loaded: []"), out);
  }

  @Test
  void sharedNodesAreLoadedOnceAndFreedWithTheirLastUser() {
    try (BuildGraph graph = new BuildGraph(DIAMOND, events::add)) {
      Ref<Node> top = graph.request("top");
      assertEquals(List.of("loaded base", "loaded bottom <- base", "loaded left <- bottom", "loaded right <- bottom",
          "loaded top <- left right"), events);
      assertEquals(List.of("left", "right"), top.value().inputNames());
      Ref<Node> right = graph.request("right");
      events.clear();

      top.close();
      assertEquals(List.of("top", "left"), freed()); // right is held outside, bottom by right
      assertEquals(Set.of("right", "bottom", "base"), graph.loaded());
      right.close();
      assertEquals(List.of("right", "bottom", "base"), freed());
      assertTrue(graph.loaded().isEmpty());
    }
  }

  @Test
  void externalRefsOutliveTheGraph() {
    BuildGraph graph = new BuildGraph(DIAMOND, events::add);
    Ref<Node> bottom = graph.request("bottom");
    graph.close(); // the owner lets go; the external Ref keeps bottom and, through it, base
    assertEquals(List.of("base"), bottom.value().inputNames());
    assertEquals("bottom", bottom.key());
    events.clear();
    bottom.close();
    assertEquals(List.of("bottom", "base"), freed());
  }

  @Test
  void aCycleIsRejectedAndPinsNothing() {
    Map<String, List<String>> rules = Map.of("a", List.of("x", "b"), "b", List.of("y", "c"), "c", List.of("a"));
    try (BuildGraph graph = new BuildGraph(rules, events::add)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> graph.request("a"));
      assertEquals("cycle: a -> b -> c -> a", e.getMessage());
      assertTrue(graph.loaded().isEmpty());
      assertEquals(List.of("y", "x"), freed());
    }
  }
}
