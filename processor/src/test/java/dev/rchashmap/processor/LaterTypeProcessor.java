package dev.rchashmap.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A stand-in for another annotation processor: triggered by its own annotation {@code
 * @test.MakeLater}, it generates the class {@code test.Later} in the first round, so sources can
 * name {@code Later} in {@code @GenerateMaps} before it exists.
 *
 * <p>It is triggered by an annotation of its own, not by {@code "*"}, like real processors: javac
 * offers a round's annotations to each processor in turn only while some are unclaimed, so a
 * {@code "*"} processor placed after one that claims every annotation present would never run.
 */
final class LaterTypeProcessor extends AbstractProcessor {
  /** The qualified name of the class generated in the first round. */
  static final String LATER = "test.Later";

  /** The annotation that triggers this processor. */
  static final String TRIGGER = "test.MakeLater";

  private boolean done;

  /** The declaration of the trigger annotation, to compile with the sources that use it. */
  static SourceFile triggerSource() {
    return SourceFile.of(
        TRIGGER,
        "package test;",
        "/** Makes the test processor generate {@code test.Later}. */",
        "public @interface MakeLater {}");
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(TRIGGER);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!done && !annotations.isEmpty()) {
      done = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile(LATER).openWriter()) {
        writer.write(
            "package test;\n\n/** Generated in round 1 by a test processor. */\n"
                + "public final class Later {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return true;
  }
}
