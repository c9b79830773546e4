package dev.rchashmap.testkit;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Seeded property tests as JUnit 5 dynamic tests: one test per seed, named after it.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> mixIsInvertible() {
 *   return Property.forAll(10_000, gen -> {
 *     int x = gen.ints();
 *     assertEquals(x, unmix(Hashing.mix(x)));
 *   });
 * }
 * }</pre>
 *
 * <p>Each test creates a {@link Gen} from its seed and runs the property with it. The seeds of a
 * property are derived from {@link Settings#seedBase()} and the property's name (the calling
 * class and method), so every run draws the same values unless asked otherwise, and two
 * properties draw different ones. A failure is rethrown as a {@link PropertyFailure} whose
 * message names the seed, the options that replay it, and the first values drawn; the original
 * failure is its cause. {@link Settings} lists the system properties: {@value Settings#SEED}
 * replays one seed, {@value Settings#TRIES} scales the number of seeds.
 *
 * <p>For model tests, generate the operation list from the {@code Gen} and run it through
 * {@link Shrinker#check}, which shrinks a failing list before the failure reaches this class.
 */
public final class Property {

  private Property() {}

  /**
   * Returns one dynamic test per seed, each running {@code property} with a {@link Gen} made
   * from that seed. The property is named after the nearest {@code @TestFactory} method on the
   * call stack (else the method that calls this one): {@code SimpleClassName#method}, the form
   * surefire's {@code -Dtest} option takes.
   *
   * @param tries how many seeds to run, before {@linkplain Settings#scaledTries scaling}
   * @param property the check; it fails by throwing
   * @return the tests, for a {@code @TestFactory} method to return
   */
  public static Stream<DynamicTest> forAll(int tries, Consumer<Gen> property) {
    return forAll(Settings.fromSystemProperties(), callerName(), tries, property);
  }

  /**
   * Returns one dynamic test per seed with explicit settings and name.
   *
   * @param settings the seeds to run and how many
   * @param name the property's name, from which its seeds are derived; reported on failure
   * @param tries how many seeds to run, before {@linkplain Settings#scaledTries scaling}
   * @param property the check; it fails by throwing
   * @return the tests
   */
  public static Stream<DynamicTest> forAll(
      Settings settings, String name, int tries, Consumer<Gen> property) {
    Objects.requireNonNull(property, "property");
    long[] seeds = seeds(settings, name, tries);
    return IntStream.range(0, seeds.length)
        .mapToObj(
            i ->
                DynamicTest.dynamicTest(
                    "seed " + Settings.formatSeed(seeds[i]),
                    () -> run(name, seeds[i], i, seeds.length, property)));
  }

  /**
   * Returns the seeds a property runs: the replayed seed alone, or as many as {@code tries}
   * scaled, derived from the seed base and the name.
   *
   * @param settings the settings
   * @param name the property's name
   * @param tries how many seeds, before scaling
   * @return the seeds, in the order they run
   */
  public static long[] seeds(Settings settings, String name, int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be positive: " + tries);
    }
    if (settings.replaySeed() != null) {
      return new long[] {settings.replaySeed()};
    }
    SplittableRandom source =
        new SplittableRandom(settings.seedBase() * 0x9E37_79B9_7F4A_7C15L + name.hashCode());
    long[] seeds = new long[settings.scaledTries(tries)];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = source.nextLong();
    }
    return seeds;
  }

  /**
   * Runs the property for one seed.
   *
   * @param name the property's name
   * @param seed the seed
   * @param index which of the seeds, from 0
   * @param count how many seeds the property runs
   * @param property the check
   * @throws PropertyFailure if the check throws anything but an aborted-test signal
   */
  static void run(String name, long seed, int index, int count, Consumer<Gen> property) {
    Gen gen = new Gen(seed);
    try {
      property.accept(gen);
    } catch (TestAbortedException | OutOfMemoryError e) {
      throw e;
    } catch (Throwable failure) {
      throw new PropertyFailure(name, seed, index, count, gen.describeDraws(), failure);
    }
  }

  /**
   * {@code SimpleClassName#method} of the nearest calling {@code @TestFactory} method, so that a
   * helper shared by several factories names each property after its own factory; else of the
   * first caller outside this class.
   */
  static String callerName() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames -> {
              StackWalker.StackFrame first = null;
              for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                if (frame.getDeclaringClass() == Property.class) {
                  continue;
                }
                if (first == null) {
                  first = frame;
                }
                if (isTestFactory(frame)) {
                  return name(frame);
                }
              }
              return first == null ? "property" : name(first);
            });
  }

  private static boolean isTestFactory(StackWalker.StackFrame frame) {
    for (Method method : frame.getDeclaringClass().getDeclaredMethods()) {
      if (method.getName().equals(frame.getMethodName())
          && method.isAnnotationPresent(TestFactory.class)) {
        return true;
      }
    }
    return false;
  }

  private static String name(StackWalker.StackFrame frame) {
    String className = frame.getClassName();
    return className.substring(className.lastIndexOf('.') + 1) + "#" + frame.getMethodName();
  }
}
