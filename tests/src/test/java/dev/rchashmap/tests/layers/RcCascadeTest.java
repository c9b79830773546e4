package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cascades through {@code RcHashMap}: node values hold {@code Ref}s to their children and the
 * removal listener closes them, as in the seed's DAG tests. Everything is released, each node
 * once, and the storage is disposed once, after the last listener call.
 */
class RcCascadeTest {

  /** A DAG node: the value of its entry, holding one Ref per child. */
  static final class Node {
    final List<StringObjRcHashMap.Ref<Node>> children = new ArrayList<>();
  }

  /** A map whose listener logs the removal and closes the node's child Refs. */
  private static StringObjRcHashMap<Node> dagMap(List<String> events) {
    return StringObjRcHashMap.<Node>builder()
        .removalListener(
            (key, node) -> {
              events.add(key);
              node.children.forEach(StringObjRcHashMap.Ref::close);
            })
        .onDispose(() -> events.add("disposed"))
        .build();
  }

  /** Adds a node whose children are the given existing keys (each child gets a new Ref). */
  private static StringObjRcHashMap.Ref<Node> node(
      StringObjRcHashMap<Node> map, String key, String... children) {
    Node node = new Node();
    for (String child : children) {
      node.children.add(map.find(child));
    }
    return map.insert(key, node);
  }

  @Test
  void closingTheRootReleasesADiamondDagAndDisposesAfterTheLastListener() {
    List<String> events = new ArrayList<>();
    StringObjRcHashMap<Node> map = dagMap(events);
    // Built bottom-up; the builder's own Refs are closed as soon as the parents hold theirs.
    List<StringObjRcHashMap.Ref<Node>> scaffolding = new ArrayList<>();
    scaffolding.add(node(map, "d"));
    scaffolding.add(node(map, "c", "d"));
    scaffolding.add(node(map, "a", "c"));
    scaffolding.add(node(map, "b", "c", "d"));
    StringObjRcHashMap.Ref<Node> root = node(map, "r", "a", "b");
    scaffolding.forEach(StringObjRcHashMap.Ref::close);
    assertEquals(List.of(), events, "every node is still reachable from the root");
    assertEquals(5, map.size());

    map.close();
    assertEquals(List.of(), events);
    root.close();
    assertEquals(List.of("r", "a", "b", "c", "d", "disposed"), events);
    assertEquals(0, map.size());
  }

  @Test
  void sharedSubtreeSurvivesWhileAnotherParentHoldsIt() {
    List<String> events = new ArrayList<>();
    StringObjRcHashMap<Node> map = dagMap(events);
    List<StringObjRcHashMap.Ref<Node>> scaffolding = new ArrayList<>();
    scaffolding.add(node(map, "leaf"));
    scaffolding.add(node(map, "shared", "leaf"));
    StringObjRcHashMap.Ref<Node> left = node(map, "left", "shared");
    StringObjRcHashMap.Ref<Node> right = node(map, "right", "shared");
    scaffolding.forEach(StringObjRcHashMap.Ref::close);

    left.close();
    assertEquals(List.of("left"), events);
    assertTrue(map.containsKey("shared"));
    assertTrue(map.containsKey("leaf"));
    right.close();
    assertEquals(List.of("left", "right", "shared", "leaf"), events);
    assertTrue(map.isEmpty());
    map.close();
    assertEquals(List.of("left", "right", "shared", "leaf", "disposed"), events);
  }

  /**
   * A chain of 100 000 nodes, each holding a Ref to the one before. Closing the head after the
   * map releases all of them in a loop (a nested cascade would overflow the stack) and disposes
   * once, at the very end.
   */
  @Test
  void longChainCascadeReleasesEverythingAndDisposesOnce() {
    int n = 100_000;
    int[] removals = {0};
    int[] disposals = {0};
    int[] removalsAtDispose = {-1};
    StringObjRcHashMap<Node> map =
        StringObjRcHashMap.<Node>builder()
            .removalListener(
                (key, node) -> {
                  removals[0]++;
                  node.children.forEach(StringObjRcHashMap.Ref::close);
                })
            .onDispose(
                () -> {
                  disposals[0]++;
                  removalsAtDispose[0] = removals[0];
                })
            .build();
    StringObjRcHashMap.Ref<Node> head = map.insert("n0", new Node());
    for (int i = 1; i < n; i++) {
      Node node = new Node();
      node.children.add(head);
      head = map.insert("n" + i, node);
    }
    assertEquals(n, map.size());
    map.close();
    assertEquals(0, disposals[0]);

    head.close();

    assertEquals(n, removals[0]);
    assertEquals(1, disposals[0]);
    assertEquals(n, removalsAtDispose[0], "disposed before the last listener call");
    assertEquals(0, map.size());
  }

  @Test
  void cascadeInAnOpenMapLeavesItUsable() {
    List<String> events = new ArrayList<>();
    StringObjRcHashMap<Node> map = dagMap(events);
    StringObjRcHashMap.Ref<Node> leaf = node(map, "leaf");
    StringObjRcHashMap.Ref<Node> top = node(map, "top", "leaf");
    leaf.close();
    top.close();
    assertEquals(List.of("top", "leaf"), events);
    assertFalse(map.isClosed());
    StringObjRcHashMap.Ref<Node> again = node(map, "leaf");
    assertEquals(1, map.size());
    again.close();
    map.close();
    assertEquals(List.of("top", "leaf", "leaf", "disposed"), events);
  }
}
