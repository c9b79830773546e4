package dev.rchashmap.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.runtime.Equivalence;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor under the Eclipse compiler (ECJ, {@code org.eclipse.jdt:ecj}), which the Eclipse
 * IDE and ECJ-based builds run.
 *
 * <p>ECJ differs from javac where a processor can notice: its own language model, {@code Filer}
 * and rounds, and no {@code com.sun.source.util.Trees}, so the processor's {@code Reporter} leaves
 * the place of every error to {@code Messager}. Each test writes its sources to a temporary
 * directory and compiles them with ECJ's {@code javax.tools} compiler into real class and source
 * output directories, as a build does (compile-testing's in-memory sources do not work with ECJ).
 * ECJ counts columns differently from javac, so errors are pinned by line only.
 */
class EcjTest {
  /**
   * ECJ's counterpart of javac's {@code -Xlint:all -Werror}. ECJ's default warnings already cover
   * deprecation, raw types, unchecked operations, serial, finally, varargs, resources and unused
   * imports, locals and private members; {@code -warn:+} adds javac's {@code cast}, {@code
   * dep-ann}, {@code fallthrough}, {@code static}, {@code overrides} and {@code empty} lints, and
   * {@code -failOnWarning} is ECJ's {@code -Werror}.
   */
  private static final List<String> STRICT =
      List.of(
          "-warn:+uselessTypeCheck,dep-ann,fallthrough,static-access,hashCode,semicolon",
          "-failOnWarning");

  /**
   * Parse Javadoc comments, so that a type named only in Javadoc counts as used. The Eclipse IDE
   * does this by default ({@code org.eclipse.jdt.core.compiler.doc.comment.support=enabled});
   * batch ECJ does not.
   */
  private static final String IDE_JAVADOC = "-enableJavadoc";

  /** A valid annotation, alone or followed by a faulty one. */
  private static final String VALID = "@GenerateMaps(key = int.class, value = long.class)";

  @TempDir Path dir;

  // ---------------------------------------------------------------------------------------------
  // generation

  @Test
  void intLongGeneratesAllThreeClassesWithoutWarnings() {
    SourceFile source = packageInfo(VALID);

    EcjCompilation compilation = compile(List.of(IDE_JAVADOC), source);

    compilation.assertSucceededWithoutWarnings();
    assertGeneratedAndCompiled(
        compilation, "IntLongHandleHashMap", "IntLongCountedHashMap", "IntLongRcHashMap");
    assertTrue(
        compilation
            .generatedSource("test.IntLongRcHashMap")
            .contains("public final class IntLongRcHashMap implements AutoCloseable {"));
    assertSameSourcesAsJavac(
        compilation,
        source,
        "test.IntLongHandleHashMap",
        "test.IntLongCountedHashMap",
        "test.IntLongRcHashMap");
  }

  @Test
  void objectKeysGenerateGenericClassesWithoutWarnings() {
    SourceFile source = packageInfo("@GenerateMaps(key = Object.class, value = String.class)");

    EcjCompilation compilation = compile(List.of(IDE_JAVADOC), source);

    compilation.assertSucceededWithoutWarnings();
    assertGeneratedAndCompiled(
        compilation, "ObjStringHandleHashMap", "ObjStringCountedHashMap", "ObjStringRcHashMap");
    assertTrue(
        compilation
            .generatedSource("test.ObjStringHandleHashMap")
            .contains("public final class ObjStringHandleHashMap<K> {"));
    assertSameSourcesAsJavac(
        compilation,
        source,
        "test.ObjStringHandleHashMap",
        "test.ObjStringCountedHashMap",
        "test.ObjStringRcHashMap");
  }

  /**
   * As batch ECJ compiles by default (Maven's plexus-compiler-eclipse, Gradle ECJ plugins): without
   * Javadoc processing, an import used only by Javadoc is reported as unused.
   */
  @Test
  void generatedImportsAreUsedByCodeNotOnlyByJavadoc() {
    SourceFile source = packageInfo(VALID);

    EcjCompilation compilation = compile(List.of(), source);

    compilation.assertSucceededWithoutWarnings();
  }

  /** ECJ's rounds: a key type that another processor generates in round 1 is waited for. */
  @ParameterizedTest(name = "our processor first: {0}")
  @ValueSource(booleans = {true, false})
  void keyTypeGeneratedByAnotherProcessorIsDeferred(boolean oursFirst) {
    List<Processor> processors =
        oursFirst
            ? List.of(new GenerateMapsProcessor(), new LaterTypeProcessor())
            : List.of(new LaterTypeProcessor(), new GenerateMapsProcessor());

    EcjCompilation compilation =
        compile(
            processors,
            List.of(IDE_JAVADOC),
            LaterTypeProcessor.triggerSource(),
            SourceFile.packageInfo(
                "test",
                "@MakeLater",
                "@GenerateMaps(key = test.Later.class, value = int.class, layers = Layer.HANDLE)"));

    compilation.assertSucceededWithoutWarnings();
    assertTrue(
        compilation
            .generatedSource("test.LaterIntHandleHashMap")
            .contains("public long insert(Later key, int value)"));
  }

  // ---------------------------------------------------------------------------------------------
  // diagnostics: on a class, ECJ's Messager puts each error on the line of the value at fault

  @Test
  void voidKey() {
    SourceFile source =
        SourceFile.annotatedClass(
            "test.Holder", "@GenerateMaps(", "    key = void.class,", "    value = long.class)");

    assertOnlyError(
        compile(source),
        source,
        "key = void.class",
        "key must not be void",
        "use a primitive class such as int.class, Object.class for any object");
  }

  @Test
  void genericClassLiteral() {
    SourceFile source =
        SourceFile.annotatedClass(
            "test.Holder",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = java.util.List.class)");

    assertOnlyError(
        compile(source),
        source,
        "value = java.util.List.class",
        "value java.util.List is generic",
        "use Object.class, which makes the generated maps generic in V");
  }

  @Test
  void emptyLayers() {
    SourceFile source =
        SourceFile.annotatedClass(
            "test.Holder",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = long.class,",
            "    layers = {})");

    assertOnlyError(
        compile(source),
        source,
        "layers = {}",
        "layers is empty, so nothing would be generated",
        "list at least one of Layer.HANDLE, Layer.COUNTED and Layer.RC, or leave layers out");
  }

  /**
   * The second of two repeated annotations is faulty. ECJ's {@code Messager}, unlike javac's,
   * finds a mirror nested in the {@code @GenerateMaps.List} container in the source, so the error
   * sits on the second annotation's value without help from the {@code Trees} API.
   */
  @Test
  void repeatedOnAClassSecondFaulty() {
    SourceFile source =
        SourceFile.annotatedClass(
            "test.Holder",
            VALID,
            "@GenerateMaps(",
            "    key = void.class,",
            "    value = long.class)");

    EcjCompilation compilation = compile(source);

    assertOnlyError(
        compilation,
        source,
        "key = void.class",
        "key must not be void",
        "use a primitive class such as int.class");
    // The first, valid annotation is still generated.
    compilation.generatedSource("test.IntLongHandleHashMap");
  }

  @Test
  void repeatedOnAClassGenerateTheSameClass() {
    SourceFile source =
        SourceFile.annotatedClass(
            "test.Holder",
            VALID,
            "@GenerateMaps(",
            "    key = short.class,",
            "    value = long.class,",
            "    prefix = \"IntLong\")");

    assertOnlyError(
        compile(source),
        source,
        "prefix = \"IntLong\"",
        "test.IntLongHandleHashMap is already generated by"
            + " @GenerateMaps(key = int.class, value = long.class)",
        "give one of the two annotations a different prefix");
  }

  @Test
  void problemsOfSeveralAnnotatedClassesAreAllReported() {
    SourceFile first =
        SourceFile.annotatedClass(
            "test.First", "@GenerateMaps(", "    key = void.class,", "    value = long.class)");
    SourceFile second =
        SourceFile.annotatedClass(
            "test.Second",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = java.util.Map.class)");

    EcjCompilation compilation = compile(first, second);

    assertFalse(compilation.success(), compilation::describe);
    assertEquals(2, compilation.errors().size(), compilation::describe);
    assertErrorAt(compilation, first, "key = void.class", "key must not be void");
    assertErrorAt(compilation, second, "value = java.util.Map.class", "is generic");
  }

  // ---------------------------------------------------------------------------------------------
  // diagnostics on a package

  /**
   * An error on a package annotation reaches the user under ECJ, with its message and without a
   * crash; where it is placed, see {@link #packageErrorIsOnTheLineOfTheValue}.
   */
  @Test
  void packageErrorIsReported() {
    SourceFile source =
        SourceFile.packageInfo(
            "test", VALID, "@GenerateMaps(", "    key = void.class,", "    value = long.class)");

    EcjCompilation compilation = compile(source);

    assertFalse(compilation.success(), compilation::describe);
    List<Diagnostic<? extends JavaFileObject>> errors = compilation.errors();
    assertEquals(1, errors.size(), compilation::describe);
    assertTrue(
        message(errors.get(0)).contains("key must not be void"), compilation::describe);
    compilation.generatedSource("test.IntLongHandleHashMap");
  }

  /**
   * ECJ's {@code Messager} drops the position of every message on a {@code PackageElement}
   * ({@code BaseMessagerImpl.createProblem}: "there is no reference context for a package"), so
   * the error would have no file and no line. ECJ models {@code package-info.java} as a synthetic
   * type {@code test.package-info} that carries the package's annotations: the processor's
   * Reporter reports on that type with the same mirror and value, which puts the error on the
   * right line, repeated annotations included.
   */
  @Test
  void packageErrorIsOnTheLineOfTheValue() {
    SourceFile source =
        SourceFile.packageInfo(
            "test", VALID, "@GenerateMaps(", "    key = void.class,", "    value = long.class)");

    assertOnlyError(compile(source), source, "key = void.class", "key must not be void");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * {@code package-info.java} of package {@code test} with {@code annotation}, importing only
   * {@code GenerateMaps}: ECJ, unlike javac, reports an unused import, such as the {@code Layer}
   * that {@link SourceFile#packageInfo} also imports.
   */
  private static SourceFile packageInfo(String annotation) {
    return SourceFile.of(
        "test.package-info",
        annotation,
        "package test;",
        "import dev.rchashmap.annotations.GenerateMaps;");
  }

  private EcjCompilation compile(SourceFile... sources) {
    return compile(List.of(), sources);
  }

  private EcjCompilation compile(List<String> extraOptions, SourceFile... sources) {
    return compile(List.of(new GenerateMapsProcessor()), extraOptions, sources);
  }

  /**
   * Compiles {@code sources} with ECJ for release 17, these processors, {@link #STRICT} and
   * {@code extraOptions}, against the annotations and the runtime, into fresh directories.
   */
  private EcjCompilation compile(
      List<? extends Processor> processors, List<String> extraOptions, SourceFile... sources) {
    try {
      Path root = Files.createTempDirectory(dir, "ecj");
      Path classes = Files.createDirectories(root.resolve("classes"));
      Path generated = Files.createDirectories(root.resolve("generated"));
      List<Path> files = OnDisk.write(root.resolve("src"), sources);
      List<String> options =
          new ArrayList<>(
              List.of(
                  "--release", "17",
                  "-cp", OnDisk.pathOf(GenerateMaps.class, Equivalence.class),
                  "-d", classes.toString(),
                  "-s", generated.toString()));
      options.addAll(STRICT);
      options.addAll(extraOptions);

      JavaCompiler ecj = new EclipseCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      StringWriter output = new StringWriter();
      boolean success;
      try (StandardJavaFileManager fileManager =
          ecj.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
        JavaCompiler.CompilationTask task =
            ecj.getTask(
                output, fileManager, diagnostics, options, null,
                fileManager.getJavaFileObjectsFromPaths(files));
        task.setProcessors(processors);
        success = task.call();
      }
      Map<SourceFile, Path> paths = new IdentityHashMap<>();
      for (int i = 0; i < sources.length; i++) {
        paths.put(sources[i], files.get(i));
      }
      return new EcjCompilation(
          success, diagnostics.getDiagnostics(), output.toString(), paths, classes, generated);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What one ECJ run reported and wrote. */
  private record EcjCompilation(
      boolean success,
      List<Diagnostic<? extends JavaFileObject>> diagnostics,
      String output,
      Map<SourceFile, Path> sources,
      Path classes,
      Path generated) {

    List<Diagnostic<? extends JavaFileObject>> errors() {
      return ofKind(Diagnostic.Kind.ERROR);
    }

    List<Diagnostic<? extends JavaFileObject>> warnings() {
      List<Diagnostic<? extends JavaFileObject>> warnings =
          new ArrayList<>(ofKind(Diagnostic.Kind.WARNING));
      warnings.addAll(ofKind(Diagnostic.Kind.MANDATORY_WARNING));
      return warnings;
    }

    private List<Diagnostic<? extends JavaFileObject>> ofKind(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.getKind() == kind).toList();
    }

    /** Success, and not one error or warning, in the user's sources or the generated ones. */
    void assertSucceededWithoutWarnings() {
      assertTrue(success, this::describe);
      assertEquals(List.of(), errors(), this::describe);
      assertEquals(List.of(), warnings(), this::describe);
    }

    /** The paths of the generated files in the source output, such as {@code test/A.java}. */
    Set<String> generatedFiles() {
      try (Stream<Path> files = Files.walk(generated)) {
        return files
            .filter(Files::isRegularFile)
            .map(file -> generated.relativize(file).toString().replace('\\', '/'))
            .collect(Collectors.toCollection(TreeSet::new));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The generated source of {@code qualifiedName}; fails when it was not generated. */
    String generatedSource(String qualifiedName) {
      Path file = generated.resolve(qualifiedName.replace('.', '/') + ".java");
      assertTrue(
          Files.isRegularFile(file),
          () -> qualifiedName + " was not generated; generated: " + generatedFiles());
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String describe() {
      return "success: "
          + success
          + "\n"
          + diagnostics.stream()
              .map(
                  d ->
                      d.getKind()
                          + " "
                          + (d.getSource() == null ? "(no file)" : d.getSource().getName())
                          + ":"
                          + d.getLineNumber()
                          + " "
                          + message(d))
              .collect(Collectors.joining("\n"))
          + "\nECJ's output:\n"
          + output;
    }
  }

  /** Each of {@code simpleNames} in package {@code test} was generated and compiled. */
  private static void assertGeneratedAndCompiled(
      EcjCompilation compilation, String... simpleNames) {
    Set<String> expected = new TreeSet<>();
    for (String name : simpleNames) {
      expected.add("test/" + name + ".java");
      assertTrue(
          Files.isRegularFile(compilation.classes().resolve("test/" + name + ".class")),
          () -> name + " was not compiled");
    }
    assertEquals(expected, compilation.generatedFiles());
  }

  /** The processor writes byte for byte the same sources under ECJ as under javac. */
  private static void assertSameSourcesAsJavac(
      EcjCompilation compilation, SourceFile source, String... qualifiedNames) {
    Compilation javac = Processing.compile(source);
    assertThat(javac).succeededWithoutWarnings();
    for (String name : qualifiedNames) {
      assertEquals(
          Processing.generatedSource(javac, name), compilation.generatedSource(name), name);
    }
  }

  /** The compilation failed with exactly one error, {@code messageParts} on the line. */
  private static void assertOnlyError(
      EcjCompilation compilation, SourceFile source, String lineFragment, String... messageParts) {
    assertFalse(compilation.success(), compilation::describe);
    assertEquals(1, compilation.errors().size(), compilation::describe);
    assertErrorAt(compilation, source, lineFragment, messageParts);
  }

  /**
   * Some error is in {@code source}, on the one line containing {@code lineFragment}, and its
   * message contains every one of {@code messageParts}.
   */
  private static void assertErrorAt(
      EcjCompilation compilation, SourceFile source, String lineFragment, String... messageParts) {
    long line = source.lineOf(lineFragment);
    Path file = compilation.sources().get(source);
    assertNotNull(file, "not a source of this compilation");
    assertTrue(
        compilation.errors().stream()
            .anyMatch(
                error ->
                    error.getSource() != null
                        && Path.of(error.getSource().toUri()).equals(file)
                        && error.getLineNumber() == line
                        && Arrays.stream(messageParts).allMatch(message(error)::contains)),
        () ->
            "no error in "
                + file.getFileName()
                + " on line "
                + line
                + " contains all of "
                + Arrays.toString(messageParts)
                + "; "
                + compilation.describe());
  }

  private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
    return diagnostic.getMessage(Locale.ROOT);
  }
}
