package dev.rchashmap.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Shows that a property run by {@link Property} can fail, and that its failure replays. */
class PropertyTest {

  private static final String NAME = "PropertyTest#someProperty";

  /** A false property: {@code Gen.ints()} does draw {@code MIN_VALUE} (it is an edge). */
  private static final Consumer<Gen> NEVER_MIN_VALUE =
      gen -> {
        int x = gen.ints();
        gen.ints(); // a second value, listed in the report too
        assertNotEquals(Integer.MIN_VALUE, x, "drew MIN_VALUE");
      };

  /** Runs the tests; returns the failure of each, {@code null} where it passed. */
  private static List<Throwable> execute(List<DynamicTest> tests) {
    List<Throwable> failures = new ArrayList<>();
    for (DynamicTest test : tests) {
      try {
        test.getExecutable().execute();
        failures.add(null);
      } catch (Throwable t) {
        failures.add(t);
      }
    }
    return failures;
  }

  private static List<DynamicTest> tests(Settings settings, int tries, Consumer<Gen> property) {
    return Property.forAll(settings, NAME, tries, property).collect(Collectors.toList());
  }

  @Test
  void aTruePropertyRunsOneNamedTestPerSeed() {
    List<DynamicTest> tests = tests(Settings.defaults(), 200, gen -> assertTrue(gen.ints(0, 9) < 10));
    assertEquals(200, tests.size());
    assertTrue(execute(tests).stream().allMatch(t -> t == null));
    long[] seeds = Property.seeds(Settings.defaults(), NAME, 200);
    for (int i = 0; i < seeds.length; i++) {
      assertEquals("seed " + Settings.formatSeed(seeds[i]), tests.get(i).getDisplayName());
    }
    assertEquals(200, new HashSet<>(tests.stream().map(DynamicTest::getDisplayName).collect(Collectors.toList())).size());
  }

  @Test
  void aFalsePropertyIsReportedWithItsSeedAndReplays() {
    List<DynamicTest> tests = tests(Settings.defaults(), 1000, NEVER_MIN_VALUE);
    List<Throwable> failures = execute(tests);
    int failing = 0;
    for (int i = 0; i < tests.size(); i++) {
      Throwable failure = failures.get(i);
      if (failure == null) {
        continue;
      }
      failing++;
      PropertyFailure reported = assertInstanceOf(PropertyFailure.class, failure);
      String seed = Settings.formatSeed(reported.seed());
      assertEquals("seed " + seed, tests.get(i).getDisplayName());
      assertEquals(NAME, reported.property());
      String message = reported.getMessage();
      assertTrue(message.startsWith(NAME + " failed for seed " + seed + " (seed " + (i + 1) + " of 1000)"), message);
      assertTrue(message.contains("-Drchashmap.seed=" + seed + " -Dtest='" + NAME + "'"), message);
      assertTrue(message.contains("values drawn: "), message);
      assertTrue(message.contains("-2147483648"), message);
      assertTrue(message.contains("drew MIN_VALUE"), message);
      assertInstanceOf(AssertionFailedError.class, reported.getCause());

      // Replaying the seed runs that seed alone and fails the same way.
      Settings replay = new Settings(reported.seed(), 1.0, 12345L, Duration.ZERO);
      List<DynamicTest> replayed = tests(replay, 1000, NEVER_MIN_VALUE);
      assertEquals(1, replayed.size());
      assertEquals(tests.get(i).getDisplayName(), replayed.get(0).getDisplayName());
      Throwable again = execute(replayed).get(0);
      assertInstanceOf(PropertyFailure.class, again);
      assertEquals(message.replace("(seed " + (i + 1) + " of 1000)", "(seed 1 of 1)"), again.getMessage());
    }
    // MIN_VALUE is one of 7 int edges, drawn one time in 5: about 1000 / 35 = 29 failures.
    assertTrue(failing >= 10 && failing <= 60, failing + " failures");
  }

  @Test
  void seedsDependOnTheNameAndTheBaseOnly() {
    Settings defaults = Settings.defaults();
    assertArrayEquals(Property.seeds(defaults, "A#b", 50), Property.seeds(defaults, "A#b", 50));
    assertFalse(Property.seeds(defaults, "A#b", 50)[0] == Property.seeds(defaults, "A#c", 50)[0]);
    Settings otherBase = new Settings(null, 1.0, 99L, Duration.ZERO);
    assertNotEquals(Property.seeds(defaults, "A#b", 1)[0], Property.seeds(otherBase, "A#b", 1)[0]);
    // A longer run starts with the seeds of a shorter one.
    assertEquals(Property.seeds(defaults, "A#b", 10)[9], Property.seeds(defaults, "A#b", 20)[9]);
  }

  @Test
  void theTriesScaleMultipliesTheNumberOfSeeds() {
    assertEquals(50, tests(new Settings(null, 0.5, 1L, Duration.ZERO), 100, gen -> {}).size());
    assertEquals(1, tests(new Settings(null, 0.001, 1L, Duration.ZERO), 100, gen -> {}).size());
    assertEquals(1000, tests(new Settings(null, 10, 1L, Duration.ZERO), 100, gen -> {}).size());
    assertThrows(IllegalArgumentException.class, () -> new Settings(null, 0, 1L, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Property.seeds(Settings.defaults(), NAME, 0));
  }

  @Test
  void propertiesAreNamedAfterTheCallingMethod() throws Throwable {
    DynamicTest test = Property.forAll(1, gen -> assertTrue(false, "always")).findFirst().get();
    PropertyFailure failure = assertThrows(PropertyFailure.class, () -> test.getExecutable().execute());
    assertEquals("PropertyTest#propertiesAreNamedAfterTheCallingMethod", failure.property());
  }

  @TestFactory
  Stream<DynamicTest> aFactoryNamesThePropertiesOfItsHelpers() {
    assertEquals("PropertyTest#aFactoryNamesThePropertiesOfItsHelpers", helper());
    return Stream.empty();
  }

  /** Not a factory: the name comes from the factory that calls it. */
  private static String helper() {
    return Property.callerName();
  }

  @Test
  void withoutAFactoryTheCallerNamesTheProperty() {
    assertEquals("PropertyTest#helper", helper());
  }

  @Test
  void anAbortedTryIsNotAFailure() {
    DynamicTest test =
        tests(Settings.defaults(), 1, gen -> Assumptions.assumeTrue(false, "not this one")).get(0);
    assertThrows(TestAbortedException.class, () -> test.getExecutable().execute());
  }

  @Test
  void anyExceptionIsReportedWithTheSeed() {
    IllegalStateException bug = new IllegalStateException("bug");
    Throwable failure = execute(tests(Settings.defaults(), 1, gen -> {
      throw bug;
    })).get(0);
    assertSame(bug, assertInstanceOf(PropertyFailure.class, failure).getCause());
    assertTrue(failure.getMessage().endsWith("failure: java.lang.IllegalStateException: bug"));
    assertTrue(failure.getMessage().contains("no values drawn through the Gen"));
  }

  @Test
  void settingsReadSeedsInBothNotations() {
    assertEquals(-1L, Settings.parseSeed("0xffffffffffffffff"));
    assertEquals(255L, Settings.parseSeed(" 0xFF "));
    assertEquals(-7L, Settings.parseSeed("-7"));
    assertEquals(0x5EED_0001L, Settings.parseSeed("0x5EED_0001"));
    assertEquals("0xfffffffffffffff9", Settings.formatSeed(-7L));
    assertEquals(-7L, Settings.parseSeed(Settings.formatSeed(-7L)));
    assertThrows(IllegalArgumentException.class, () -> Settings.parseSeed("seven"));
    assertNull(Settings.defaults().replaySeed());
  }

  @Test
  void settingsComeFromSystemProperties() {
    String[] keys = {Settings.SEED, Settings.TRIES, Settings.SEED_BASE, Settings.SHRINK_SECONDS};
    String[] saved = new String[keys.length];
    for (int i = 0; i < keys.length; i++) {
      saved[i] = System.getProperty(keys[i]);
    }
    try {
      System.setProperty(Settings.SEED, "0x10");
      System.setProperty(Settings.TRIES, "2.5");
      System.setProperty(Settings.SEED_BASE, "77");
      System.setProperty(Settings.SHRINK_SECONDS, "0.25");
      Settings settings = Settings.fromSystemProperties();
      assertEquals(new Settings(16L, 2.5, 77L, Duration.ofMillis(250)), settings);
      assertEquals(1, settings.scaledTries(1000), "a replay runs one seed");
      System.clearProperty(Settings.SEED);
      System.setProperty(Settings.SEED_BASE, "random");
      assertEquals(2500, Settings.fromSystemProperties().scaledTries(1000));
      assertNotEquals(Settings.DEFAULT_SEED_BASE, Settings.fromSystemProperties().seedBase());
    } finally {
      for (int i = 0; i < keys.length; i++) {
        if (saved[i] == null) {
          System.clearProperty(keys[i]);
        } else {
          System.setProperty(keys[i], saved[i]);
        }
      }
    }
  }
}
