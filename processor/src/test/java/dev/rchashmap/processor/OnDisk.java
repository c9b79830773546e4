package dev.rchashmap.processor;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link SourceFile}s written to a directory, and the jars or class directories of classes on the
 * test's class path, for compilations that need real files: the Eclipse compiler, which cannot
 * read compile-testing's in-memory sources, and javac compiling a named module.
 */
final class OnDisk {
  private OnDisk() {}

  /**
   * Writes each source under {@code root} at the path javac expects for it ({@code
   * test/package-info.java} for {@code test.package-info}); returns the files, in order.
   */
  static List<Path> write(Path root, SourceFile... sources) throws IOException {
    List<Path> files = new ArrayList<>();
    for (SourceFile source : sources) {
      // compile-testing names a source by its relative path, such as "test/package-info.java".
      String relative = source.file().toUri().getPath().replaceFirst("^/+", "");
      files.add(write(root.resolve(relative), source.text()));
    }
    return files;
  }

  /** Writes {@code text} to {@code file}, creating its directories. */
  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The jars or class directories that hold {@code classes}, as a class or module path. */
  static String pathOf(Class<?>... classes) {
    return Stream.of(classes)
        .map(type -> location(type).toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The jar or class directory that holds {@code type}. */
  static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
