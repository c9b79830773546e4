package dev.rchashmap.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.PackageTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.rchashmap.processor.model.Names;
import dev.rchashmap.processor.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Reports {@link Problem}s as compiler errors on the annotation value at fault.
 *
 * <p>{@link Messager} places an error on {@code (element, mirror, value)}, except inside repeated
 * annotations: javac then sees only the synthetic {@code @GenerateMaps.List} container and falls
 * back to the annotated element. For those, on javac, this class finds the written annotation and
 * attribute through the {@link Trees} API; on other compilers it keeps {@code Messager}'s place.
 */
final class Reporter {
  private final Messager messager;
  private final Elements elements;
  private final Trees trees;

  Reporter(ProcessingEnvironment environment) {
    this.messager = environment.getMessager();
    this.elements = environment.getElementUtils();
    this.trees = treesOrNull(environment);
  }

  private static Trees treesOrNull(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (IllegalArgumentException | LinkageError e) {
      return null; // not javac (ECJ, for one): Messager alone decides the place
    }
  }

  /** Reports {@code problem} as an error, as close to the value at fault as the compiler allows. */
  void report(Problem problem) {
    if (problem.repetition() >= 0 && trees != null && reportInTree(problem)) {
      return;
    }
    Element at = messagerElement(problem.element());
    if (problem.value() != null) {
      messager.printMessage(
          Diagnostic.Kind.ERROR, problem.message(), at, problem.mirror(), problem.value());
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, problem.message(), at, problem.mirror());
    }
  }

  /**
   * The element to report on. ECJ's {@code Messager} gives an error on a package element no file
   * or line; it models {@code package-info.java} as a synthetic type carrying the package's
   * annotations, and reports on that one precisely, inside repeated annotations too.
   */
  private Element messagerElement(Element element) {
    if (trees == null && element instanceof PackageElement) {
      TypeElement packageInfo =
          elements.getTypeElement(((PackageElement) element).getQualifiedName() + ".package-info");
      if (packageInfo != null) {
        return packageInfo;
      }
    }
    return element;
  }

  /** Places the error on the repeated annotation's tree; {@code false} if it cannot be found. */
  private boolean reportInTree(Problem problem) {
    TreePath path = trees.getPath(problem.element());
    if (path == null) {
      return false;
    }
    List<AnnotationTree> repeated = new ArrayList<>();
    for (AnnotationTree annotation : annotationsOf(path)) {
      if (isGenerateMaps(annotation.getAnnotationType())) {
        repeated.add(annotation);
      }
    }
    if (problem.repetition() >= repeated.size()) {
      return false;
    }
    AnnotationTree annotation = repeated.get(problem.repetition());
    Tree at = annotation;
    String attribute = attributeOf(problem);
    if (attribute != null) {
      for (ExpressionTree argument : annotation.getArguments()) {
        if (argument instanceof AssignmentTree
            && ((AssignmentTree) argument).getVariable() instanceof IdentifierTree
            && ((IdentifierTree) ((AssignmentTree) argument).getVariable())
                .getName()
                .contentEquals(attribute)) {
          at = ((AssignmentTree) argument).getExpression();
        }
      }
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    trees.printMessage(Diagnostic.Kind.ERROR, problem.message(), at, unit);
    return true;
  }

  private static List<? extends AnnotationTree> annotationsOf(TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof ClassTree) {
      return ((ClassTree) leaf).getModifiers().getAnnotations();
    }
    if (leaf instanceof PackageTree) {
      return ((PackageTree) leaf).getAnnotations();
    }
    if (leaf instanceof CompilationUnitTree && ((CompilationUnitTree) leaf).getPackage() != null) {
      return ((CompilationUnitTree) leaf).getPackage().getAnnotations();
    }
    return List.of();
  }

  /** Whether an annotation's type, as written ({@code GenerateMaps} or qualified), is ours. */
  private static boolean isGenerateMaps(Tree type) {
    String written = type.toString();
    return written.equals("GenerateMaps") || written.equals(Names.GENERATE_MAPS);
  }

  /** The name of the attribute whose value is at fault, or {@code null}. */
  private static String attributeOf(Problem problem) {
    if (problem.value() == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        problem.mirror().getElementValues().entrySet()) {
      if (entry.getValue() == problem.value()) {
        return entry.getKey().getSimpleName().toString();
      }
    }
    return null;
  }
}
