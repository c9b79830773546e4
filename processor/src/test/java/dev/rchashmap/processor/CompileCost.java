package dev.rchashmap.processor;

import dev.rchashmap.annotations.GenerateMaps;
import dev.rchashmap.runtime.Equivalence;
import dev.rchashmap.processor.model.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Measures what one {@code @GenerateMaps(key = int.class, value = long.class)} (three classes)
 * costs a warm javac: not a test, a program, and never run by the build (timing never goes into a
 * test). See {@code BENCHMARKS.md} ("Compile cost of the processor") for the method, the command and the results.
 *
 * <p>In one JVM it compiles the same {@code package-info.java} again and again with javac through
 * {@code javax.tools}, each time as a fresh compilation (new file manager, new processor), and
 * records per compilation:
 *
 * <ul>
 *   <li>{@code processor}: the time spent inside the processor's {@code init} and {@code process}
 *       (all rounds), measured by a wrapper around it;
 *   <li>{@code total}: the whole compilation with the processor, which also compiles the three
 *       generated classes;
 *   <li>{@code replay}: the same compilation with a processor that only writes the three sources,
 *       prepared beforehand, through the {@code Filer}: javac's own cost of a processor that
 *       generates these files;
 *   <li>{@code baseline}: the same {@code package-info.java} and the three generated sources,
 *       written out beforehand, compiled with {@code -proc:none}: what compiling the generated code
 *       costs without generating it.
 * </ul>
 *
 * A first, cold compilation is reported on its own. Then the three kinds of compilation take
 * turns; the first {@code warmup} rounds are dropped, and the median and 90th percentile of the
 * next {@code measured} are printed.
 */
public final class CompileCost {
  private static final String ANNOTATION = "@GenerateMaps(key = int.class, value = long.class)";

  private CompileCost() {}

  /**
   * Runs the measurement.
   *
   * @param args optional: the number of warm-up iterations (default 100), then of measured ones
   *     (default 300)
   * @throws IOException if the temporary files cannot be written
   */
  public static void main(String[] args) throws IOException {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 300;

    Path dir = Files.createTempDirectory("rchashmap-compile-cost");
    Path packageInfo =
        OnDisk.write(
            dir.resolve("src/bench/package-info.java"),
            ANNOTATION + "\npackage bench;\n\nimport dev.rchashmap.annotations.GenerateMaps;\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));

    // One cold compilation first (it also gives the generated sources for replay and baseline).
    TimedProcessor cold = new TimedProcessor(new GenerateMapsProcessor());
    long coldStart = System.nanoTime();
    compile(List.of(packageInfo), List.of(cold), classes, generated);
    long coldTotal = System.nanoTime() - coldStart;
    Map<String, String> sources = new TreeMap<>();
    Path copies = Files.createDirectories(dir.resolve("src-generated"));
    List<Path> baselineSources = new ArrayList<>(List.of(packageInfo));
    try (Stream<Path> files = Files.walk(generated)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = generated.relativize(file).toString().replace('\\', '/');
        String qualifiedName =
            relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
        sources.put(qualifiedName, Files.readString(file));
        baselineSources.add(OnDisk.write(copies.resolve(relative), Files.readString(file)));
      }
    }
    if (sources.size() != 3) {
      throw new IllegalStateException("expected three generated sources: " + sources.keySet());
    }
    Path replayGenerated = Files.createDirectories(dir.resolve("generated-replay"));
    Path otherClasses = Files.createDirectories(dir.resolve("classes-other"));

    // The three kinds take turns, so that noise from the machine hits each alike.
    long[] processor = new long[measured];
    long[] total = new long[measured];
    long[] replay = new long[measured];
    long[] baseline = new long[measured];
    for (int i = -warmup; i < measured; i++) {
      TimedProcessor timed = new TimedProcessor(new GenerateMapsProcessor());
      long start = System.nanoTime();
      compile(List.of(packageInfo), List.of(timed), classes, generated);
      long totalNanos = System.nanoTime() - start;

      start = System.nanoTime();
      compile(
          List.of(packageInfo),
          List.of(new ReplayProcessor(sources)),
          otherClasses,
          replayGenerated);
      long replayNanos = System.nanoTime() - start;

      start = System.nanoTime();
      compile(baselineSources, List.of(), otherClasses, null);
      long baselineNanos = System.nanoTime() - start;

      if (i >= 0) {
        processor[i] = timed.nanos;
        total[i] = totalNanos;
        replay[i] = replayNanos;
        baseline[i] = baselineNanos;
      }
    }

    System.out.printf(
        Locale.ROOT,
        "JDK %s (%s), %d warm-up + %d measured compilations of one %s%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        warmup,
        measured,
        ANNOTATION);
    System.out.printf(
        Locale.ROOT,
        "%-46s processor %7.2f ms   total %7.2f ms%n",
        "first compilation in this JVM (cold)",
        millis(cold.nanos),
        millis(coldTotal));
    print("processor (init + process)", processor);
    print("total compile with the processor", total);
    print("replay: Filer writes the 3 sources, no model", replay);
    print("baseline: the 3 sources given, -proc:none", baseline);

    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Compiles {@code sources} for release 17 with {@code -Xlint:all -Werror}, or fails. */
  private static void compile(
      List<Path> sources, List<? extends Processor> processors, Path classes, Path generated)
      throws IOException {
    List<String> options = new ArrayList<>(Processing.STRICT);
    options.addAll(List.of("--release", "17", "-d", classes.toString()));
    if (generated == null) {
      options.add("-proc:none");
    } else {
      options.addAll(List.of("-s", generated.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean success;
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      fileManager.setLocationFromPaths(
          StandardLocation.CLASS_PATH,
          List.of(OnDisk.location(GenerateMaps.class), OnDisk.location(Equivalence.class)));
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null, fileManager, diagnostics, options, null,
              fileManager.getJavaFileObjectsFromPaths(sources));
      if (!processors.isEmpty()) {
        task.setProcessors(processors);
      }
      success = task.call();
    }
    if (!success || !diagnostics.getDiagnostics().isEmpty()) {
      throw new IllegalStateException(
          "compilation failed or warned: " + diagnostics.getDiagnostics());
    }
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-46s median %7.2f ms   p90 %7.2f ms   min %7.2f ms   max %7.2f ms%n",
        what,
        millis(percentile(sorted, 50)),
        millis(percentile(sorted, 90)),
        millis(sorted[0]),
        millis(sorted[sorted.length - 1]));
  }

  /** The nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  /**
   * Writes the given sources through the {@code Filer} in the first round, as a processor that
   * costs nothing but its output would: the difference to {@code baseline} is javac's own cost of
   * annotation processing (an extra round, re-entering the new sources).
   */
  @SupportedAnnotationTypes({Names.GENERATE_MAPS, Names.GENERATED})
  private static final class ReplayProcessor extends AbstractProcessor {
    private final Map<String, String> sources;
    private boolean done;

    ReplayProcessor(Map<String, String> sources) {
      this.sources = sources;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done && !annotations.isEmpty()) {
        done = true;
        for (Map.Entry<String, String> source : sources.entrySet()) {
          try (Writer writer =
              processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
            writer.write(source.getValue());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      return true;
    }
  }

  /** Delegates to a processor and adds up the time spent in {@code init} and {@code process}. */
  private static final class TimedProcessor implements Processor {
    private final Processor delegate;
    long nanos;

    TimedProcessor(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment environment) {
      long start = System.nanoTime();
      try {
        delegate.init(environment);
      } finally {
        nanos += System.nanoTime() - start;
      }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        nanos += System.nanoTime() - start;
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
