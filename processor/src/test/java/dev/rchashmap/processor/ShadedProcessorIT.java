package dev.rchashmap.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The processor jar as users get it: the shaded jar that {@code mvn package} made, with JavaPoet
 * relocated inside and the annotations' classes beside the processor's.
 *
 * <p>Failsafe runs this after {@code package} and passes the files by system property. The
 * consumer is compiled by javac and by ECJ in processes of their own, started with nothing but the
 * compiler on their class path: in this JVM, javac would load processors through a class loader
 * whose parent sees the test class path, with JavaPoet and the unshaded processor on it, and
 * would prove nothing about the jar.
 */
class ShadedProcessorIT {
  private static final String PROCESSOR = GenerateMapsProcessor.class.getName();

  private static final Path PROCESSOR_JAR = file("rchashmap.processorJar");
  private static final Path ANNOTATIONS_JAR = file("rchashmap.annotationsJar");
  private static final Path RUNTIME_JAR = file("rchashmap.runtimeJar");
  private static final Path ECJ_JAR = file("rchashmap.ecjJar");
  private static final Path REDUCED_POM = file("rchashmap.dependencyReducedPom");

  /** Two annotations; {@code layers} makes the processor load its own copy of {@code Layer}. */
  private static final String PACKAGE_INFO =
      String.join(
          "\n",
          "@GenerateMaps(key = int.class, value = long.class)",
          "@GenerateMaps(key = String.class, value = Object.class, prefix = \"Symbol\",",
          "    layers = Layer.HANDLE)",
          "package consumer;",
          "",
          "import dev.rchashmap.annotations.GenerateMaps;",
          "import dev.rchashmap.annotations.Layer;",
          "");

  private static final String MAIN =
      String.join(
          "\n",
          "package consumer;",
          "",
          "public final class Main {",
          "  private Main() {}",
          "",
          "  public static void main(String[] args) {",
          "    IntLongHandleHashMap numbers = new IntLongHandleHashMap();",
          "    long handle = numbers.insert(42, 7L);",
          "    numbers.setValue(handle, numbers.value(handle) + 1);",
          "    SymbolHandleHashMap<String> symbols = new SymbolHandleHashMap<>();",
          "    long symbol = symbols.insert(\"x\", \"y\");",
          "    try (IntLongRcHashMap map = new IntLongRcHashMap();",
          "        IntLongRcHashMap.Ref ref = map.insert(1, 2L)) {",
          "      System.out.println(numbers.value(numbers.find(42)) + \" \" + symbols.value(symbol)",
          "          + \" \" + ref.value(map));",
          "    }",
          "  }",
          "}",
          "");

  /** What {@link #MAIN} prints. */
  private static final String EXPECTED_OUTPUT = "8 y 2";

  @TempDir Path dir;

  // ---------------------------------------------------------------------------------------------
  // the jar

  /**
   * Every class is the processor's, the annotations', or JavaPoet's under the relocated package;
   * no class names JavaPoet by its own package any more, and no module descriptor came along.
   */
  @Test
  void jarHoldsTheProcessorTheAnnotationsAndRelocatedJavaPoetOnly() throws IOException {
    List<String> classes = new ArrayList<>();
    List<String> unrelocated = new ArrayList<>();
    try (JarFile jar = new JarFile(PROCESSOR_JAR.toFile())) {
      for (JarEntry entry : jar.stream().toList()) {
        String name = entry.getName();
        if (!name.endsWith(".class")) {
          continue;
        }
        classes.add(name);
        String bytes = new String(read(jar, name), StandardCharsets.ISO_8859_1);
        if (bytes.contains("com/palantir/javapoet") || bytes.contains("com.palantir.javapoet")) {
          unrelocated.add(name);
        }
      }
    }

    List<String> foreign =
        classes.stream()
            .filter(
                name ->
                    !name.startsWith("dev/rchashmap/processor/")
                        && !name.startsWith("dev/rchashmap/annotations/"))
            .toList();
    assertEquals(List.of(), foreign, "classes of other packages, or a module-info.class");
    assertTrue(classes.contains("dev/rchashmap/processor/GenerateMapsProcessor.class"), "ours");
    assertTrue(classes.contains("dev/rchashmap/annotations/Layer.class"), "the annotations'");
    assertTrue(
        classes.contains("dev/rchashmap/processor/shaded/javapoet/JavaFile.class"),
        "relocated JavaPoet");
    assertEquals(List.of(), unrelocated, "classes still naming com.palantir.javapoet");
  }

  /** javac, ECJ and Gradle find the processor through these two files. */
  @Test
  void processorRegistrationsSurviveShading() throws IOException {
    try (JarFile jar = new JarFile(PROCESSOR_JAR.toFile())) {
      assertEquals(
          List.of(PROCESSOR),
          lines(jar, "META-INF/services/javax.annotation.processing.Processor"));
      assertEquals(
          List.of(PROCESSOR + ",isolating"),
          lines(jar, "META-INF/gradle/incremental.annotation.processors"));
      assertNotNull(jar.getEntry("META-INF/LICENSE"), "LICENSE");
      assertNotNull(jar.getEntry("META-INF/NOTICE"), "NOTICE, which names the bundled JavaPoet");
      assertEquals(
          null,
          jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
          "JavaPoet's module name must not have come along with its manifest");
    }
  }

  /**
   * The published POM: what is packed in is no longer a dependency, and nothing else reaches a
   * user's build (test and provided dependencies are not transitive).
   */
  @Test
  void dependencyReducedPomHasNoRuntimeDependencies() throws Exception {
    Element project =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(REDUCED_POM.toFile())
            .getDocumentElement();
    List<String> transitive = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (Element dependency : children(child(project, "dependencies"), "dependency")) {
      String artifact = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
      String scope = text(dependency, "scope");
      all.add(artifact);
      if (!scope.equals("test") && !scope.equals("provided")) {
        transitive.add(artifact + " (" + (scope.isEmpty() ? "compile" : scope) + ")");
      }
    }
    assertEquals(List.of(), transitive);
    assertFalse(all.contains("com.palantir.javapoet:javapoet"), all::toString);
    assertFalse(all.contains("dev.rchashmap:rchashmap-annotations"), all::toString);
  }

  // ---------------------------------------------------------------------------------------------
  // a consumer, with only the processor jar on the processor path

  /** As the README's Maven and Gradle builds run javac. */
  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES) // against a hanging process, not a speed check
  void javacCompilesAConsumerWithOnlyTheProcessorJar() throws Exception {
    Consumer consumer = writeConsumer();

    List<String> command = new ArrayList<>();
    command.add(jdkTool("javac"));
    command.addAll(
        List.of(
            "--release", "17",
            "-Xlint:all", "-Werror",
            "-cp", consumer.classPath(),
            "-processorpath", PROCESSOR_JAR.toString(),
            "-d", consumer.classes().toString(),
            "-s", consumer.generated().toString()));
    command.addAll(consumer.sources());
    String output = run(command);

    assertEquals("", output, "javac reported something");
    assertGeneratedCompiledAndRuns(consumer);
  }

  /**
   * As the README's hand-made ECJ command line: {@code -cp} before {@code -processorpath}, and the
   * processor jar alone on the processor path.
   */
  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES) // against a hanging process, not a speed check
  void ecjCompilesAConsumerWithOnlyTheProcessorJar() throws Exception {
    Consumer consumer = writeConsumer();

    List<String> command = new ArrayList<>();
    command.add(jdkTool("java"));
    command.addAll(
        List.of(
            "-jar", ECJ_JAR.toString(),
            "--release", "17",
            "-cp", consumer.classPath(),
            "-processorpath", PROCESSOR_JAR.toString(),
            "-d", consumer.classes().toString(),
            "-s", consumer.generated().toString(),
            // ECJ's counterpart of -Xlint:all -Werror, as in EcjTest
            "-warn:+uselessTypeCheck,dep-ann,fallthrough,static-access,hashCode,semicolon",
            "-failOnWarning"));
    command.addAll(consumer.sources());
    run(command);

    assertGeneratedCompiledAndRuns(consumer);
  }

  /** The consumer's directories and the class path a user's build gives its compiler. */
  private record Consumer(List<String> sources, Path classes, Path generated) {
    String classPath() {
      return ANNOTATIONS_JAR + File.pathSeparator + RUNTIME_JAR;
    }
  }

  private Consumer writeConsumer() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/consumer"));
    Path packageInfo = Files.writeString(src.resolve("package-info.java"), PACKAGE_INFO);
    Path main = Files.writeString(src.resolve("Main.java"), MAIN);
    return new Consumer(
        List.of(packageInfo.toString(), main.toString()),
        Files.createDirectories(dir.resolve("classes")),
        Files.createDirectories(dir.resolve("generated")));
  }

  /** The processor generated and the compiler compiled all four maps; the program runs. */
  private static void assertGeneratedCompiledAndRuns(Consumer consumer) throws Exception {
    for (String name :
        List.of(
            "IntLongHandleHashMap",
            "IntLongCountedHashMap",
            "IntLongRcHashMap",
            "SymbolHandleHashMap")) {
      assertTrue(
          Files.isRegularFile(consumer.generated().resolve("consumer/" + name + ".java")),
          name + ".java generated");
      assertTrue(
          Files.isRegularFile(consumer.classes().resolve("consumer/" + name + ".class")),
          name + ".class compiled");
    }
    assertFalse(
        Files.exists(consumer.generated().resolve("consumer/SymbolCountedHashMap.java")),
        "layers = Layer.HANDLE generates the handle layer only");

    String output =
        run(
            List.of(
                jdkTool("java"),
                "-cp",
                consumer.classes() + File.pathSeparator + RUNTIME_JAR,
                "consumer.Main"));
    assertEquals(EXPECTED_OUTPUT, output.strip());
  }

  // ---------------------------------------------------------------------------------------------

  /** The file named by system property {@code key}, which must exist. */
  private static Path file(String key) {
    String value = System.getProperty(key);
    assertNotNull(value, () -> "system property " + key + " (set by failsafe in processor/pom.xml)");
    Path path = Path.of(value);
    assertTrue(Files.isRegularFile(path), () -> key + ": no file " + path);
    return path;
  }

  /** A tool of the JDK running this test. */
  private static String jdkTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  /** Runs {@code command}, fails unless it exits with 0, and returns what it printed. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int exit = process.waitFor();
    assertEquals(0, exit, () -> String.join(" ", command) + "\n" + output);
    return output;
  }

  private static byte[] read(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertNotNull(entry, () -> name + " is not in " + PROCESSOR_JAR);
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  /** The non-blank lines of a text entry, without comments. */
  private static List<String> lines(JarFile jar, String name) throws IOException {
    return new String(read(jar, name), StandardCharsets.UTF_8)
        .lines()
        .map(line -> line.replaceFirst("#.*", "").strip())
        .filter(line -> !line.isEmpty())
        .collect(Collectors.toList());
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertEquals(1, found.size(), () -> "one <" + name + "> in <" + parent.getTagName() + ">");
    return found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    NodeList nodes = parent.getChildNodes();
    return Stream.iterate(0, i -> i < nodes.getLength(), i -> i + 1)
        .map(nodes::item)
        .filter(node -> node.getNodeType() == Node.ELEMENT_NODE)
        .map(Element.class::cast)
        .filter(element -> element.getTagName().equals(name))
        .toList();
  }

  /** The text of child {@code name}, or "" when there is none. */
  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
  }
}
