package dev.rchashmap.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/** Shows that {@link Shrinker} reaches minimal failing lists, alone and under {@link Property}. */
class ShrinkerTest {

  private static final Duration BUDGET = Duration.ofSeconds(30);

  /** Fails when a 7 comes before a 13. */
  private static Void sevenBeforeThirteen(List<Integer> ops) {
    boolean seven = false;
    for (int op : ops) {
      seven |= op == 7;
      if (seven && op == 13) {
        throw new IllegalStateException("7 before 13");
      }
    }
    return null;
  }

  private static List<Integer> noise(Gen gen, int n) {
    List<Integer> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ops.add(gen.below(100));
    }
    return ops;
  }

  @Test
  void dropsEverythingThatDoesNotMatter() {
    List<Integer> ops = noise(new Gen(1), 5000);
    assertTrue(ops.indexOf(7) >= 0 && ops.lastIndexOf(13) > ops.indexOf(7));
    ShrunkFailure failure =
        assertThrows(ShrunkFailure.class, () -> Shrinker.check(ops, ShrinkerTest::sevenBeforeThirteen, BUDGET));
    assertEquals(List.of(7, 13), failure.ops());
    assertEquals(5000, failure.originalSize());
    assertInstanceOf(IllegalStateException.class, failure.getCause());
    String message = failure.getMessage();
    assertTrue(message.startsWith("failing operation list shrunk from 5000 to 2 operations ("), message);
    assertTrue(message.contains("\n    0: 7\n    1: 13\n"), message);
    assertTrue(message.endsWith("failure of the shrunk list: java.lang.IllegalStateException: 7 before 13"), message);
    assertFalse(message.contains("budget"), message);
  }

  @Test
  void aPassingListReturnsTheRunsResult() {
    assertEquals("ok", Shrinker.check(List.of(1, 2, 3), ops -> "ok", BUDGET));
    assertThrows(IllegalArgumentException.class, () -> Shrinker.shrink(List.of(1), ops -> null, BUDGET));
  }

  @Test
  void keepsTheFailureClassOfTheWholeList() {
    // Lists shorter than 3 fail differently; the shrink must not switch to that failure.
    Result result = shrink(noiseWith(7), ops -> {
      if (ops.size() < 3) {
        throw new IllegalArgumentException("too short");
      }
      if (ops.contains(7)) {
        throw new IllegalStateException("has 7");
      }
      return null;
    });
    assertEquals(3, result.ops.size());
    assertTrue(result.ops.contains(7));
    assertInstanceOf(IllegalStateException.class, result.failure);
  }

  @Test
  void cutsTheListAfterTheLastOperationRead() {
    // A run that fails while reading operation 10 of a million: the tail is never run.
    List<Integer> ops = new ArrayList<>();
    for (int i = 0; i < 1_000_000; i++) {
      ops.add(i);
    }
    Shrinker.Result<Integer> result = Shrinker.shrink(ops, list -> {
      for (int op : list) {
        if (op == 10) {
          throw new AssertionError("reached 10");
        }
      }
      return null;
    }, BUDGET);
    assertEquals(List.of(10), result.ops());
    assertTrue(result.runs() < 100, result.runs() + " runs");
  }

  @Test
  void aRunThatLooksAtTheSizeIsNotCutWrongly() {
    // Fails at the end only when the list is long: cutting after the last read would pass.
    Result result = shrink(noiseWith(7), ops -> {
      for (int op : ops) {
        if (op == 7 && ops.size() >= 4) {
          throw new IllegalStateException("7 in a long list");
        }
      }
      return null;
    });
    assertEquals(4, result.ops.size());
  }

  @Test
  void stopsAtTheBudgetWithAFailingList() {
    List<Integer> ops = noise(new Gen(3), 5000);
    Shrinker.Result<Integer> result = Shrinker.shrink(ops, ShrinkerTest::sevenBeforeThirteen, Duration.ZERO);
    assertTrue(result.stoppedByBudget());
    assertThrows(IllegalStateException.class, () -> sevenBeforeThirteen(result.ops()));
    assertTrue(result.describe().contains("stopped by the shrink budget (-Drchashmap.shrinkSeconds=<seconds> for more)"));
  }

  /** A set that silently forgets its oldest element once it holds more than four. */
  private static final class ForgetfulSet {
    private final Deque<Integer> elements = new ArrayDeque<>();

    void add(int x) {
      if (!elements.contains(x)) {
        elements.addLast(x);
        if (elements.size() > 4) {
          elements.removeFirst();
        }
      }
    }

    void remove(int x) {
      elements.remove(x);
    }

    boolean contains(int x) {
      return elements.contains(x);
    }
  }

  /** An operation of the model test below. */
  private record Op(boolean add, int key) {}

  /** Checks {@link ForgetfulSet} against a {@code HashSet} after every operation. */
  private static Void modelCheck(List<Op> ops) {
    ForgetfulSet set = new ForgetfulSet();
    Set<Integer> model = new HashSet<>();
    for (Op op : ops) {
      if (op.add()) {
        set.add(op.key());
        model.add(op.key());
      } else {
        set.remove(op.key());
        model.remove(op.key());
      }
      for (int key = 0; key < 20; key++) {
        assertEquals(model.contains(key), set.contains(key), "contains " + key);
      }
    }
    return null;
  }

  @Test
  void aModelTestOfABuggySetFailsWithItsSeedAndAMinimalList() {
    List<DynamicTest> tests =
        Property.forAll(Settings.defaults(), "ShrinkerTest#forgetful", 20, gen -> {
              List<Op> ops = new ArrayList<>();
              for (int i = 0; i < 2000; i++) {
                ops.add(new Op(gen.below(3) > 0, gen.below(20)));
              }
              Shrinker.check(ops, ShrinkerTest::modelCheck, BUDGET);
            })
            .collect(Collectors.toList());
    int failures = 0;
    for (DynamicTest test : tests) {
      PropertyFailure failure = assertThrows(PropertyFailure.class, () -> test.getExecutable().execute());
      failures++;
      ShrunkFailure shrunk = assertInstanceOf(ShrunkFailure.class, failure.getCause());
      // Minimal: five adds of different keys, the fifth pushing the first out.
      assertEquals(5, shrunk.ops().size(), failure.getMessage());
      Set<Integer> keys = new HashSet<>();
      for (Object op : shrunk.ops()) {
        assertTrue(((Op) op).add(), failure.getMessage());
        keys.add(((Op) op).key());
      }
      assertEquals(5, keys.size(), failure.getMessage());
      String seed = Settings.formatSeed(failure.seed());
      assertTrue(failure.getMessage().contains("failed for seed " + seed), failure.getMessage());
      assertTrue(failure.getMessage().contains("shrunk from 2000 to 5 operations"), failure.getMessage());
      assertTrue(failure.getMessage().contains("    4: Op[add=true, key="), failure.getMessage());
      // The whole list's failure is kept too.
      assertEquals(1, shrunk.getSuppressed().length);
    }
    assertEquals(20, failures);
  }

  private record Result(List<Integer> ops, Throwable failure) {}

  private static Result shrink(List<Integer> ops, java.util.function.Function<List<Integer>, ?> run) {
    Shrinker.Result<Integer> result = Shrinker.shrink(ops, run, BUDGET);
    assertFalse(result.stoppedByBudget());
    assertSame(result.failure().getClass(), result.failure().getClass());
    return new Result(result.ops(), result.failure());
  }

  private static List<Integer> noiseWith(int x) {
    List<Integer> ops = noise(new Gen(2), 3000);
    ops.set(1500, x);
    return ops;
  }
}
