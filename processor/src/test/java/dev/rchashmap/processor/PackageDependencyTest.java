package dev.rchashmap.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.processor.model.Names;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processor's pipeline reads in one direction: the processor calls extract, validate and
 * generate, which share the model; no package imports one that comes after it, so there is no
 * cycle between them. Checked on the sources, from their imports.
 */
class PackageDependencyTest {
  private static final String ROOT = "dev.rchashmap.processor";
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?(dev\\.rchashmap\\.processor(?:\\.[a-z]+)?)\\.[A-Z]", Pattern.MULTILINE);

  @Test
  void packagesDependOnEachOtherWithoutCycles() throws IOException {
    Map<String, Set<String>> uses = packageDependencies();
    assertTrue(uses.containsKey(ROOT + ".generate"), "sources not found: " + uses.keySet());
    List<String> cycle = findCycle(uses);
    assertTrue(cycle.isEmpty(), () -> "import cycle between processor packages: " + cycle + " in " + uses);
  }

  @Test
  void theModelAndTheGeneratorDoNotKnowTheProcessor() throws IOException {
    Map<String, Set<String>> uses = packageDependencies();
    for (String stage : List.of("extract", "validate", "model", "generate")) {
      assertTrue(
          !uses.getOrDefault(ROOT + "." + stage, Set.of()).contains(ROOT),
          () -> stage + " imports the processor package: " + uses);
    }
  }

  @Test
  void theGeneratedAnnotationNamesThisProcessor() {
    assertEquals(GenerateMapsProcessor.class.getName(), Names.PROCESSOR);
  }

  /** For each package of the processor's main sources, the other processor packages it imports. */
  private static Map<String, Set<String>> packageDependencies() throws IOException {
    Path sources = Path.of(System.getProperty("basedir", "")).resolve("src/main/java");
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg = sources.relativize(file.getParent()).toString().replace('/', '.');
        Set<String> imported = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
        Matcher matcher = IMPORT.matcher(Files.readString(file));
        while (matcher.find()) {
          if (!matcher.group(1).equals(pkg)) {
            imported.add(matcher.group(1));
          }
        }
      }
    }
    return uses;
  }

  /** A cycle in the graph as the packages along it, or an empty list. */
  private static List<String> findCycle(Map<String, Set<String>> uses) {
    for (String start : uses.keySet()) {
      List<String> path = new ArrayList<>();
      if (reaches(uses, start, start, path, new TreeSet<>())) {
        return path;
      }
    }
    return List.of();
  }

  private static boolean reaches(
      Map<String, Set<String>> uses, String from, String target, List<String> path, Set<String> seen) {
    for (String next : uses.getOrDefault(from, Set.of())) {
      path.add(next);
      if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, path, seen))) {
        return true;
      }
      path.remove(path.size() - 1);
    }
    return false;
  }
}
