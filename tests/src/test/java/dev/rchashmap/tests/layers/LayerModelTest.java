package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.testkit.Gen;
import dev.rchashmap.testkit.OperationMix.Phase;
import dev.rchashmap.testkit.Property;
import dev.rchashmap.testkit.Shrinker;
import dev.rchashmap.tests.model.Coverage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Model-based tests of the counted and reference-counted layers: long random operation lists
 * checked against a model after every step (see {@link CountedRun} and {@link RcRun}), for the
 * default-hash map, the constant-hash {@code Colliding} one and the {@code ObjObj} and {@code
 * StringInt} ones (see {@link LayerAdapters}); and the seed's {@code prop_dag_liveness}. Each seed is one test; a failing list is shrunk and printed with its seed
 * (replay: {@code -Drchashmap.seed=0x...}).
 *
 * <p>Long runs: the key domains are large enough that every map grows far past its initial
 * capacity, drains, and reuses its slots; {@link Coverage} fails the test if that stops being so.
 * Per layer {@value #SEEDS} seeds of {@value #STEPS} steps in fill and drain phases for each of
 * the two maps: a million steps. Short runs: {@value #SHORT_SEEDS} seeds per map of up to
 * {@value #SHORT_STEPS} steps on {@value #SHORT_KEYS} keys with the base weights, from a fresh
 * map; the map stays small, so every step checks all of it.
 */
class LayerModelTest {

  /** Seeds per map. */
  static final int SEEDS = 10;

  /** Operations per seed. */
  static final int STEPS = 50_000;

  /** Keys of the default-hash maps. */
  static final int KEYS = 1000;

  /** Keys of the constant-hash maps, whose every lookup walks a cluster of all entries. */
  static final int COLLIDING_KEYS = 512;

  /** The size every run must reach and fall back from; the initial capacity is 8. */
  static final int MIN_PEAK = 256;

  /** Short runs per map. */
  static final int SHORT_SEEDS = 300;

  /** The longest short run. */
  static final int SHORT_STEPS = 80;

  /** Keys of the short runs: so few that the same entries are hit again and again. */
  static final int SHORT_KEYS = 6;

  /** Seeds of the DAG property. */
  static final int DAG_SEEDS = 300;

  // ---------------------------------------------------------------------------------------------
  // CountedHashMap against a model of counts

  @TestFactory
  Stream<DynamicTest> intLongCountedMapAgreesWithModel() {
    return countedModelTest(LayerAdapters::intLongCounted, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> collidingCountedMapAgreesWithModel() {
    return countedModelTest(LayerAdapters::collidingCounted, COLLIDING_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> intLongCountedMapAgreesWithModelInShortRuns() {
    return countedShortRuns(LayerAdapters::intLongCounted);
  }

  @TestFactory
  Stream<DynamicTest> collidingCountedMapAgreesWithModelInShortRuns() {
    return countedShortRuns(LayerAdapters::collidingCounted);
  }

  @TestFactory
  Stream<DynamicTest> objObjCountedMapAgreesWithModel() {
    return countedModelTest(LayerAdapters::objObjCounted, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> stringIntCountedMapAgreesWithModel() {
    return countedModelTest(LayerAdapters::stringIntCounted, KEYS, gen -> gen.ints());
  }

  @TestFactory
  Stream<DynamicTest> objObjCountedMapAgreesWithModelInShortRuns() {
    return countedShortRuns(LayerAdapters::objObjCounted);
  }

  @TestFactory
  Stream<DynamicTest> stringIntCountedMapAgreesWithModelInShortRuns() {
    return countedShortRuns(LayerAdapters::stringIntCounted, gen -> gen.ints());
  }

  /** Fill and drain phases of about three times the domain: counts must fall to zero too. */
  private static Stream<DynamicTest> countedModelTest(
      Function<LayerAdapters.Listener, LayerAdapters.Counted> newMap, int keys) {
    return countedModelTest(newMap, keys, Gen::longs);
  }

  private static Stream<DynamicTest> countedModelTest(
      Function<LayerAdapters.Listener, LayerAdapters.Counted> newMap,
      int keys,
      ToLongFunction<Gen> values) {
    return Property.forAll(
        SEEDS,
        gen -> {
          List<CountedOp> ops = CountedOp.mix(keys, values).sequence(gen, STEPS, 3 * keys);
          Coverage coverage = Shrinker.check(ops, list -> CountedRun.check(newMap, keys, list));
          coverage.assertGrewShrankAndReusedSlots(MIN_PEAK);
        });
  }

  private static Stream<DynamicTest> countedShortRuns(
      Function<LayerAdapters.Listener, LayerAdapters.Counted> newMap) {
    return countedShortRuns(newMap, Gen::longs);
  }

  private static Stream<DynamicTest> countedShortRuns(
      Function<LayerAdapters.Listener, LayerAdapters.Counted> newMap, ToLongFunction<Gen> values) {
    return Property.forAll(
        SHORT_SEEDS,
        gen -> {
          List<CountedOp> ops =
              CountedOp.mix(SHORT_KEYS, values)
                  .sequence(gen, gen.ints(0, SHORT_STEPS), Phase.MIXED);
          Shrinker.check(ops, list -> CountedRun.check(newMap, SHORT_KEYS, list));
        });
  }

  // ---------------------------------------------------------------------------------------------
  // RcHashMap liveness: the map holds exactly the keys with open Refs

  @TestFactory
  Stream<DynamicTest> intLongRcMapLivenessAgreesWithModel() {
    return rcModelTest(LayerAdapters::intLongRc, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> collidingRcMapLivenessAgreesWithModel() {
    return rcModelTest(LayerAdapters::collidingRc, COLLIDING_KEYS);
  }

  @TestFactory
  Stream<DynamicTest> intLongRcMapLivenessAgreesWithModelInShortRuns() {
    return rcShortRuns(LayerAdapters::intLongRc);
  }

  @TestFactory
  Stream<DynamicTest> collidingRcMapLivenessAgreesWithModelInShortRuns() {
    return rcShortRuns(LayerAdapters::collidingRc);
  }

  @TestFactory
  Stream<DynamicTest> objObjRcMapLivenessAgreesWithModel() {
    return rcModelTest(LayerAdapters::objObjRc, KEYS);
  }

  @TestFactory
  Stream<DynamicTest> stringIntRcMapLivenessAgreesWithModel() {
    return rcModelTest(LayerAdapters::stringIntRc, KEYS, gen -> gen.ints());
  }

  @TestFactory
  Stream<DynamicTest> objObjRcMapLivenessAgreesWithModelInShortRuns() {
    return rcShortRuns(LayerAdapters::objObjRc);
  }

  @TestFactory
  Stream<DynamicTest> stringIntRcMapLivenessAgreesWithModelInShortRuns() {
    return rcShortRuns(LayerAdapters::stringIntRc, gen -> gen.ints());
  }

  /**
   * Fill and drain phases of about three times the domain, then every open Ref and the map
   * closed in a random order.
   */
  private static <R> Stream<DynamicTest> rcModelTest(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<R>> newMap, int keys) {
    return rcModelTest(newMap, keys, Gen::longs);
  }

  private static <R> Stream<DynamicTest> rcModelTest(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<R>> newMap,
      int keys,
      ToLongFunction<Gen> values) {
    return Property.forAll(
        SEEDS,
        gen -> {
          long shuffleSeed = gen.longs();
          int closeAtPick = gen.ints();
          List<RcOp> ops = RcOp.mix(keys, values).sequence(gen, STEPS, 3 * keys);
          Coverage coverage =
              Shrinker.check(
                  ops, list -> RcRun.check(newMap, keys, list, shuffleSeed, closeAtPick));
          coverage.assertGrewShrankAndReusedSlots(MIN_PEAK);
        });
  }

  private static <R> Stream<DynamicTest> rcShortRuns(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<R>> newMap) {
    return rcShortRuns(newMap, Gen::longs);
  }

  private static <R> Stream<DynamicTest> rcShortRuns(
      BiFunction<LayerAdapters.Listener, Runnable, LayerAdapters.Rc<R>> newMap,
      ToLongFunction<Gen> values) {
    return Property.forAll(
        SHORT_SEEDS,
        gen -> {
          long shuffleSeed = gen.longs();
          int closeAtPick = gen.ints();
          List<RcOp> ops =
              RcOp.mix(SHORT_KEYS, values).sequence(gen, gen.ints(0, SHORT_STEPS), Phase.MIXED);
          Shrinker.check(
              ops, list -> RcRun.check(newMap, SHORT_KEYS, list, shuffleSeed, closeAtPick));
        });
  }

  // ---------------------------------------------------------------------------------------------
  // The seed's prop_dag_liveness

  /**
   * A random DAG on nodes {@code 0..n-1} with edges only from higher to lower index; which nodes
   * are held from outside; the order in which the other nodes' own Refs are closed; the order
   * in which the external Refs are closed afterwards; and when the map itself is closed.
   */
  record Dag(
      int n,
      List<Boolean> edgeBits,
      List<Boolean> external,
      List<Integer> dropOrder,
      List<Integer> releaseOrder,
      int mapCloseAt) {

    boolean edge(int from, int to) {
      // Edges from > to, packed row by row: row 'from' holds from bits.
      return edgeBits.get(from * (from - 1) / 2 + to);
    }
  }

  /** Draws a DAG of 1 to 24 nodes, each edge present with probability 3/10. */
  static Dag drawDag(Gen gen) {
    int n = gen.ints(1, 24);
    List<Integer> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(i);
    }
    List<Boolean> edges = new ArrayList<>();
    for (int i = 0; i < n * (n - 1) / 2; i++) {
      edges.add(gen.below(10) < 3);
    }
    List<Boolean> external = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      external.add(gen.below(3) == 0);
    }
    return new Dag(
        n, edges, external, gen.shuffle(nodes), gen.shuffle(nodes), gen.ints(0, 2 * n));
  }

  /** A DAG node: the value of its entry, holding one Ref per child. */
  static final class Node {
    final List<StringObjRcHashMap.Ref<Node>> children = new ArrayList<>();
  }

  @TestFactory
  Stream<DynamicTest> dagLiveness() {
    return Property.forAll(DAG_SEEDS, gen -> checkDagLiveness(drawDag(gen)));
  }

  private static void checkDagLiveness(Dag dag) {
    int n = dag.n();
    List<String> events = new ArrayList<>();
    StringObjRcHashMap<Node> map =
        StringObjRcHashMap.<Node>builder()
            .removalListener(
                (key, node) -> {
                  events.add(key);
                  node.children.forEach(StringObjRcHashMap.Ref::close);
                })
            .onDispose(() -> events.add("disposed"))
            .build();

    // Build bottom-up: each node's value holds a new Ref to each child; keep each insert's Ref.
    Map<Integer, StringObjRcHashMap.Ref<Node>> held = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Node node = new Node();
      for (int child = 0; child < i; child++) {
        if (dag.edge(i, child)) {
          node.children.add(map.find("n" + child));
        }
      }
      held.put(i, map.insert("n" + i, node));
    }
    assertEquals(n, map.size());
    assertEquals(List.of(), events);

    // Schedule: first drop every non-external node's own Ref, then release the external ones.
    List<Integer> schedule = new ArrayList<>();
    for (int i : dag.dropOrder()) {
      if (!dag.external().get(i)) {
        schedule.add(i);
      }
    }
    int phaseOne = schedule.size();
    for (int i : dag.releaseOrder()) {
      if (dag.external().get(i)) {
        schedule.add(i);
      }
    }
    int mapCloseAt = dag.mapCloseAt() % (schedule.size() + 1);
    for (int step = 0; step <= schedule.size(); step++) {
      if (step == mapCloseAt) {
        map.close();
      }
      if (step == phaseOne) {
        // The seed's property: a node is in the map iff reachable from an external Ref.
        checkReachability(dag, held.keySet(), map, events);
      }
      if (step == schedule.size()) {
        break;
      }
      held.remove(schedule.get(step)).close();
      checkReachability(dag, held.keySet(), map, events);
    }
    assertTrue(held.isEmpty());
    assertEquals(0, map.size());
    assertEquals(n + 1, events.size());
    assertEquals("disposed", events.get(n), "disposed before the last listener call");
    assertEquals(n, new HashSet<>(events.subList(0, n)).size(), "a node was removed twice");
  }

  /** Checks that the map holds exactly the nodes reachable from {@code roots}. */
  private static void checkReachability(
      Dag dag, Set<Integer> roots, StringObjRcHashMap<Node> map, List<String> events) {
    Set<Integer> reachable = new HashSet<>();
    Deque<Integer> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      int node = work.pop();
      if (reachable.add(node)) {
        for (int child = 0; child < node; child++) {
          if (dag.edge(node, child)) {
            work.push(child);
          }
        }
      }
    }
    assertEquals(reachable.size(), map.size());
    Set<String> removed = new HashSet<>(events);
    assertEquals(events.size(), removed.size(), "a node was removed twice: " + events);
    for (int i = 0; i < dag.n(); i++) {
      String key = "n" + i;
      boolean live = reachable.contains(i);
      assertNotEquals(live, removed.contains(key), key + " live=" + live + " events=" + events);
      assertEquals(live, map.containsKey(key), key);
    }
    boolean disposed = removed.contains("disposed");
    assertEquals(map.isClosed() && reachable.isEmpty(), disposed, "dispose timing");
  }
}
