package dev.rchashmap.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every key type with every value type, all layers (the default), compiled with {@code -Xlint:all
 * -Werror}: no specialization may produce a warning. One compilation per key type, with the
 * annotations for all value types on one package, keeps the run short.
 */
class AllCombinationsTest {
  private static final List<String> PRIMITIVES =
      List.of("boolean", "byte", "short", "char", "int", "long", "float", "double");

  private static final List<String> VALUES =
      Stream.concat(PRIMITIVES.stream(), Stream.of("Object", "String", "byte[]")).toList();

  private static final List<String> LAYER_SUFFIXES =
      List.of("HandleHashMap", "CountedHashMap", "RcHashMap");

  /** The equivalence that array keys need, written as a user would. */
  private static final SourceFile INT_ARRAY_EQUIVALENCE =
      SourceFile.of(
          "test.IntArrayEquivalence",
          "package test;",
          "import dev.rchashmap.runtime.Equivalence;",
          "import java.util.Arrays;",
          "public final class IntArrayEquivalence implements Equivalence<int[]> {",
          "  @Override public int hash(int[] value) { return Arrays.hashCode(value); }",
          "  @Override public boolean equivalent(int[] a, int[] b) { return Arrays.equals(a, b); }",
          "}");

  @ParameterizedTest(name = "key = {0}.class")
  @ValueSource(
      strings = {
        "boolean", "byte", "short", "char", "int", "long", "float", "double", "Object", "String",
        "int[]"
      })
  void everyValueTypeCompilesWithoutWarnings(String key) {
    String equivalence = key.equals("int[]") ? ", equivalence = IntArrayEquivalence.class" : "";
    List<String> annotations = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    for (String value : VALUES) {
      annotations.add(
          "@GenerateMaps(key = " + key + ".class, value = " + value + ".class" + equivalence + ")");
      expected.addAll(generatedFiles(prefix(key) + prefix(value)));
    }

    Compilation compilation =
        Processing.compile(
            INT_ARRAY_EQUIVALENCE,
            SourceFile.packageInfo("test", annotations.toArray(new String[0])));

    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(expected, new TreeSet<>(Processing.generatedNames(compilation)));
    assertLinesFit(compilation);
  }

  /** Generated code reads like the project's own: no line is wider than 100 columns. */
  private static void assertLinesFit(Compilation compilation) {
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String source = new String(Processing.generatedBytes(file), StandardCharsets.UTF_8);
      String[] lines = source.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        int line = i + 1;
        String text = lines[i];
        assertTrue(
            text.length() <= 100,
            () -> file.getName() + ":" + line + " has " + text.length() + " columns: " + text);
      }
    }
  }

  /**
   * The weak layer for every pair with a key or a value of a reference type, compiled with {@code
   * -Xlint:all -Werror} and checked for line width like the other layers.
   */
  @ParameterizedTest(name = "key = {0}.class")
  @ValueSource(
      strings = {
        "boolean", "byte", "short", "char", "int", "long", "float", "double", "Object", "String",
        "int[]"
      })
  void weakLayerOfEveryReferencePairCompilesWithoutWarnings(String key) {
    String equivalence = key.equals("int[]") ? ", equivalence = IntArrayEquivalence.class" : "";
    boolean keyIsReference = !PRIMITIVES.contains(key);
    List<String> annotations = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    for (String value : VALUES) {
      if (keyIsReference || !PRIMITIVES.contains(value)) {
        annotations.add(
            "@GenerateMaps(key = " + key + ".class, value = " + value + ".class" + equivalence
                + ", layers = Layer.WEAK)");
        expected.add("/SOURCE_OUTPUT/test/" + prefix(key) + prefix(value) + "WeakHandleHashMap.java");
      }
    }

    Compilation compilation =
        Processing.compile(
            INT_ARRAY_EQUIVALENCE,
            SourceFile.packageInfo("test", annotations.toArray(new String[0])));

    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(expected, new TreeSet<>(Processing.generatedNames(compilation)));
    assertLinesFit(compilation);
  }

  /** Every primitive key with a custom equivalence of its own runtime interface. */
  @Test
  void customEquivalenceForEveryPrimitiveKey() {
    List<SourceFile> sources = new ArrayList<>();
    List<String> annotations = new ArrayList<>();
    for (String primitive : PRIMITIVES) {
      String name = prefix(primitive) + "Eq";
      sources.add(primitiveEquivalence(primitive, name));
      annotations.add(
          "@GenerateMaps(key = " + primitive + ".class, value = long.class, equivalence = " + name + ".class)");
    }
    sources.add(SourceFile.packageInfo("test", annotations.toArray(new String[0])));

    Compilation compilation = Processing.compile(sources.toArray(new SourceFile[0]));

    assertThat(compilation).succeededWithoutWarnings();
    Set<String> expected =
        PRIMITIVES.stream()
            .flatMap(primitive -> generatedFiles(prefix(primitive) + "Long").stream())
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, new TreeSet<>(Processing.generatedNames(compilation)));
    String source = Processing.generatedSource(compilation, "test.IntLongHandleHashMap");
    assertEquals(1, count(source, "new IntEq()"), "the annotation's equivalence is the default");
  }

  /** String keys with an {@code Equivalence<String>}, and with an {@code Equivalence<Object>}. */
  @Test
  void customEquivalenceForStringKeys() {
    SourceFile exact =
        SourceFile.of(
            "test.LengthEq",
            "package test;",
            "public final class LengthEq implements dev.rchashmap.runtime.Equivalence<String> {",
            "  @Override public int hash(String value) { return value.length(); }",
            "  @Override public boolean equivalent(String a, String b) { return a.equals(b); }",
            "}");
    SourceFile general =
        SourceFile.of(
            "test.IdentityEq",
            "package test;",
            "public final class IdentityEq implements dev.rchashmap.runtime.Equivalence<Object> {",
            "  @Override public int hash(Object value) { return System.identityHashCode(value); }",
            "  @Override public boolean equivalent(Object a, Object b) { return a == b; }",
            "}");
    SourceFile annotations =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(key = String.class, value = int.class, equivalence = LengthEq.class)",
            "@GenerateMaps(key = String.class, value = Object.class, equivalence = IdentityEq.class)");

    Compilation compilation = Processing.compile(exact, general, annotations);

    assertThat(compilation).succeededWithoutWarnings();
    Processing.generatedSource(compilation, "test.StringIntHandleHashMap");
    Processing.generatedSource(compilation, "test.StringObjHandleHashMap");
  }

  /**
   * {@code key = Object.class} with an {@code equivalence}: the shared default equivalence lives
   * in a static field, where {@code K} cannot appear, so it is typed {@code Equivalence<Object>}.
   */
  @Test
  void customEquivalenceForObjectKeys() {
    SourceFile equivalence =
        SourceFile.of(
            "test.IdentityEq",
            "package test;",
            "public final class IdentityEq implements dev.rchashmap.runtime.Equivalence<Object> {",
            "  @Override public int hash(Object value) { return System.identityHashCode(value); }",
            "  @Override public boolean equivalent(Object a, Object b) { return a == b; }",
            "}");
    SourceFile annotations =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(key = Object.class, value = long.class, equivalence = IdentityEq.class)",
            "@GenerateMaps(key = Object.class, value = Object.class, equivalence = IdentityEq.class)");

    Compilation compilation = Processing.compile(equivalence, annotations);

    assertThat(compilation).succeededWithoutWarnings();
    Processing.generatedSource(compilation, "test.ObjLongHandleHashMap");
    Processing.generatedSource(compilation, "test.ObjObjHandleHashMap");
  }

  // ---------------------------------------------------------------------------------------------

  /** The derived class-name prefix of a type, as the annotation's Javadoc defines it. */
  private static String prefix(String type) {
    if (type.endsWith("[]")) {
      return prefix(type.substring(0, type.length() - 2)) + "Array";
    }
    if (type.equals("Object")) {
      return "Obj";
    }
    return Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }

  /** The files generated for {@code prefix} in package {@code test} with the default layers. */
  private static List<String> generatedFiles(String prefix) {
    return LAYER_SUFFIXES.stream()
        .map(suffix -> "/SOURCE_OUTPUT/test/" + prefix + suffix + ".java")
        .toList();
  }

  /** {@code test.<name>} implementing the runtime equivalence interface of {@code primitive}. */
  private static SourceFile primitiveEquivalence(String primitive, String name) {
    String hash;
    switch (primitive) {
      case "boolean":
        hash = "value ? 1 : 0";
        break;
      case "long":
      case "float":
      case "double":
        hash = prefix(primitive) + ".hashCode(value)";
        break;
      default:
        hash = "value";
    }
    return SourceFile.of(
        "test." + name,
        "package test;",
        "public final class " + name
            + " implements dev.rchashmap.runtime." + prefix(primitive) + "Equivalence {",
        "  @Override public int hash(" + primitive + " value) { return " + hash + "; }",
        "  @Override public boolean equivalent(" + primitive + " a, " + primitive + " b) {",
        "    return a == b;",
        "  }",
        "}");
  }

  private static int count(String text, String fragment) {
    int count = 0;
    for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
      count++;
    }
    return count;
  }
}
