package dev.rchashmap.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.runtime.Equivalence;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named module that uses generated maps, built and run the way a user's modular application is.
 *
 * <p>{@link GenerationTest}'s named-module tests check what the processor generates inside a
 * module; this one checks the consumer's side: module {@code app} reads the annotations only at
 * compile time ({@code requires static}), uses the generated {@code IntLongHandleHashMap} and
 * {@code IntLongRcHashMap}, compiles with {@code -Xlint:all -Werror} against the annotations and
 * the runtime as modules, with the processor found on the processor path as a build tool passes
 * it, and then runs on the {@code java} launcher with only the runtime beside it on the module
 * path.
 */
class ModuleConsumerTest {
  private static final SourceFile MODULE_INFO =
      SourceFile.of(
          "module-info",
          "/** An application that uses generated maps. */",
          "module app {",
          "  requires dev.rchashmap.runtime;",
          "  requires static dev.rchashmap.annotations;",
          "}");

  private static final SourceFile PACKAGE_INFO =
      SourceFile.of(
          "app.package-info",
          "/** The application, and the maps generated for it. */",
          "@GenerateMaps(key = int.class, value = long.class)",
          "package app;",
          "import dev.rchashmap.annotations.GenerateMaps;");

  private static final SourceFile MAIN =
      SourceFile.of(
          "app.Main",
          "package app;",
          "",
          "/** Uses both kinds of generated map and prints what they hold. */",
          "public final class Main {",
          "  private Main() {}",
          "",
          "  /**",
          "   * Runs the program.",
          "   *",
          "   * @param args not used",
          "   */",
          "  public static void main(String[] args) {",
          "    IntLongHandleHashMap handles = new IntLongHandleHashMap();",
          "    long handle = handles.insert(7, 70L);",
          "    System.out.println(\"handle map: find(7) is the inserted handle: \"",
          "        + (handles.find(7) == handle) + \", value \" + handles.value(handle));",
          "",
          "    try (IntLongRcHashMap map = new IntLongRcHashMap()) {",
          "      IntLongRcHashMap.Ref inserted = map.insert(1, 10L);",
          "      IntLongRcHashMap.Ref found = map.find(1);",
          "      System.out.println(\"rc map: found \" + found.value()",
          "          + \", refCount \" + found.refCount());",
          "      found.close();",
          "      System.out.println(\"one Ref closed: refCount \" + inserted.refCount()",
          "          + \", size \" + map.size());",
          "      inserted.close();",
          "      System.out.println(\"both closed: size \" + map.size()",
          "          + \", find(1) \" + map.find(1));",
          "    }",
          "",
          "    System.out.println(\"modules: \" + Main.class.getModule().getName() + \", \"",
          "        + dev.rchashmap.runtime.Handles.class.getModule().getName()",
          "        + \"; annotations at run time: \"",
          "        + ModuleLayer.boot().findModule(\"dev.rchashmap.annotations\").isPresent());",
          "  }",
          "}");

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES) // against a hanging program, not a speed check
  void namedModuleUsingGeneratedMapsCompilesStrictlyAndRuns(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path classes = compile(dir);

    // A module path of the application and the runtime only: requires static needs no annotations.
    String modulePath = classes + File.pathSeparator + OnDisk.location(Equivalence.class);
    List<String> output = run("-ea", "--module-path", modulePath, "--module", "app/app.Main");

    assertEquals(
        List.of(
            "handle map: find(7) is the inserted handle: true, value 70",
            "rc map: found 10, refCount 2",
            "one Ref closed: refCount 1, size 1",
            "both closed: size 0, find(1) null",
            "modules: app, dev.rchashmap.runtime; annotations at run time: false"),
        output);
  }

  /**
   * Compiles module {@code app} with javac, {@link Processing#STRICT}, the annotations and runtime
   * on the module path and the processor (with JavaPoet and the annotations it reads) on the
   * processor path; returns the class output directory.
   */
  private static Path compile(Path dir) throws IOException {
    List<Path> files = OnDisk.write(dir.resolve("src"), MODULE_INFO, PACKAGE_INFO, MAIN);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    List<String> options = new ArrayList<>(Processing.STRICT);
    options.addAll(
        List.of(
            "--module-path", OnDisk.pathOf(GenerateMaps.class, Equivalence.class),
            "--processor-path",
                OnDisk.pathOf(GenerateMapsProcessor.class, JavaFile.class, GenerateMaps.class),
            "-d", classes.toString(),
            "-s", generated.toString()));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean success;
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      // Nothing from the test's own class path: only what the options name.
      fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
      success =
          javac
              .getTask(
                  null, fileManager, diagnostics, options, null,
                  fileManager.getJavaFileObjectsFromPaths(files))
              .call();
    }

    String report =
        diagnostics.getDiagnostics().stream()
            .map(
                d ->
                    d.getKind()
                        + " "
                        + d.getSource()
                        + ":"
                        + d.getLineNumber()
                        + " "
                        + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n"));
    assertTrue(success, report);
    assertEquals("", report, "no diagnostics at all");
    for (String name :
        List.of("IntLongHandleHashMap", "IntLongCountedHashMap", "IntLongRcHashMap")) {
      assertTrue(
          Files.isRegularFile(generated.resolve("app/" + name + ".java")), name + " generated");
    }
    return classes;
  }

  /** Runs this JDK's {@code java} launcher with {@code arguments}; returns its output lines. */
  private static List<String> run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    process.waitFor();
    assertEquals(0, process.exitValue(), () -> String.join(" ", command) + "\n" + output);
    return output.lines().toList();
  }
}
