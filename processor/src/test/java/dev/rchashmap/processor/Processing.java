package dev.rchashmap.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Runs javac with the processor over {@link SourceFile}s and reads what it generated. */
final class Processing {
  /** The options a strict user build uses: every lint, and warnings fail the build. */
  static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

  private Processing() {}

  /** Compiles {@code sources} with a fresh {@link GenerateMapsProcessor} and {@link #STRICT}. */
  static Compilation compile(SourceFile... sources) {
    return compile(List.of(new GenerateMapsProcessor()), List.of(), sources);
  }

  /** Compiles {@code sources} with these processors, {@link #STRICT} and {@code extraOptions}. */
  static Compilation compile(
      List<? extends Processor> processors, List<String> extraOptions, SourceFile... sources) {
    List<String> options = new ArrayList<>(STRICT);
    options.addAll(extraOptions);
    return Compiler.javac()
        .withProcessors(processors)
        .withOptions(options)
        .compile(SourceFile.files(sources));
  }

  /** The generated source of {@code qualifiedName}; fails when it was not generated. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    Optional<JavaFileObject> file = compilation.generatedSourceFile(qualifiedName);
    assertTrue(
        file.isPresent(),
        () -> qualifiedName + " was not generated; generated: " + generatedNames(compilation));
    try {
      return file.get().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a generated source file exactly as the Filer wrote them. */
  static byte[] generatedBytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of all generated source files, such as {@code /SOURCE_OUTPUT/test/A.java}. */
  static List<String> generatedNames(Compilation compilation) {
    List<String> names = new ArrayList<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      names.add(file.getName());
    }
    return names;
  }
}
