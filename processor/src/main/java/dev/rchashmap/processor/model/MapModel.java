package dev.rchashmap.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.rchashmap.annotations.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * One validated {@code @GenerateMaps} annotation: everything the generator needs, and nothing of
 * javac's model but the originating element.
 *
 * @param origin the annotated package or type, recorded as the originating element of every file
 * @param packageName the package of the generated classes
 * @param prefix the class-name prefix, such as {@code IntLong}
 * @param key the key type
 * @param value the value type
 * @param layers the layers to generate
 * @param equivalence the custom key equivalence named by the annotation, or {@code null}
 * @param borrowed the borrowed equivalence named by the annotation, or {@code null}
 * @param probe the borrowed form its lookups take ({@code Q} of {@code BorrowedEquivalence<K, Q>}),
 *     or {@code null}
 * @param annotationSource the annotation as written, for the generated Javadoc
 */
public record MapModel(
    Element origin,
    String packageName,
    String prefix,
    TypeModel key,
    TypeModel value,
    Set<Layer> layers,
    ClassName equivalence,
    ClassName borrowed,
    TypeName probe,
    String annotationSource) {

  /** The suffix of each layer's class name. */
  public static String suffix(Layer layer) {
    switch (layer) {
      case HANDLE:
        return "HandleHashMap";
      case COUNTED:
        return "CountedHashMap";
      case RC:
        return "RcHashMap";
      case WEAK:
        return "WeakHandleHashMap";
      default:
        throw new AssertionError(layer);
    }
  }

  /**
   * The template a layer is written from: its own, but for {@code WEAK}, which is the handle map's
   * template with weak sides.
   */
  public static String template(Layer layer) {
    return layer == Layer.WEAK ? suffix(Layer.HANDLE) : suffix(layer);
  }

  /** The generated class of a layer, such as {@code com.example.IntLongHandleHashMap}. */
  public ClassName className(Layer layer) {
    return ClassName.get(packageName, prefix + suffix(layer));
  }

  /** The type variables of every generated class: {@code K} and/or {@code V}, in that order. */
  public List<TypeVariableName> typeVariables() {
    List<TypeVariableName> variables = new ArrayList<>(2);
    if (key.typeVariable() != null) {
      variables.add(key.typeVariable());
    }
    if (value.typeVariable() != null) {
      variables.add(value.typeVariable());
    }
    return variables;
  }



  /** Whether the annotation names a borrowed equivalence, which adds lookups by a borrowed form. */
  public boolean hasBorrowed() {
    return borrowed != null;
  }

  /** Whether the annotation names an equivalence, which then is the default of every map. */
  public boolean hasFixedEquivalence() {
    return equivalence != null;
  }
}
