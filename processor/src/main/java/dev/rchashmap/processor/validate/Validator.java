package dev.rchashmap.processor.validate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.rchashmap.annotations.Layer;
import dev.rchashmap.processor.extract.MapRequest;
import dev.rchashmap.processor.model.MapModel;
import dev.rchashmap.processor.model.Names;
import dev.rchashmap.processor.model.Primitive;
import dev.rchashmap.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@link MapRequest} and turns it into a {@link MapModel}, or reports every problem
 * found. Checks that need more than one annotation (name clashes) are made by {@link NameRegistry}.
 */
public final class Validator {
  private final Elements elements;
  private final Types types;

  /** Creates a validator over javac's model utilities. */
  public Validator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The outcome: a model when {@code problems} is empty. */
  public record Result(MapModel model, List<Problem> problems) {}

  /** Validates {@code request}. */
  public Result validate(MapRequest request) {
    List<Problem> problems = new ArrayList<>();
    String packageName = packageOf(request.element()).getQualifiedName().toString();

    TypeModel key = typeModel(request, request.key(), request.keyValue(), "key", "K", packageName, problems);
    TypeModel value =
        typeModel(request, request.value(), request.valueValue(), "value", "V", packageName, problems);

    Set<Layer> layers = EnumSet.noneOf(Layer.class);
    for (String layer : request.layers()) {
      layers.add(Layer.valueOf(layer));
    }
    // The Rc layer is built on the counted layer, which is generated with it. The counted layer has
    // storage and an index of its own (the same template as the handle layer), so it needs no
    // handle layer.
    if (layers.contains(Layer.RC)) {
      layers.add(Layer.COUNTED);
    }
    if (layers.isEmpty()) {
      problems.add(
          problem(
              request,
              request.layersValue(),
              "layers is empty, so nothing would be generated: list at least one of Layer.HANDLE,"
                  + " Layer.COUNTED and Layer.RC, or leave layers out to generate all three"));
    }
    if (layers.contains(Layer.WEAK) && key != null && value != null && !key.isReference() && !value.isReference()) {
      problems.add(
          problem(
              request,
              request.layersValue(),
              "Layer.WEAK needs a key or a value of a reference type, and "
                  + request.key()
                  + " and "
                  + request.value()
                  + " are primitives, which a map can only hold strongly: make one of them a class"
                  + " (Object.class, for example), or leave Layer.WEAK out"));
    }

    ClassName equivalence = null;
    if (request.equivalence() != null) {
      equivalence = equivalence(request, key, packageName, problems);
    } else if (key != null && key.isArray()) {
      problems.add(
          problem(
              request,
              request.keyValue(),
              "key "
                  + request.key()
                  + " is an array, and arrays compare by identity, not by content: name an"
                  + " equivalence, for example equivalence = MyArrayEquivalence.class with"
                  + " MyArrayEquivalence implementing "
                  + Names.EQUIVALENCE
                  + "<"
                  + request.key()
                  + "> through java.util.Arrays.equals and hashCode"));
    }

    Borrowed borrowed = null;
    if (request.borrowed() != null) {
      borrowed = borrowed(request, key, packageName, problems);
    }

    String prefix = request.prefix();
    if (prefix.isEmpty() && key != null && value != null) {
      prefix = key.prefix() + value.prefix();
    }
    if (!request.prefix().isEmpty() && !isValidPrefix(prefix)) {
      problems.add(
          problem(
              request,
              request.prefixValue(),
              "prefix \""
                  + prefix
                  + "\" does not make a valid class name ("
                  + prefix
                  + "HandleHashMap): use a Java identifier such as \"Symbol\""));
    }

    if (!problems.isEmpty()) {
      return new Result(null, problems);
    }
    MapModel model =
        new MapModel(
            request.element(),
            packageName,
            prefix,
            key,
            value,
            layers,
            equivalence,
            borrowed == null ? null : borrowed.type(),
            borrowed == null ? null : borrowed.probe(),
            annotationSource(request));
    return new Result(model, List.of());
  }

  private TypeModel typeModel(
      MapRequest request,
      TypeMirror type,
      AnnotationValue at,
      String attribute,
      String typeVariable,
      String packageName,
      List<Problem> problems) {
    if (type.getKind() == TypeKind.VOID) {
      problems.add(
          problem(
              request,
              at,
              attribute
                  + " must not be void: use a primitive class such as int.class, Object.class for"
                  + " any object, or a class such as String.class"));
      return null;
    }
    if (type.getKind().isPrimitive()) {
      return TypeModel.primitive(Primitive.of(type.getKind()));
    }
    if (type.getKind() == TypeKind.ARRAY) {
      TypeModel component =
          typeModel(
              request,
              ((ArrayType) type).getComponentType(),
              at,
              attribute,
              typeVariable,
              packageName,
              problems);
      if (component == null) {
        return null;
      }
      TypeName componentType =
          component.kind() == TypeModel.Kind.TYPE_VARIABLE ? ClassName.OBJECT : component.type();
      return TypeModel.reference(ArrayTypeName.of(componentType), component.prefix() + "Array");
    }
    if (type.getKind() != TypeKind.DECLARED) {
      problems.add(problem(request, at, attribute + " " + type + " is not a class"));
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getQualifiedName().contentEquals("java.lang.Object")) {
      return TypeModel.typeVariable(typeVariable);
    }
    if (isGeneric(element)) {
      problems.add(
          problem(
              request,
              at,
              attribute
                  + " "
                  + element.getQualifiedName()
                  + " is generic, and a class literal cannot give its type arguments: use"
                  + " Object.class, which makes the generated maps generic in "
                  + typeVariable));
      return null;
    }
    if (!isAccessibleFrom(element, packageName)) {
      problems.add(
          problem(
              request,
              at,
              attribute
                  + " "
                  + element.getQualifiedName()
                  + " is not accessible from package "
                  + displayPackage(packageName)
                  + ", where the maps are generated: make it public"));
      return null;
    }
    return TypeModel.reference(ClassName.get(element), element.getSimpleName().toString());
  }

  /**
   * Whether naming the class needs type arguments: it has type parameters, or it is an inner
   * (non-static) class of a class that does.
   */
  private static boolean isGeneric(TypeElement element) {
    for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
      TypeElement type = (TypeElement) e;
      if (!type.getTypeParameters().isEmpty()) {
        return true;
      }
      if (type.getNestingKind() != NestingKind.MEMBER || type.getModifiers().contains(Modifier.STATIC)
          || type.getKind().isInterface() || type.getKind() == ElementKind.ENUM
          || type.getKind() == ElementKind.RECORD) {
        return false;
      }
    }
    return false;
  }

  private ClassName equivalence(
      MapRequest request, TypeModel key, String packageName, List<Problem> problems) {
    TypeMirror type = request.equivalence();
    AnnotationValue at = request.equivalenceValue();
    if (key == null) {
      return null;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      problems.add(problem(request, at, "equivalence " + type + " is not a class"));
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    TypeMirror required = requiredEquivalence(key);
    String requiredName =
        key.kind() == TypeModel.Kind.PRIMITIVE
            ? key.primitive().equivalence().canonicalName()
            : Names.EQUIVALENCE + "<" + (key.kind() == TypeModel.Kind.TYPE_VARIABLE ? "Object" : key.type()) + ">";
    // isSubtype, not isAssignable: a raw implementation would need an unchecked conversion.
    if (required == null || !types.isSubtype(type, required)) {
      problems.add(
          problem(
              request,
              at,
              "equivalence "
                  + element.getQualifiedName()
                  + " must implement "
                  + requiredName
                  + " to compare "
                  + (key.kind() == TypeModel.Kind.TYPE_VARIABLE ? "Object" : key.type())
                  + " keys"));
      return null;
    }
    if ((element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD)
        || element.getModifiers().contains(Modifier.ABSTRACT)
        || (element.getNestingKind() == NestingKind.MEMBER
            && !element.getModifiers().contains(Modifier.STATIC))
        || element.getNestingKind() == NestingKind.LOCAL
        || element.getNestingKind() == NestingKind.ANONYMOUS
        || !element.getTypeParameters().isEmpty()) {
      problems.add(
          problem(
              request,
              at,
              "equivalence "
                  + element.getQualifiedName()
                  + " cannot be instantiated by the generated maps: it must be a concrete,"
                  + " non-generic, top-level or static nested class"));
      return null;
    }
    if (!isAccessibleFrom(element, packageName) || !hasAccessibleNoArgConstructor(element, packageName)) {
      problems.add(
          problem(
              request,
              at,
              "equivalence "
                  + element.getQualifiedName()
                  + " needs a public no-argument constructor, and the class must be public"));
      return null;
    }
    return ClassName.get(element);
  }

  /** A validated borrowed equivalence: its class and the probe type of its lookups. */
  private record Borrowed(ClassName type, TypeName probe) {}

  /**
   * Checks the {@code borrowed} class: a concrete class with a public no-argument constructor
   * implementing {@code BorrowedEquivalence<K, Q>} for this key type {@code K} (for {@code Object}
   * keys, {@code K} is {@code Object}), for a key of a reference type, with a probe type {@code Q}
   * that differs from the key type (or the lookups by key and by probe would clash).
   */
  private Borrowed borrowed(
      MapRequest request, TypeModel key, String packageName, List<Problem> problems) {
    TypeMirror type = request.borrowed();
    AnnotationValue at = request.borrowedValue();
    if (key == null) {
      return null;
    }
    if (!key.isReference()) {
      problems.add(
          problem(
              request,
              at,
              "borrowed lookups need a key of a reference type, and "
                  + request.key()
                  + " is a primitive: parse the borrowed form into the key and look that up, which"
                  + " allocates nothing, or leave borrowed out"));
      return null;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      problems.add(problem(request, at, "borrowed " + type + " is not a class"));
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String keyName = key.kind() == TypeModel.Kind.TYPE_VARIABLE ? "Object" : key.type().toString();
    DeclaredType implemented = borrowedSupertype(type);
    TypeMirror keyType = keyMirror(key);
    if (implemented == null
        || implemented.getTypeArguments().size() != 2
        || !types.isSameType(implemented.getTypeArguments().get(0), keyType)) {
      problems.add(
          problem(
              request,
              at,
              "borrowed "
                  + element.getQualifiedName()
                  + " must implement "
                  + Names.BORROWED_EQUIVALENCE
                  + "<"
                  + keyName
                  + ", Q> to look up "
                  + keyName
                  + " keys by a borrowed form Q"));
      return null;
    }
    TypeMirror probe = implemented.getTypeArguments().get(1);
    if ((probe.getKind() != TypeKind.DECLARED && probe.getKind() != TypeKind.ARRAY)
        || (probe.getKind() == TypeKind.DECLARED
            && !((DeclaredType) probe).getTypeArguments().isEmpty())) {
      problems.add(
          problem(
              request,
              at,
              "borrowed "
                  + element.getQualifiedName()
                  + " takes probes of type "
                  + probe
                  + ": the borrowed form must be a non-generic class, interface or array"));
      return null;
    }
    if (types.isSameType(types.erasure(probe), types.erasure(keyType))) {
      problems.add(
          problem(
              request,
              at,
              "borrowed "
                  + element.getQualifiedName()
                  + " takes probes of the key type "
                  + probe
                  + " itself, so find(key) and find(probe) would clash: the borrowed form must be"
                  + " another type"));
      return null;
    }
    if ((element.getKind() != ElementKind.CLASS && element.getKind() != ElementKind.RECORD)
        || element.getModifiers().contains(Modifier.ABSTRACT)
        || (element.getNestingKind() == NestingKind.MEMBER
            && !element.getModifiers().contains(Modifier.STATIC))
        || element.getNestingKind() == NestingKind.LOCAL
        || element.getNestingKind() == NestingKind.ANONYMOUS
        || !element.getTypeParameters().isEmpty()
        || !isAccessibleFrom(element, packageName)
        || !hasAccessibleNoArgConstructor(element, packageName)) {
      problems.add(
          problem(
              request,
              at,
              "borrowed "
                  + element.getQualifiedName()
                  + " cannot be instantiated by the generated maps: it must be a public, concrete,"
                  + " non-generic, top-level or static nested class with a public no-argument"
                  + " constructor"));
      return null;
    }
    return new Borrowed(ClassName.get(element), TypeName.get(probe));
  }

  /** The {@code BorrowedEquivalence<K, Q>} a type implements, or {@code null}. */
  private DeclaredType borrowedSupertype(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(Names.BORROWED_EQUIVALENCE)) {
      return declared;
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      DeclaredType found = borrowedSupertype(supertype);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** {@code IntEquivalence} for {@code int} keys, {@code Equivalence<? super T>} for references. */
  private TypeMirror requiredEquivalence(TypeModel key) {
    if (key.kind() == TypeModel.Kind.PRIMITIVE) {
      TypeElement primitive = elements.getTypeElement(key.primitive().equivalence().canonicalName());
      return primitive == null ? null : primitive.asType();
    }
    TypeElement equivalence = elements.getTypeElement(Names.EQUIVALENCE);
    if (equivalence == null) {
      return null;
    }
    TypeMirror keyType = keyMirror(key);
    return types.getDeclaredType(equivalence, types.getWildcardType(null, keyType));
  }

  private TypeMirror keyMirror(TypeModel key) {
    if (key.kind() == TypeModel.Kind.TYPE_VARIABLE) {
      return elements.getTypeElement("java.lang.Object").asType();
    }
    return mirrorOf(key.type());
  }

  private TypeMirror mirrorOf(TypeName type) {
    if (type instanceof ArrayTypeName) {
      return types.getArrayType(mirrorOf(((ArrayTypeName) type).componentType()));
    }
    if (type.isPrimitive()) {
      return types.getPrimitiveType(primitiveKind(type));
    }
    return elements.getTypeElement(((ClassName) type).canonicalName()).asType();
  }

  private static TypeKind primitiveKind(TypeName type) {
    for (Primitive primitive : Primitive.values()) {
      if (primitive.type().equals(type)) {
        return TypeKind.valueOf(primitive.name());
      }
    }
    throw new IllegalArgumentException(type.toString());
  }

  private boolean hasAccessibleNoArgConstructor(TypeElement element, String packageName) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()) {
        Set<Modifier> modifiers = constructor.getModifiers();
        return modifiers.contains(Modifier.PUBLIC)
            || (!modifiers.contains(Modifier.PRIVATE)
                && packageOf(element).getQualifiedName().contentEquals(packageName));
      }
    }
    return false;
  }

  /** Whether generated code in {@code packageName} can name {@code element}. */
  private boolean isAccessibleFrom(TypeElement element, String packageName) {
    boolean samePackage = packageOf(element).getQualifiedName().contentEquals(packageName);
    for (Element e = element; e instanceof TypeElement; e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!modifiers.contains(Modifier.PUBLIC) && !samePackage) {
        return false;
      }
    }
    return true;
  }

  private PackageElement packageOf(Element element) {
    return elements.getPackageOf(element);
  }

  static boolean isValidPrefix(String prefix) {
    String name = prefix + "HandleHashMap";
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }

  private static String displayPackage(String packageName) {
    return packageName.isEmpty() ? "(unnamed)" : packageName;
  }

  /** The annotation in canonical form, for the generated Javadoc: deterministic on every compiler. */
  private static String annotationSource(MapRequest request) {
    StringBuilder source = new StringBuilder("@GenerateMaps(key = ");
    source.append(classLiteral(request.key())).append(", value = ").append(classLiteral(request.value()));
    if (!request.prefix().isEmpty()) {
      source.append(", prefix = \"").append(request.prefix()).append('"');
    }
    if (request.layersValue() != null) {
      String names = request.layers().stream().distinct().map(layer -> "Layer." + layer).collect(Collectors.joining(", "));
      source.append(", layers = ").append(request.layers().stream().distinct().count() == 1 ? names : "{" + names + "}");
    }
    if (request.equivalence() != null) {
      source.append(", equivalence = ").append(classLiteral(request.equivalence()));
    }
    if (request.borrowed() != null) {
      source.append(", borrowed = ").append(classLiteral(request.borrowed()));
    }
    return source.append(')').toString();
  }

  private static String classLiteral(TypeMirror type) {
    String name = type.toString();
    int lastDot = name.lastIndexOf('.', name.indexOf('[') < 0 ? name.length() : name.indexOf('['));
    return (lastDot < 0 ? name : name.substring(lastDot + 1)) + ".class";
  }

  private static Problem problem(MapRequest request, AnnotationValue value, String message) {
    return new Problem(message, request.element(), request.mirror(), value, request.repetition());
  }
}
