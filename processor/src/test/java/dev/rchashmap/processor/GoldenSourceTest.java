package dev.rchashmap.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated sources of every layer of five specializations, compared byte for byte with
 * reviewed copies, so that every change to the generated code is seen and reviewed in a diff. They
 * cover the generator's variation points: a primitive key whose hash decides equality ({@code int
 * -> long}), type variables for both key and value ({@code Object -> Object}), a class key with an
 * equivalence fixed by the annotation ({@code String -> int}), a wide floating-point key whose hash
 * is only a filter ({@code double -> double}), and the weak layer with lookups by a borrowed form
 * ({@code String -> Object}, {@code CharSequence} probes).
 *
 * <p>After an intended change to the generator, rewrite the golden files and review their diff:
 *
 * <pre>
 * mvn -B -pl processor test -Dtest=GoldenSourceTest -Drchashmap.updateGolden=true
 * git diff processor/src/test/resources/golden
 * </pre>
 */
class GoldenSourceTest {
  /** When {@code true}, the test writes the golden files instead of comparing with them. */
  static final String UPDATE_PROPERTY = "rchashmap.updateGolden";

  private static final String HOW_TO_UPDATE =
      "If the change is intended, regenerate the golden files and review their diff:\n"
          + "  mvn -B -pl processor test -Dtest=GoldenSourceTest -D"
          + UPDATE_PROPERTY
          + "=true\n"
          + "  git diff processor/src/test/resources/golden";

  private static final List<String> LAYER_SUFFIXES =
      List.of("HandleHashMap", "CountedHashMap", "RcHashMap");

  /** The fixed equivalence of the {@code String -> int} case, written as a user would. */
  private static final SourceFile CASE_INSENSITIVE =
      SourceFile.of(
          "com.example.CaseInsensitive",
          "package com.example;",
          "import dev.rchashmap.runtime.Equivalence;",
          "import java.util.Locale;",
          "public final class CaseInsensitive implements Equivalence<String> {",
          "  @Override public int hash(String key) { return key.toLowerCase(Locale.ROOT).hashCode(); }",
          "  @Override public boolean equivalent(String a, String b) { return a.equalsIgnoreCase(b); }",
          "}");

  static List<Arguments> specializations() {
    return List.of(
        Arguments.of("IntLong", "@GenerateMaps(key = int.class, value = long.class)", LAYER_SUFFIXES),
        Arguments.of("ObjObj", "@GenerateMaps(key = Object.class, value = Object.class)", LAYER_SUFFIXES),
        Arguments.of(
            "StringInt",
            "@GenerateMaps(key = String.class, value = int.class, equivalence = CaseInsensitive.class)",
            LAYER_SUFFIXES),
        Arguments.of("DoubleDouble", "@GenerateMaps(key = double.class, value = double.class)", LAYER_SUFFIXES),
        // The opt-in weak layer, and lookups by a borrowed form in every layer that has them.
        Arguments.of(
            "Symbol",
            "@GenerateMaps(key = String.class, value = Object.class, prefix = \"Symbol\","
                + " layers = {Layer.HANDLE, Layer.RC, Layer.WEAK},"
                + " borrowed = dev.rchashmap.runtime.CharSequenceKeys.class)",
            List.of("HandleHashMap", "CountedHashMap", "RcHashMap", "WeakHandleHashMap")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specializations")
  void everyLayerMatchesItsGoldenFile(String prefix, String annotation, List<String> suffixes)
      throws IOException {
    Compilation compilation =
        Processing.compile(SourceFile.packageInfo("com.example", annotation), CASE_INSENSITIVE);
    assertThat(compilation).succeededWithoutWarnings();
    for (String suffix : suffixes) {
      String name = prefix + suffix;
      assertMatchesGolden(Processing.generatedSource(compilation, "com.example." + name), name);
    }
  }

  private static void assertMatchesGolden(String actual, String generatedClass) throws IOException {
    Path golden = goldenDirectory().resolve(generatedClass + ".java");
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      System.out.println("Wrote golden file " + golden.toAbsolutePath());
      return;
    }
    assertTrue(
        Files.exists(golden), () -> "golden file " + golden.toAbsolutePath() + " is missing.\n" + HOW_TO_UPDATE);
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail(
          "the generated "
              + generatedClass
              + " differs from the golden file "
              + golden.toAbsolutePath()
              + "\n"
              + firstDifference(expected, actual)
              + "\n"
              + HOW_TO_UPDATE);
    }
  }

  /** The source tree's golden directory: surefire runs in the module directory and sets basedir. */
  private static Path goldenDirectory() {
    return Path.of(System.getProperty("basedir", "")).resolve("src/test/resources/golden");
  }

  /** Where two texts first differ, by line, for a failure message shorter than both files. */
  static String firstDifference(String expected, String actual) {
    String[] expectedLines = expected.split("\n", -1);
    String[] actualLines = actual.split("\n", -1);
    int lines = Math.min(expectedLines.length, actualLines.length);
    for (int i = 0; i < lines; i++) {
      if (!expectedLines[i].equals(actualLines[i])) {
        return "first difference at line "
            + (i + 1)
            + ":\n  golden:    "
            + expectedLines[i]
            + "\n  generated: "
            + actualLines[i];
      }
    }
    return "the golden file has "
        + expectedLines.length
        + " lines, the generated source "
        + actualLines.length
        + " (line ends and trailing text included)";
  }
}
