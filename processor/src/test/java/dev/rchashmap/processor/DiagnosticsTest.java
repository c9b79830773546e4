package dev.rchashmap.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error the processor reports for bad input: the compilation fails with exactly the expected
 * errors, each naming the problem and its fix, in the right file, on the line of the annotation
 * value at fault. Sources put each attribute on its own line so that the line pins the value.
 */
class DiagnosticsTest {
  /** The two methods of an {@code IntEquivalence}, for equivalence classes written in tests. */
  private static final String INT_METHODS =
      "  public int hash(int value) { return value; }\n"
          + "  public boolean equivalent(int a, int b) { return a == b; }\n";

  /** A valid first annotation, to be followed by a faulty second one. */
  private static final String VALID = "@GenerateMaps(key = int.class, value = long.class)";

  // ---------------------------------------------------------------------------------------------
  // key and value types

  @Test
  void voidKey() {
    SourceFile source =
        SourceFile.packageInfo(
            "test", "@GenerateMaps(", "    key = void.class,", "    value = long.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "key = void.class",
        "key must not be void",
        "use a primitive class such as int.class, Object.class for any object");
  }

  @Test
  void voidValue() {
    SourceFile source =
        SourceFile.packageInfo(
            "test", "@GenerateMaps(", "    key = int.class,", "    value = void.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "value = void.class",
        "value must not be void",
        "use a primitive class such as int.class, Object.class for any object");
  }

  @Test
  void genericKeyClassLiteral() {
    SourceFile source =
        SourceFile.packageInfo(
            "test", "@GenerateMaps(", "    key = java.util.List.class,", "    value = long.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "key = java.util.List.class",
        "key java.util.List is generic",
        "use Object.class, which makes the generated maps generic in K");
  }

  @Test
  void genericValueClassLiteral() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = java.util.Map.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "value = java.util.Map.class",
        "value java.util.Map is generic",
        "use Object.class, which makes the generated maps generic in V");
  }

  /**
   * {@code Outer.Inner.class} where {@code Outer<T>} is generic and {@code Inner} is an inner
   * (non-static) class needs type arguments too: naming it raw would fill the generated code
   * with {@code [rawtypes]} warnings.
   */
  @Test
  void innerClassOfGenericClass() {
    SourceFile outer =
        SourceFile.of(
            "test.Outer", "package test;", "public final class Outer<T> { public final class Inner {} }");
    SourceFile source =
        SourceFile.packageInfo(
            "test", "@GenerateMaps(", "    key = int.class,", "    value = Outer.Inner.class)");

    assertOnlyError(
        Processing.compile(outer, source),
        source,
        "value = Outer.Inner.class",
        "is generic",
        "use Object.class");
  }

  @Test
  void arrayKeyWithoutEquivalence() {
    SourceFile source =
        SourceFile.packageInfo(
            "test", "@GenerateMaps(", "    key = int[].class,", "    value = long.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "key = int[].class",
        "key int[] is an array, and arrays compare by identity, not by content",
        "name an equivalence, for example equivalence = MyArrayEquivalence.class",
        "dev.rchashmap.runtime.Equivalence<int[]> through java.util.Arrays.equals and hashCode");
  }

  @Test
  void keyNotAccessibleFromTheGeneratedPackage() {
    // Prot is protected: Sub's body may name it, the generated classes in package test may not.
    SourceFile base =
        SourceFile.of(
            "other.Base", "package other;", "public class Base { protected static final class Prot {} }");
    SourceFile source =
        SourceFile.of(
            "test.Sub",
            "package test;",
            "import dev.rchashmap.annotations.GenerateMaps;",
            "public class Sub extends other.Base {",
            "  @GenerateMaps(",
            "      key = Prot.class,",
            "      value = int.class)",
            "  static final class Holder {}",
            "}");

    assertOnlyError(
        Processing.compile(base, source),
        source,
        "key = Prot.class",
        "key other.Base.Prot is not accessible from package test, where the maps are generated",
        "make it public");
  }

  @Test
  void privateValueNotAccessibleFromTheGeneratedPackage() {
    SourceFile source =
        SourceFile.of(
            "test.Owner",
            "package test;",
            "import dev.rchashmap.annotations.GenerateMaps;",
            "public class Owner {",
            "  private static final class Secret {}",
            "  @GenerateMaps(",
            "      key = int.class,",
            "      value = Secret.class)",
            "  static final class Holder {}",
            "}");

    assertOnlyError(
        Processing.compile(source),
        source,
        "value = Secret.class",
        "value test.Owner.Secret is not accessible from package test",
        "make it public");
  }

  /**
   * A package-private class of another package cannot even be named: javac reports that, and
   * javac's attribution leaves an error type, which the processor treats as "not generated yet"
   * and, when it never appears, leaves to javac's own error.
   */
  @Test
  void packagePrivateKeyOfAnotherPackage() {
    SourceFile hidden = SourceFile.of("other.Hidden", "package other;", "class Hidden {}");
    SourceFile source =
        SourceFile.packageInfo(
            "test", "@GenerateMaps(", "    key = other.Hidden.class,", "    value = long.class)");

    Compilation compilation = Processing.compile(hidden, source);

    assertThat(compilation).failed();
    assertNoProcessorCrash(compilation);
    assertErrorAt(
        compilation, source, "key = other.Hidden.class", "other.Hidden is not public in other");
    assertThat(compilation).hadErrorCount(1);
  }

  /**
   * A key naming a class that never appears: javac reports the missing symbol on the attribute;
   * the processor defers the annotation, adds nothing, and does not crash.
   */
  @Test
  void unresolvableKeyGivesOneError() {
    SourceFile source =
        SourceFile.packageInfo(
            "test", "@GenerateMaps(", "    key = NoSuchClass.class,", "    value = long.class)");

    assertOnlyError(
        Processing.compile(source), source, "key = NoSuchClass.class", "cannot find symbol");
  }

  @Test
  void unresolvableEquivalenceDoesNotCrash() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = long.class,",
            "    equivalence = NoSuchEquivalence.class)");

    Compilation compilation = Processing.compile(source);

    assertThat(compilation).failed();
    assertNoProcessorCrash(compilation);
    assertErrorAt(
        compilation, source, "equivalence = NoSuchEquivalence.class", "cannot find symbol");
  }

  // ---------------------------------------------------------------------------------------------
  // names

  @ParameterizedTest
  @ValueSource(strings = {"1abc", "my map", "a-b"})
  void invalidPrefix(String prefix) {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = long.class,",
            "    prefix = \"" + prefix + "\")");

    assertOnlyError(
        Processing.compile(source),
        source,
        "prefix = ",
        "prefix \"" + prefix + "\" does not make a valid class name (" + prefix + "HandleHashMap)",
        "use a Java identifier such as \"Symbol\"");
  }

  /** Two single annotations in one package (on two classes) that would generate the same class. */
  @Test
  void twoAnnotationsGenerateTheSameClass() {
    SourceFile source =
        SourceFile.of(
            "test.First",
            "package test;",
            "import dev.rchashmap.annotations.GenerateMaps;",
            VALID,
            "final class First {}",
            "@GenerateMaps(",
            "    key = short.class,",
            "    value = long.class,",
            "    prefix = \"IntLong\")",
            "final class Second {}");

    assertOnlyError(
        Processing.compile(source),
        source,
        "prefix = \"IntLong\"",
        "test.IntLongHandleHashMap is already generated by"
            + " @GenerateMaps(key = int.class, value = long.class)",
        "give one of the two annotations a different prefix");
  }

  /**
   * The same clash with both annotations repeated on one package.
   *
   * <p>A repeated annotation lives inside the container {@code @GenerateMaps.List} that javac
   * synthesizes, and javac's {@code Messager} cannot map a mirror nested in a container back to
   * its source tree ({@code JavacElements.matchAnnoToTree} only matches trees of the container's
   * own type): it would put the error on the {@code package test;} line. The processor's
   * {@code Reporter} finds the written annotation through {@code com.sun.source.util.Trees}
   * instead, so the error sits on the second annotation's {@code prefix}.
   */
  @Test
  void repeatedAnnotationsGenerateTheSameClass() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            VALID,
            "@GenerateMaps(",
            "    key = short.class,",
            "    value = long.class,",
            "    prefix = \"IntLong\")");

    assertOnlyError(
        Processing.compile(source),
        source,
        "prefix = \"IntLong\"",
        "test.IntLongHandleHashMap is already generated by",
        "give one of the two annotations a different prefix");
  }

  @Test
  void clashWithAUserClassOnTheDerivedName() {
    SourceFile user =
        SourceFile.of("test.IntLongHandleHashMap", "package test;", "public class IntLongHandleHashMap {}");
    SourceFile source =
        SourceFile.packageInfo("test", "@GenerateMaps(", "    key = int.class,", "    value = long.class)");

    // The prefix is derived, so there is no prefix value: the error is on the whole annotation.
    assertOnlyError(
        Processing.compile(user, source),
        source,
        "@GenerateMaps(",
        "test.IntLongHandleHashMap already exists in the sources",
        "choose another prefix");
  }

  @Test
  void clashWithAUserClassOnAnExplicitPrefix() {
    SourceFile user =
        SourceFile.of("test.IdsHandleHashMap", "package test;", "public class IdsHandleHashMap {}");
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = long.class,",
            "    prefix = \"Ids\")");

    assertOnlyError(
        Processing.compile(user, source),
        source,
        "prefix = \"Ids\"",
        "test.IdsHandleHashMap already exists in the sources",
        "choose another prefix");
  }

  // ---------------------------------------------------------------------------------------------
  // layers

  @Test
  void emptyLayers() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = long.class,",
            "    layers = {})");

    assertOnlyError(
        Processing.compile(source),
        source,
        "layers = {}",
        "layers is empty, so nothing would be generated",
        "list at least one of Layer.HANDLE, Layer.COUNTED and Layer.RC, or leave layers out");
  }

  @Test
  void weakLayerForTwoPrimitives() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = int.class,",
            "    value = long.class,",
            "    layers = {Layer.HANDLE, Layer.WEAK})");

    assertOnlyError(
        Processing.compile(source),
        source,
        "layers = {Layer.HANDLE, Layer.WEAK}",
        "Layer.WEAK needs a key or a value of a reference type",
        "int and long are primitives, which a map can only hold strongly");
  }

  // ---------------------------------------------------------------------------------------------
  // borrowed of the wrong kind

  private static final SourceFile LONG_TEXT =
      SourceFile.of(
          "test.LongText",
          "package test;",
          "public final class LongText",
          "    implements dev.rchashmap.runtime.BorrowedEquivalence<Long, CharSequence> {",
          "  public int hash(CharSequence probe) { return Long.hashCode(toKey(probe)); }",
          "  public boolean matches(CharSequence probe, Long key) { return key.equals(toKey(probe)); }",
          "  public Long toKey(CharSequence probe) { return Long.valueOf(probe.toString()); }",
          "}");

  @Test
  void borrowedThatIsNoBorrowedEquivalence() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = String.class,",
            "    value = long.class,",
            "    borrowed = java.util.ArrayList.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "borrowed = java.util.ArrayList.class",
        "borrowed java.util.ArrayList must implement dev.rchashmap.runtime.BorrowedEquivalence"
            + "<java.lang.String, Q>");
  }

  @Test
  void borrowedForAnotherKeyType() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = String.class,",
            "    value = long.class,",
            "    borrowed = LongText.class)");

    assertOnlyError(
        Processing.compile(source, LONG_TEXT),
        source,
        "borrowed = LongText.class",
        "borrowed test.LongText must implement dev.rchashmap.runtime.BorrowedEquivalence"
            + "<java.lang.String, Q> to look up java.lang.String keys");
  }

  @Test
  void borrowedForAPrimitiveKey() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = long.class,",
            "    value = long.class,",
            "    borrowed = LongText.class)");

    assertOnlyError(
        Processing.compile(source, LONG_TEXT),
        source,
        "borrowed = LongText.class",
        "borrowed lookups need a key of a reference type, and long is a primitive");
  }

  @Test
  void borrowedWhoseProbeIsTheKeyType() {
    SourceFile same =
        SourceFile.of(
            "test.SameText",
            "package test;",
            "public final class SameText",
            "    implements dev.rchashmap.runtime.BorrowedEquivalence<String, String> {",
            "  public int hash(String probe) { return probe.hashCode(); }",
            "  public boolean matches(String probe, String key) { return key.equals(probe); }",
            "  public String toKey(String probe) { return probe; }",
            "}");
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = String.class,",
            "    value = long.class,",
            "    borrowed = SameText.class)");

    assertOnlyError(
        Processing.compile(source, same),
        source,
        "borrowed = SameText.class",
        "takes probes of the key type java.lang.String itself, so find(key) and find(probe)"
            + " would clash");
  }

  @Test
  void borrowedWithoutAPublicConstructor() {
    SourceFile hidden =
        SourceFile.of(
            "test.HiddenText",
            "package test;",
            "public final class HiddenText",
            "    implements dev.rchashmap.runtime.BorrowedEquivalence<String, CharSequence> {",
            "  private HiddenText() {}",
            "  public int hash(CharSequence probe) { return probe.toString().hashCode(); }",
            "  public boolean matches(CharSequence probe, String key) { return key.contentEquals(probe); }",
            "  public String toKey(CharSequence probe) { return probe.toString(); }",
            "}");
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = String.class,",
            "    value = long.class,",
            "    borrowed = HiddenText.class)");

    assertOnlyError(
        Processing.compile(source, hidden),
        source,
        "borrowed = HiddenText.class",
        "borrowed test.HiddenText cannot be instantiated by the generated maps");
  }

  @Test
  void borrowedCharSequenceKeysForStringKeysCompilesInEveryLayer() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = String.class,",
            "    value = long.class,",
            "    layers = {Layer.HANDLE, Layer.RC, Layer.WEAK},",
            "    borrowed = dev.rchashmap.runtime.CharSequenceKeys.class)");

    assertThat(Processing.compile(source)).succeededWithoutWarnings();
  }

  // ---------------------------------------------------------------------------------------------
  // equivalence of the wrong kind

  @Test
  void longEquivalenceForIntKeys() {
    assertWrongEquivalence(
        "int.class",
        "dev.rchashmap.runtime.LongEquivalence.class",
        "equivalence dev.rchashmap.runtime.LongEquivalence must implement"
            + " dev.rchashmap.runtime.IntEquivalence to compare int keys");
  }

  @Test
  void stringEquivalenceForObjectKeys() {
    SourceFile equivalence =
        SourceFile.of(
            "test.StringEq",
            "package test;",
            "public final class StringEq implements dev.rchashmap.runtime.Equivalence<String> {",
            "  public int hash(String value) { return value.length(); }",
            "  public boolean equivalent(String a, String b) { return a.equals(b); }",
            "}");

    assertWrongEquivalence(
        "Object.class",
        "StringEq.class",
        "equivalence test.StringEq must implement dev.rchashmap.runtime.Equivalence<Object> to"
            + " compare Object keys",
        equivalence);
  }

  @Test
  void rawEquivalenceForStringKeys() {
    // isSubtype, not isAssignable: a raw implementation would need an unchecked conversion.
    SourceFile equivalence =
        SourceFile.of(
            "test.RawEq",
            "package test;",
            "@SuppressWarnings(\"rawtypes\")",
            "public final class RawEq implements dev.rchashmap.runtime.Equivalence {",
            "  public int hash(Object value) { return 0; }",
            "  public boolean equivalent(Object a, Object b) { return a == b; }",
            "}");

    assertWrongEquivalence(
        "String.class",
        "RawEq.class",
        "equivalence test.RawEq must implement dev.rchashmap.runtime.Equivalence<java.lang.String>"
            + " to compare java.lang.String keys",
        equivalence);
  }

  @Test
  void equivalenceImplementingNothing() {
    SourceFile equivalence =
        SourceFile.of("test.NotAnEq", "package test;", "public final class NotAnEq {}");

    assertWrongEquivalence(
        "int.class",
        "NotAnEq.class",
        "equivalence test.NotAnEq must implement dev.rchashmap.runtime.IntEquivalence to compare"
            + " int keys",
        equivalence);
  }

  // ---------------------------------------------------------------------------------------------
  // equivalence not instantiable

  @Test
  void abstractEquivalence() {
    assertNotInstantiable(
        SourceFile.of(
            "test.Eq",
            "package test;",
            "public abstract class Eq implements dev.rchashmap.runtime.IntEquivalence {",
            INT_METHODS,
            "}"),
        "Eq.class",
        "test.Eq");
  }

  @Test
  void interfaceEquivalence() {
    assertNotInstantiable(
        SourceFile.of(
            "test.Eq",
            "package test;",
            "public interface Eq extends dev.rchashmap.runtime.IntEquivalence {}"),
        "Eq.class",
        "test.Eq");
  }

  @Test
  void genericEquivalence() {
    assertNotInstantiable(
        SourceFile.of(
            "test.Eq",
            "package test;",
            "public final class Eq<T> implements dev.rchashmap.runtime.IntEquivalence {",
            INT_METHODS,
            "}"),
        "Eq.class",
        "test.Eq");
  }

  @Test
  void innerClassEquivalence() {
    assertNotInstantiable(
        SourceFile.of(
            "test.Outer",
            "package test;",
            "public final class Outer {",
            "  public final class Eq implements dev.rchashmap.runtime.IntEquivalence {",
            INT_METHODS,
            "  }",
            "}"),
        "Outer.Eq.class",
        "test.Outer.Eq");
  }

  /**
   * A record is a concrete final class with a public canonical constructor, so {@code record Eq()
   * implements IntEquivalence} is a valid equivalence.
   */
  @Test
  void recordEquivalenceIsAccepted() {
    SourceFile equivalence =
        SourceFile.of(
            "test.Eq",
            "package test;",
            "public record Eq() implements dev.rchashmap.runtime.IntEquivalence {",
            INT_METHODS,
            "}");
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(key = int.class, value = long.class, equivalence = Eq.class)");

    assertThat(Processing.compile(equivalence, source)).succeededWithoutWarnings();
  }

  @Test
  void equivalenceWithoutNoArgConstructor() {
    assertNeedsPublicConstructor(
        SourceFile.of(
            "test.Eq",
            "package test;",
            "public final class Eq implements dev.rchashmap.runtime.IntEquivalence {",
            "  public Eq(int seed) {}",
            INT_METHODS,
            "}"),
        "Eq.class",
        "test.Eq");
  }

  @Test
  void equivalenceWithPrivateConstructor() {
    assertNeedsPublicConstructor(
        SourceFile.of(
            "test.Eq",
            "package test;",
            "public final class Eq implements dev.rchashmap.runtime.IntEquivalence {",
            "  private Eq() {}",
            INT_METHODS,
            "}"),
        "Eq.class",
        "test.Eq");
  }

  @Test
  void equivalenceOfAnotherPackageWithPackagePrivateConstructor() {
    assertNeedsPublicConstructor(
        SourceFile.of(
            "other.Eq",
            "package other;",
            "public final class Eq implements dev.rchashmap.runtime.IntEquivalence {",
            "  Eq() {}",
            INT_METHODS,
            "}"),
        "other.Eq.class",
        "other.Eq");
  }

  // ---------------------------------------------------------------------------------------------
  // where annotations are, and several problems at once

  @Test
  void annotationOnAClass() {
    SourceFile source =
        SourceFile.annotatedClass(
            "test.Holder", "@GenerateMaps(", "    key = int.class,", "    value = void.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "value = void.class",
        "value must not be void",
        "use a primitive class such as int.class");
  }

  /**
   * The second of two repeated annotations on a package is faulty.
   *
   * <p>The error sits on {@code key = void.class} in the second annotation, not on the {@code
   * package} line where javac's {@code Messager} alone would put it (see {@link
   * #repeatedAnnotationsGenerateTheSameClass}).
   */
  @Test
  void repeatedOnAPackageSecondFaulty() {
    SourceFile source =
        SourceFile.packageInfo(
            "test", VALID, "@GenerateMaps(", "    key = void.class,", "    value = long.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "key = void.class",
        "key must not be void",
        "use a primitive class such as int.class");
  }

  /**
   * The second of two repeated annotations on a class is faulty: the error sits on its value, not
   * on the class declaration line.
   */
  @Test
  void repeatedOnAClassSecondFaulty() {
    SourceFile source =
        SourceFile.annotatedClass(
            "test.Holder", VALID, "@GenerateMaps(", "    key = void.class,", "    value = long.class)");

    assertOnlyError(
        Processing.compile(source),
        source,
        "key = void.class",
        "key must not be void",
        "use a primitive class such as int.class");
  }

  @Test
  void everyProblemOfOneAnnotationIsReported() {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = void.class,",
            "    value = void.class,",
            "    prefix = \"1abc\",",
            "    layers = {})");

    Compilation compilation = Processing.compile(source);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(4);
    assertErrorAt(compilation, source, "key = void.class", "key must not be void");
    assertErrorAt(compilation, source, "value = void.class", "value must not be void");
    assertErrorAt(compilation, source, "prefix = \"1abc\"", "prefix \"1abc\" does not make");
    assertErrorAt(compilation, source, "layers = {}", "layers is empty");
  }

  @Test
  void problemsOfSeveralAnnotationsAreAllReported() {
    SourceFile first =
        SourceFile.annotatedClass(
            "test.First", "@GenerateMaps(", "    key = void.class,", "    value = long.class)");
    SourceFile second =
        SourceFile.annotatedClass(
            "test.Second", "@GenerateMaps(", "    key = int.class,", "    value = java.util.List.class)");

    Compilation compilation = Processing.compile(first, second);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertErrorAt(compilation, first, "key = void.class", "key must not be void");
    assertErrorAt(compilation, second, "value = java.util.List.class", "is generic");
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertWrongEquivalence(
      String key, String equivalence, String message, SourceFile... others) {
    SourceFile source =
        SourceFile.packageInfo(
            "test",
            "@GenerateMaps(",
            "    key = " + key + ",",
            "    value = long.class,",
            "    equivalence = " + equivalence + ")");

    assertOnlyError(
        compileWith(source, others), source, "equivalence = " + equivalence, message);
  }

  private static void assertNotInstantiable(
      SourceFile equivalence, String literal, String qualifiedName) {
    SourceFile source = intKeysWithEquivalence(literal);

    assertOnlyError(
        Processing.compile(equivalence, source),
        source,
        "equivalence = " + literal,
        "equivalence " + qualifiedName + " cannot be instantiated by the generated maps",
        "it must be a concrete, non-generic, top-level or static nested class");
  }

  private static void assertNeedsPublicConstructor(
      SourceFile equivalence, String literal, String qualifiedName) {
    SourceFile source = intKeysWithEquivalence(literal);

    assertOnlyError(
        Processing.compile(equivalence, source),
        source,
        "equivalence = " + literal,
        "equivalence " + qualifiedName + " needs a public no-argument constructor",
        "the class must be public");
  }

  private static SourceFile intKeysWithEquivalence(String literal) {
    return SourceFile.packageInfo(
        "test",
        "@GenerateMaps(",
        "    key = int.class,",
        "    value = long.class,",
        "    equivalence = " + literal + ")");
  }

  private static Compilation compileWith(SourceFile source, SourceFile... others) {
    SourceFile[] all = Arrays.copyOf(others, others.length + 1);
    all[others.length] = source;
    return Processing.compile(all);
  }

  /** The compilation failed with exactly one error, and it is {@code messageParts} at the line. */
  private static void assertOnlyError(
      Compilation compilation, SourceFile source, String lineFragment, String... messageParts) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertErrorAt(compilation, source, lineFragment, messageParts);
  }

  /**
   * Some error in {@code source}, on the one line containing {@code lineFragment}, contains every
   * one of {@code messageParts}.
   */
  private static void assertErrorAt(
      Compilation compilation, SourceFile source, String lineFragment, String... messageParts) {
    long line = source.lineOf(lineFragment);
    assertThat(compilation).hadErrorContaining(messageParts[0]).inFile(source.file()).onLine(line);
    assertTrue(
        compilation.errors().stream()
            .anyMatch(error -> error.getLineNumber() == line && containsAll(error, messageParts)),
        () ->
            "no error on line "
                + line
                + " contains all of "
                + Arrays.toString(messageParts)
                + "; errors:\n"
                + describe(compilation));
  }

  /** No error carries the processor's crash report (a stack trace). */
  private static void assertNoProcessorCrash(Compilation compilation) {
    assertTrue(
        compilation.errors().stream()
            .noneMatch(
                error ->
                    message(error).contains("failed unexpectedly")
                        || message(error).contains("\tat ")),
        () -> "the processor crashed:\n" + describe(compilation));
  }

  private static boolean containsAll(Diagnostic<? extends JavaFileObject> error, String... parts) {
    String message = message(error);
    return Arrays.stream(parts).allMatch(message::contains);
  }

  private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
    return diagnostic.getMessage(Locale.ROOT);
  }

  private static String describe(Compilation compilation) {
    return compilation.diagnostics().stream()
        .map(d -> d.getKind() + " line " + d.getLineNumber() + ": " + message(d))
        .collect(Collectors.joining("\n"));
  }
}
