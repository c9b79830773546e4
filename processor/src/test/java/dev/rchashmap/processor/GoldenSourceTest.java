package dev.rchashmap.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated source of one specialization, compared byte for byte with a reviewed copy, so that
 * every change to the generated code is seen and reviewed in a diff.
 *
 * <p>After an intended change to the generator, rewrite the golden file and review its diff:
 *
 * <pre>
 * mvn -B -pl processor test -Dtest=GoldenSourceTest -Drchashmap.updateGolden=true
 * git diff processor/src/test/resources/golden
 * </pre>
 */
class GoldenSourceTest {
  /** When {@code true}, the test writes the golden file instead of comparing with it. */
  static final String UPDATE_PROPERTY = "rchashmap.updateGolden";

  private static final String HOW_TO_UPDATE =
      "If the change is intended, regenerate the golden file and review its diff:\n"
          + "  mvn -B -pl processor test -Dtest=GoldenSourceTest -D"
          + UPDATE_PROPERTY
          + "=true\n"
          + "  git diff processor/src/test/resources/golden";

  @Test
  void intLongHandleHashMap() throws IOException {
    assertMatchesGolden(
        "@GenerateMaps(key = int.class, value = long.class, layers = Layer.HANDLE)",
        "com.example.IntLongHandleHashMap",
        "IntLongHandleHashMap.java");
  }

  private static void assertMatchesGolden(String annotation, String generatedClass, String goldenName)
      throws IOException {
    Compilation compilation = Processing.compile(SourceFile.packageInfo("com.example", annotation));
    assertThat(compilation).succeededWithoutWarnings();
    String actual = Processing.generatedSource(compilation, generatedClass);

    Path golden = goldenDirectory().resolve(goldenName);
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
