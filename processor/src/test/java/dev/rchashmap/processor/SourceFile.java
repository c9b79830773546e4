package dev.rchashmap.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;

/**
 * A Java source for compile-testing, kept as its lines so that a test can ask on which line a
 * fragment is and assert that a diagnostic points exactly there.
 */
final class SourceFile {
  /** The imports every annotated source gets, so annotation lines can say {@code GenerateMaps}. */
  private static final List<String> IMPORTS =
      List.of(
          "import dev.rchashmap.annotations.GenerateMaps;",
          "import dev.rchashmap.annotations.Layer;");

  private final List<String> lines;
  private final JavaFileObject file;

  private SourceFile(String qualifiedName, List<String> lines) {
    this.lines = List.copyOf(lines);
    this.file = JavaFileObjects.forSourceLines(qualifiedName, this.lines);
  }

  /**
   * A source file of these lines; an argument may hold several lines separated by {@code \n}.
   * {@code qualifiedName} names the file, as in javac.
   */
  static SourceFile of(String qualifiedName, String... lines) {
    return new SourceFile(
        qualifiedName, Arrays.stream(lines).flatMap(line -> Arrays.stream(line.split("\n"))).toList());
  }

  /**
   * {@code package-info.java} of {@code packageName} whose first lines are {@code annotationLines},
   * so the first annotation line is line 1; {@code GenerateMaps} and {@code Layer} are imported.
   */
  static SourceFile packageInfo(String packageName, String... annotationLines) {
    List<String> lines = new ArrayList<>(Arrays.asList(annotationLines));
    lines.add("package " + packageName + ";");
    lines.addAll(IMPORTS);
    return new SourceFile(packageName + ".package-info", lines);
  }

  /**
   * A public final top-level class annotated with {@code annotationLines}, which start on line
   * {@code 4} (after the package declaration and two imports).
   */
  static SourceFile annotatedClass(String qualifiedName, String... annotationLines) {
    int dot = qualifiedName.lastIndexOf('.');
    List<String> lines = new ArrayList<>();
    if (dot >= 0) {
      lines.add("package " + qualifiedName.substring(0, dot) + ";");
    }
    lines.addAll(IMPORTS);
    lines.addAll(Arrays.asList(annotationLines));
    lines.add("public final class " + qualifiedName.substring(dot + 1) + " {}");
    return new SourceFile(qualifiedName, lines);
  }

  /** The file to compile, and to name in {@code inFile(...)}. */
  JavaFileObject file() {
    return file;
  }

  /** The text, as the compiler reads it. */
  String text() {
    return String.join("\n", lines) + "\n";
  }

  /** The 1-based number of the one line containing {@code fragment}; fails unless exactly one does. */
  long lineOf(String fragment) {
    int[] matches =
        IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(fragment)).toArray();
    assertEquals(1, matches.length, () -> "lines containing \"" + fragment + "\" in\n" + text());
    return matches[0] + 1;
  }

  /** Every file of {@code sources}, in order. */
  static JavaFileObject[] files(SourceFile... sources) {
    return Arrays.stream(sources).map(SourceFile::file).toArray(JavaFileObject[]::new);
  }
}
