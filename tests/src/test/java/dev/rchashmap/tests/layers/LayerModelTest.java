package dev.rchashmap.tests.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.DuplicateKeyException;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.MapClosedException;
import dev.rchashmap.runtime.StaleHandleException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Model-based tests of the counted and reference-counted layers: random operation sequences on
 * a small key domain, checked against a model after every step, for the default-hash map and
 * the constant-hash {@code Colliding} one; and the seed's {@code prop_dag_liveness}.
 */
class LayerModelTest {

  private static final int TRIES = 300;

  /** Keys are drawn from {@code 0..KEYS-1}, so operations hit the same entries often. */
  private static final int KEYS = 6;

  // ---------------------------------------------------------------------------------------------
  // CountedHashMap against a model of counts

  enum CountedKind {
    INSERT,
    TRY_INSERT,
    INSERT_WITH,
    FIND,
    FIND_OR_INSERT,
    RETAIN,
    RELEASE,
    SET_VALUE,
    GET_OR_DEFAULT
  }

  /** One step; {@code pick} chooses among the live entries when the kind needs one. */
  record CountedOp(CountedKind kind, int key, int pick, long value) {}

  /** The model's view of one entry. */
  private static final class ModelEntry {
    final long handle;
    long value;
    int count;

    ModelEntry(long handle, long value) {
      this.handle = handle;
      this.value = value;
      this.count = 1;
    }
  }

  @Provide
  Arbitrary<List<CountedOp>> countedOps() {
    Arbitrary<CountedKind> kinds =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(CountedKind.INSERT)),
            Tuple.of(1, Arbitraries.just(CountedKind.TRY_INSERT)),
            Tuple.of(1, Arbitraries.just(CountedKind.INSERT_WITH)),
            Tuple.of(3, Arbitraries.just(CountedKind.FIND)),
            Tuple.of(2, Arbitraries.just(CountedKind.FIND_OR_INSERT)),
            Tuple.of(2, Arbitraries.just(CountedKind.RETAIN)),
            Tuple.of(6, Arbitraries.just(CountedKind.RELEASE)),
            Tuple.of(1, Arbitraries.just(CountedKind.SET_VALUE)),
            Tuple.of(1, Arbitraries.just(CountedKind.GET_OR_DEFAULT)));
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(0, KEYS - 1),
            Arbitraries.integers().between(0, 1_000),
            Arbitraries.longs().between(-1_000, 1_000))
        .as(CountedOp::new)
        .list()
        .ofMaxSize(80);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void intLongCountedMapAgreesWithModel(@ForAll("countedOps") List<CountedOp> ops) {
    List<String> removals = new ArrayList<>();
    checkCounted(
        LayerAdapters.intLongCounted((key, value) -> removals.add(key + "=" + value)), removals, ops);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void collidingCountedMapAgreesWithModel(@ForAll("countedOps") List<CountedOp> ops) {
    List<String> removals = new ArrayList<>();
    checkCounted(
        LayerAdapters.collidingCounted((key, value) -> removals.add(key + "=" + value)),
        removals,
        ops);
  }

  private static void checkCounted(
      LayerAdapters.Counted map, List<String> removals, List<CountedOp> ops) {
    Map<Integer, ModelEntry> model = new TreeMap<>();
    List<Long> stale = new ArrayList<>();
    List<String> expectedRemovals = new ArrayList<>();
    int[] factoryRuns = {0};
    for (CountedOp op : ops) {
      int key = op.key();
      ModelEntry entry = model.get(key);
      IntToLongFunction factory =
          k -> {
            factoryRuns[0]++;
            assertEquals(key, k);
            return op.value();
          };
      int runsBefore = factoryRuns[0];
      List<Integer> liveKeys = new ArrayList<>(model.keySet());
      ModelEntry picked = liveKeys.isEmpty() ? null : model.get(liveKeys.get(op.pick() % liveKeys.size()));
      switch (op.kind()) {
        case INSERT:
          if (entry != null) {
            assertThrows(DuplicateKeyException.class, () -> map.insert(key, op.value()));
          } else {
            model.put(key, new ModelEntry(map.insert(key, op.value()), op.value()));
          }
          break;
        case TRY_INSERT:
          if (entry != null) {
            assertEquals(Handles.NONE, map.tryInsert(key, op.value()));
          } else {
            model.put(key, new ModelEntry(map.tryInsert(key, op.value()), op.value()));
          }
          break;
        case INSERT_WITH:
          if (entry != null) {
            assertThrows(DuplicateKeyException.class, () -> map.insertWith(key, factory));
            assertEquals(runsBefore, factoryRuns[0]);
          } else {
            model.put(key, new ModelEntry(map.insertWith(key, factory), op.value()));
            assertEquals(runsBefore + 1, factoryRuns[0]);
          }
          break;
        case FIND:
          if (entry != null) {
            assertEquals(entry.handle, map.find(key));
            entry.count++;
          } else {
            assertEquals(Handles.NONE, map.find(key));
          }
          break;
        case FIND_OR_INSERT:
          if (entry != null) {
            assertEquals(entry.handle, map.findOrInsert(key, factory));
            assertEquals(runsBefore, factoryRuns[0]);
            entry.count++;
          } else {
            model.put(key, new ModelEntry(map.findOrInsert(key, factory), op.value()));
            assertEquals(runsBefore + 1, factoryRuns[0]);
          }
          break;
        case RETAIN:
          if (picked != null) {
            assertEquals(picked.handle, map.retain(picked.handle));
            picked.count++;
          }
          break;
        case RELEASE:
          if (picked != null) {
            picked.count--;
            boolean removed = picked.count == 0;
            int pickedKey = map.key(picked.handle);
            if (removed) {
              model.remove(pickedKey);
              stale.add(picked.handle);
              expectedRemovals.add(pickedKey + "=" + picked.value);
            }
            assertEquals(removed, map.release(picked.handle));
          }
          break;
        case SET_VALUE:
          if (picked != null) {
            map.setValue(picked.handle, op.value());
            picked.value = op.value();
          }
          break;
        case GET_OR_DEFAULT:
          assertEquals(entry == null ? Long.MIN_VALUE : entry.value, map.getOrDefault(key, Long.MIN_VALUE));
          break;
        default:
          throw new AssertionError(op.kind());
      }
      checkCountedState(map, model, stale);
      assertEquals(expectedRemovals, removals, "after " + op);
    }
  }

  private static void checkCountedState(
      LayerAdapters.Counted map, Map<Integer, ModelEntry> model, List<Long> stale) {
    assertEquals(model.size(), map.size());
    assertEquals(model.isEmpty(), map.isEmpty());
    Map<Integer, Integer> expectedCounts = new HashMap<>();
    for (int key = -1; key <= KEYS; key++) {
      ModelEntry entry = model.get(key);
      assertEquals(entry != null, map.containsKey(key), "containsKey " + key);
      if (entry != null) {
        assertTrue(map.contains(entry.handle));
        assertEquals(key, map.key(entry.handle));
        assertEquals(entry.value, map.value(entry.handle));
        assertEquals(entry.count, map.refCount(entry.handle));
        expectedCounts.put(key, entry.count);
      }
    }
    assertEquals(expectedCounts, map.countsByCursor());
    for (long handle : stale) {
      assertFalse(map.contains(handle));
      assertThrows(StaleHandleException.class, () -> map.refCount(handle));
      assertThrows(StaleHandleException.class, () -> map.retain(handle));
      assertThrows(StaleHandleException.class, () -> map.release(handle));
      assertThrows(StaleHandleException.class, () -> map.value(handle));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // RcHashMap liveness: the map holds exactly the keys with live Refs

  enum RcKind {
    INSERT,
    INSERT_WITH,
    FIND,
    FIND_OR_INSERT,
    SHARE,
    CLOSE,
    CLOSE_AGAIN,
    SET_VALUE
  }

  /** One step; {@code pick} chooses among the open (or, for CLOSE_AGAIN, closed) Refs. */
  record RcOp(RcKind kind, int key, int pick, long value) {}

  /** A Ref with the key it was made for. */
  private record Held<R>(R ref, int key) {}

  @Provide
  Arbitrary<List<RcOp>> rcOps() {
    Arbitrary<RcKind> kinds =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(RcKind.INSERT)),
            Tuple.of(1, Arbitraries.just(RcKind.INSERT_WITH)),
            Tuple.of(3, Arbitraries.just(RcKind.FIND)),
            Tuple.of(2, Arbitraries.just(RcKind.FIND_OR_INSERT)),
            Tuple.of(2, Arbitraries.just(RcKind.SHARE)),
            Tuple.of(6, Arbitraries.just(RcKind.CLOSE)),
            Tuple.of(1, Arbitraries.just(RcKind.CLOSE_AGAIN)),
            Tuple.of(1, Arbitraries.just(RcKind.SET_VALUE)));
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(0, KEYS - 1),
            Arbitraries.integers().between(0, 1_000),
            Arbitraries.longs().between(-1_000, 1_000))
        .as(RcOp::new)
        .list()
        .ofMaxSize(80);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void intLongRcMapLivenessAgreesWithModel(
      @ForAll("rcOps") List<RcOp> ops, @ForAll long shuffleSeed, @ForAll int closeAtPick) {
    List<String> events = new ArrayList<>();
    checkRc(
        LayerAdapters.intLongRc((key, value) -> events.add(key + "=" + value), () -> events.add("disposed")),
        events,
        ops,
        shuffleSeed,
        closeAtPick);
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void collidingRcMapLivenessAgreesWithModel(
      @ForAll("rcOps") List<RcOp> ops, @ForAll long shuffleSeed, @ForAll int closeAtPick) {
    List<String> events = new ArrayList<>();
    checkRc(
        LayerAdapters.collidingRc((key, value) -> events.add(key + "=" + value), () -> events.add("disposed")),
        events,
        ops,
        shuffleSeed,
        closeAtPick);
  }

  private static <R> void checkRc(
      LayerAdapters.Rc<R> map, List<String> events, List<RcOp> ops, long shuffleSeed, int closeAtPick) {
    Map<Integer, Long> values = new TreeMap<>();
    Map<Integer, Integer> liveRefs = new HashMap<>();
    List<Held<R>> open = new ArrayList<>();
    List<Held<R>> closed = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (RcOp op : ops) {
      int key = op.key();
      boolean present = values.containsKey(key);
      IntToLongFunction factory = k -> op.value();
      switch (op.kind()) {
        case INSERT:
          if (present) {
            assertThrows(DuplicateKeyException.class, () -> map.insert(key, op.value()));
          } else {
            open.add(new Held<>(map.insert(key, op.value()), key));
            values.put(key, op.value());
            liveRefs.put(key, 1);
          }
          break;
        case INSERT_WITH:
          if (present) {
            assertThrows(DuplicateKeyException.class, () -> map.insertWith(key, factory));
          } else {
            open.add(new Held<>(map.insertWith(key, factory), key));
            values.put(key, op.value());
            liveRefs.put(key, 1);
          }
          break;
        case FIND:
          {
            R found = map.find(key);
            if (present) {
              assertNotNull(found);
              open.add(new Held<>(found, key));
              liveRefs.merge(key, 1, Integer::sum);
            } else {
              assertNull(found);
            }
          }
          break;
        case FIND_OR_INSERT:
          open.add(new Held<>(map.findOrInsert(key, factory), key));
          if (present) {
            liveRefs.merge(key, 1, Integer::sum);
          } else {
            values.put(key, op.value());
            liveRefs.put(key, 1);
          }
          break;
        case SHARE:
          if (!open.isEmpty()) {
            Held<R> held = open.get(op.pick() % open.size());
            R shared = map.share(held.ref());
            assertTrue(map.sameEntry(held.ref(), shared));
            open.add(new Held<>(shared, held.key()));
            liveRefs.merge(held.key(), 1, Integer::sum);
          }
          break;
        case CLOSE:
          if (!open.isEmpty()) {
            Held<R> held = open.remove(op.pick() % open.size());
            int left = liveRefs.merge(held.key(), -1, Integer::sum);
            if (left == 0) {
              liveRefs.remove(held.key());
              expected.add(held.key() + "=" + values.remove(held.key()));
            }
            map.close(held.ref());
            closed.add(held);
          }
          break;
        case CLOSE_AGAIN:
          if (!closed.isEmpty()) {
            map.close(closed.get(op.pick() % closed.size()).ref());
          }
          break;
        case SET_VALUE:
          if (!open.isEmpty()) {
            Held<R> held = open.get(op.pick() % open.size());
            map.setValue(held.ref(), op.value());
            values.put(held.key(), op.value());
          }
          break;
        default:
          throw new AssertionError(op.kind());
      }
      checkRcState(map, values, open, closed, true);
      assertEquals(expected, events, "after " + op);
    }

    // Close every Ref and the map, in random order.
    Collections.shuffle(open, new Random(shuffleSeed));
    int closeAt = Math.floorMod(closeAtPick, open.size() + 1);
    boolean disposeExpected = false;
    int next = 0;
    for (int action = 0; action <= open.size(); action++) {
      if (action == closeAt) {
        assertFalse(map.isClosed());
        map.close();
        assertTrue(map.isClosed());
      } else {
        Held<R> held = open.get(next++);
        int left = liveRefs.merge(held.key(), -1, Integer::sum);
        if (left == 0) {
          liveRefs.remove(held.key());
          expected.add(held.key() + "=" + values.remove(held.key()));
        }
        map.close(held.ref());
        closed.add(held);
      }
      if (map.isClosed() && values.isEmpty() && !disposeExpected) {
        expected.add("disposed");
        disposeExpected = true;
      }
      assertEquals(expected, events, "dispose too early or too late, or a listener call is missing");
      checkRcState(map, values, open.subList(next, open.size()), closed, !map.isClosed());
    }
    assertTrue(disposeExpected);
    assertTrue(map.isEmpty());
    map.close();
    assertEquals(expected, events, "disposed twice");
  }

  private static <R> void checkRcState(
      LayerAdapters.Rc<R> map,
      Map<Integer, Long> values,
      List<Held<R>> open,
      List<Held<R>> closed,
      boolean mapOpen) {
    assertEquals(values.size(), map.size());
    assertEquals(values.isEmpty(), map.isEmpty());
    for (int key = -1; key <= KEYS; key++) {
      assertEquals(values.containsKey(key), map.containsKey(key), "containsKey " + key);
    }
    if (!mapOpen) {
      assertThrows(MapClosedException.class, () -> map.find(0));
      assertThrows(MapClosedException.class, () -> map.insert(KEYS + 1, 0L));
    }
    Map<Integer, Integer> liveRefs = new HashMap<>();
    for (Held<R> held : open) {
      liveRefs.merge(held.key(), 1, Integer::sum);
    }
    for (Held<R> held : open) {
      assertFalse(map.isClosed(held.ref()));
      assertEquals(held.key(), map.key(held.ref()));
      assertEquals((long) values.get(held.key()), map.value(held.ref()));
      assertEquals((int) liveRefs.get(held.key()), map.refCount(held.ref()));
    }
    for (Held<R> held : closed) {
      assertTrue(map.isClosed(held.ref()));
      assertThrows(IllegalStateException.class, () -> map.key(held.ref()));
    }
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

  @Provide
  Arbitrary<Dag> dags() {
    return Arbitraries.integers()
        .between(1, 24)
        .flatMap(
            n -> {
              List<Integer> nodes = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                nodes.add(i);
              }
              Arbitrary<Boolean> sparse = Arbitraries.integers().between(0, 9).map(x -> x < 3);
              return Combinators.combine(
                      sparse.list().ofSize(n * (n - 1) / 2),
                      Arbitraries.integers().between(0, 2).map(x -> x == 0).list().ofSize(n),
                      Arbitraries.shuffle(nodes),
                      Arbitraries.shuffle(nodes),
                      Arbitraries.integers().between(0, 2 * n))
                  .as((edges, external, drop, release, closeAt) -> new Dag(n, edges, external, drop, release, closeAt));
            });
  }

  /** A DAG node: the value of its entry, holding one Ref per child. */
  static final class Node {
    final List<StringObjRcHashMap.Ref<Node>> children = new ArrayList<>();
  }

  @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE)
  void dagLiveness(@ForAll("dags") Dag dag) {
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
