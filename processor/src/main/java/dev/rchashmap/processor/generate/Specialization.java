package dev.rchashmap.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.rchashmap.annotations.Layer;
import dev.rchashmap.processor.model.MapModel;
import dev.rchashmap.processor.model.Names;
import dev.rchashmap.processor.model.TypeModel;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The variation points of one specialization, decided once from its {@link MapModel} and named for
 * the templates: every {@code #if} flag and every named argument a template uses is bound here,
 * and nowhere else. The table in {@code processor/DESIGN.md} lists them.
 */
final class Specialization {
  private static final String RUNTIME = Names.RUNTIME_PACKAGE;

  private final MapModel model;
  private final TypeModel key;
  private final TypeModel value;

  Specialization(MapModel model) {
    this.model = model;
    this.key = model.key();
    this.value = model.value();
  }

  /** The bindings of the template of {@code layer}. */
  Bindings bindings(Layer layer) {
    Bindings bindings = new Bindings(model.typeVariables());
    boolean weak = layer == Layer.WEAK;
    flags(bindings, weak);
    shared(bindings, weak);
    ClassName self = model.className(layer);
    bindings
        .put("self", parameterized(self))
        .put("selfRaw", self)
        .put("simpleName", self.simpleName())
        .put("builder", parameterized(self.nestedClass("Builder")))
        .put("valueFactoryParameter", nestedParameter(self, "ValueFactory", true))
        .put("entryConsumerParameter", nestedParameter(self, "EntryConsumer", false))
        .put("removalListenerParameter", nestedParameter(self, "RemovalListener", false));
    bindings.flag("counted", layer == Layer.COUNTED).flag("rc", layer == Layer.RC);
    switch (layer) {
      case HANDLE:
      case COUNTED:
      case WEAK:
        hashIndex(bindings);
        break;
      case RC:
        ClassName countedMap = model.className(Layer.COUNTED);
        TypeName ref = parameterized(self.nestedClass("Ref"));
        bindings
            .put("countedMap", parameterized(countedMap))
            .put("countedMapRaw", countedMap)
            .put("countedMapBuilder", parameterized(countedMap.nestedClass("Builder")))
            .put("countedCursor", inner(countedMap, "Cursor"))
            .put("ref", ref)
            .put("refIterator", ParameterizedTypeName.get(ClassName.get(Iterator.class), ref))
            .put("typeArguments", typeArguments())
            .put("refWildcard", wildcard(self.nestedClass("Ref")));
        break;
      default:
        throw new AssertionError(layer);
    }
    return bindings;
  }

  /** The variation points that {@code #if} lines test. */
  private void flags(Bindings bindings, boolean weak) {
    bindings
        .flag("weak", weak)
        .flag("borrowed", model.hasBorrowed())
        .flag("weakKey", weak && key.isReference())
        .flag("weakValue", weak && value.isReference())
        .flag("keyIsPrimitive", key.kind() == TypeModel.Kind.PRIMITIVE)
        .flag("keyIsReference", key.isReference())
        .flag("valueIsReference", value.isReference())
        .flag("keyIsTypeVariable", key.kind() == TypeModel.Kind.TYPE_VARIABLE)
        .flag("valueIsTypeVariable", value.kind() == TypeModel.Kind.TYPE_VARIABLE)
        .flag("hasTypeVariables", !model.typeVariables().isEmpty())
        .flag("keyIsFloatingPoint", key.kind() == TypeModel.Kind.PRIMITIVE && key.primitive().isFloatingPoint())
        .flag("fixedEquivalence", model.hasFixedEquivalence())
        .flag("hashIsKey", hashIsKey())
        .flag("hashesAlways", key.isReference() || model.hasFixedEquivalence())
        .flag("valueIsNumeric", value.kind() == TypeModel.Kind.PRIMITIVE && value.primitive().isNumeric());
  }

  /**
   * The named arguments every layer's template may use. A weak map stores each side of a reference
   * type in an {@code Object[]}: the key or value itself, or a weak reference to it.
   */
  private void shared(Bindings bindings, boolean weak) {
    TypeName objects = ArrayTypeName.of(ClassName.OBJECT);
    bindings
        .put("key", key.type())
        .put("value", value.type())
        .put("keyArray", weak && key.isReference() ? objects : ArrayTypeName.of(key.type()))
        .put("valueArray", weak && value.isReference() ? objects : ArrayTypeName.of(value.type()))
        .put("weakness", runtime("Weakness"))
        .put("indexVersion", weak ? "modCount + expunges" : "modCount")
        .put("keyErased", key.kind() == TypeModel.Kind.TYPE_VARIABLE ? ClassName.OBJECT : key.type())
        .put("reference", ClassName.get(java.lang.ref.Reference.class))
        .put("referenceQueueClass", ClassName.get(java.lang.ref.ReferenceQueue.class))
        .put("keyName", key.type().toString().replaceAll("^java\\.lang\\.", ""))
        .put("valueName", value.type().toString().replaceAll("^java\\.lang\\.", ""))
        .put("slotReference", runtime("SlotReference"))
        .put("referenceQueue", ParameterizedTypeName.get(ClassName.get(java.lang.ref.ReferenceQueue.class), ClassName.OBJECT))
        .put("keyReference", ParameterizedTypeName.get(runtime("SlotReference"), key.boxed()))
        .put("valueReference", ParameterizedTypeName.get(runtime("SlotReference"), value.boxed()))
        .put("keyElement", element(key))
        .put("valueElement", element(value))
        .put("keyDimensions", "[]".repeat(dimensions(key)))
        .put("valueDimensions", "[]".repeat(dimensions(value)))
        .put("keyDoc", javadocType(key))
        .put("valueDoc", javadocType(value))
        .put("equivalence", equivalenceType())
        .put("annotation", model.annotationSource())
        .put("diamond", model.typeVariables().isEmpty() ? "" : "<>")
        .put("handles", runtime("Handles"))
        .put("hashing", runtime("Hashing"))
        .put("packedHandles", runtime("PackedHandles"))
        .put("guard", runtime("ReentrancyGuard"))
        .put("duplicateKey", runtime("DuplicateKeyException"))
        .put("reentrancyName", runtime("ReentrancyException").canonicalName())
        .put("staleHandleName", runtime("StaleHandleException").canonicalName())
        .put("throwables", runtime("Throwables"))
        .put("staleHandle", runtime("StaleHandleException"))
        .put("keepalive", runtime("Keepalive"))
        .put("leakDetector", runtime("LeakDetector"))
        .put("leakTracker", runtime("LeakDetector").nestedClass("LeakTracker"))
        .put("mapClosed", runtime("MapClosedException"))
        .put("wrongMap", runtime("WrongMapException"))
        .put("arrays", ClassName.get(java.util.Arrays.class))
        .put("objects", ClassName.get(Objects.class))
        .put("cme", ClassName.get(ConcurrentModificationException.class))
        .put("noSuchElement", ClassName.get(NoSuchElementException.class))
        .put("stringBuilder", ClassName.get(StringBuilder.class))
        .put("keyBoxed", key.boxed())
        .put("valueBoxed", value.boxed());
    javaUtilMap(bindings);
    if (model.hasBorrowed()) {
      TypeModel probe = TypeModel.reference(model.probe(), "");
      bindings
          .put("borrowedClass", model.borrowed())
          .put("borrowedName", model.borrowed().simpleName())
          .put("probe", model.probe())
          .put("probeErased", model.probe())
          .put("probeDoc", javadocType(probe));
    }
  }

  /** The {@code java.util} types of the {@code asMap()} view, boxed for this specialization. */
  private void javaUtilMap(Bindings bindings) {
    ClassName map = ClassName.get(java.util.Map.class);
    ClassName mapEntry = map.nestedClass("Entry");
    TypeName entry = ParameterizedTypeName.get(mapEntry, key.boxed(), value.boxed());
    bindings
        .put("map", map)
        .put("mapEntry", mapEntry)
        .put("mapOfBoxed", ParameterizedTypeName.get(map, key.boxed(), value.boxed()))
        .put(
            "abstractMapOfBoxed",
            ParameterizedTypeName.get(ClassName.get(java.util.AbstractMap.class), key.boxed(), value.boxed()))
        .put("entryOfBoxed", entry)
        .put("setOfEntries", ParameterizedTypeName.get(ClassName.get(java.util.Set.class), entry))
        .put("abstractSetOfEntries", ParameterizedTypeName.get(ClassName.get(java.util.AbstractSet.class), entry))
        .put("iteratorOfEntries", ParameterizedTypeName.get(ClassName.get(Iterator.class), entry));
  }

  /**
   * The named arguments of the storage and hash index that the handle and counted layers share:
   * hashing and comparing keys.
   */
  private void hashIndex(Bindings bindings) {
    bindings
        .put("valueErased", value.kind() == TypeModel.Kind.TYPE_VARIABLE ? ClassName.OBJECT : value.type())
        .put(
            "nullKeysRejected", key.isReference() ? "; {@code null} keys are rejected" : "")
        .put("staticEquivalence", staticEquivalenceType())
        .put("naturalEquivalence", naturalEquivalence())
        .put("defaultHashOfKey", defaultHash(CodeBlock.of("key")))
        .put("defaultHashOfStoredKey", defaultHash(CodeBlock.of("keys[slot]")))
        .put("defaultEqualsStored", defaultEquals(CodeBlock.of("stored"), CodeBlock.of("key")))
        .put("sameValue", sameValue(CodeBlock.of("valueAt(slot)"), CodeBlock.of("theirs")))
        .put("keyHashCode", boxedHashCode(key, CodeBlock.of("keyAt(slot)")))
        .put("valueHashCode", boxedHashCode(value, CodeBlock.of("valueAt(slot)")));
    if (model.hasFixedEquivalence()) {
      bindings.put("fixedEquivalence", model.equivalence());
    }
  }

  private static ClassName runtime(String simpleName) {
    return ClassName.get(RUNTIME, simpleName);
  }

  /**
   * Whether equal hashes prove equal keys with the default equivalence, so probing never reads a
   * stored key: 32-bit-or-narrower primitives, whose mixer is a bijection.
   */
  private boolean hashIsKey() {
    return key.kind() == TypeModel.Kind.PRIMITIVE && key.primitive().hashIsKey();
  }

  /** {@code IntEquivalence}, or {@code Equivalence<? super K>} for reference keys. */
  private TypeName equivalenceType() {
    if (key.kind() == TypeModel.Kind.PRIMITIVE) {
      return key.primitive().equivalence();
    }
    return ParameterizedTypeName.get(runtime("Equivalence"), WildcardTypeName.supertypeOf(key.boxed()));
  }

  /**
   * The equivalence type in a static context, where a type variable cannot appear: {@code
   * Equivalence<Object>} for {@code K}, else {@link #equivalenceType()}.
   */
  private TypeName staticEquivalenceType() {
    return key.kind() == TypeModel.Kind.TYPE_VARIABLE
        ? ParameterizedTypeName.get(runtime("Equivalence"), ClassName.OBJECT)
        : equivalenceType();
  }

  /** The natural equivalence of the key type, as an expression. */
  private CodeBlock naturalEquivalence() {
    if (key.kind() == TypeModel.Kind.PRIMITIVE) {
      return CodeBlock.of("$T.natural()", key.primitive().equivalence());
    }
    return CodeBlock.of("$T.natural()", runtime("Equivalence"));
  }

  /**
   * The default hash of a key, mixed with the map's {@code seed} (never user code for primitives):
   * {@code Hashing.mix} of the key's bits, a bijection for keys of 32 bits or less, or of its
   * {@code hashCode}.
   */
  private CodeBlock defaultHash(CodeBlock keyExpression) {
    CodeBlock bits =
        key.kind() == TypeModel.Kind.PRIMITIVE
            ? key.primitive().bits(keyExpression)
            : CodeBlock.of("$L.hashCode()", keyExpression);
    return CodeBlock.of("$T.mix($L, seed)", runtime("Hashing"), bits);
  }

  /** Whether two values are equal as their boxes' {@code equals} says. */
  private CodeBlock sameValue(CodeBlock a, CodeBlock b) {
    if (value.kind() == TypeModel.Kind.PRIMITIVE) {
      return value.primitive().sameKey(a, b);
    }
    return CodeBlock.of("$T.equals($L, $L)", ClassName.get(Objects.class), a, b);
  }

  /** The {@code hashCode()} of a value's box, without boxing: {@code Long.hashCode(x)}. */
  private static CodeBlock boxedHashCode(TypeModel type, CodeBlock expression) {
    if (type.kind() == TypeModel.Kind.PRIMITIVE) {
      return CodeBlock.of("$T.hashCode($L)", type.boxed(), expression);
    }
    return CodeBlock.of("$T.hashCode($L)", ClassName.get(Objects.class), expression);
  }

  /** Whether {@code stored} equals {@code probe} under the default equivalence. */
  private CodeBlock defaultEquals(CodeBlock stored, CodeBlock probe) {
    if (key.kind() == TypeModel.Kind.PRIMITIVE) {
      return key.primitive().sameKey(stored, probe);
    }
    return CodeBlock.of("$L.equals($L)", probe, stored);
  }

  /**
   * A class of this specialization with its type variables: {@code IntLongHandleHashMap} or {@code
   * ObjObjHandleHashMap<K, V>}.
   */
  private TypeName parameterized(ClassName raw) {
    List<TypeVariableName> variables = model.typeVariables();
    return variables.isEmpty()
        ? raw
        : ParameterizedTypeName.get(raw, variables.toArray(new TypeName[0]));
  }

  /**
   * A nested type of a class of this specialization, through its parameterized enclosing type when
   * the nested type is an inner class: {@code ObjObjCountedHashMap<K, V>.Cursor}.
   */
  private TypeName inner(ClassName enclosing, String simpleName) {
    TypeName outer = parameterized(enclosing);
    return outer instanceof ParameterizedTypeName
        ? ((ParameterizedTypeName) outer).nestedClass(simpleName)
        : enclosing.nestedClass(simpleName);
  }

  /**
   * A nested functional type as a parameter, with the wildcards that let callers pass lambdas of
   * wider types: {@code ValueFactory<? super K, ? extends V>} when the value is produced, {@code
   * EntryConsumer<? super K, ? super V>} when it is consumed.
   */
  private TypeName nestedParameter(ClassName enclosing, String simpleName, boolean valueIsProduced) {
    ClassName nested = enclosing.nestedClass(simpleName);
    if (model.typeVariables().isEmpty()) {
      return nested;
    }
    List<TypeName> arguments = new java.util.ArrayList<>();
    if (key.typeVariable() != null) {
      arguments.add(WildcardTypeName.supertypeOf(key.typeVariable()));
    }
    if (value.typeVariable() != null) {
      arguments.add(
          valueIsProduced
              ? WildcardTypeName.subtypeOf(value.typeVariable())
              : WildcardTypeName.supertypeOf(value.typeVariable()));
    }
    return ParameterizedTypeName.get(nested, arguments.toArray(new TypeName[0]));
  }

  /** {@code <K, V>} for a generic call that has no target type to infer from, else nothing. */
  private String typeArguments() {
    List<TypeVariableName> variables = model.typeVariables();
    return variables.isEmpty()
        ? ""
        : "<" + String.join(", ", variables.stream().map(TypeVariableName::name).toList()) + ">";
  }

  /** A generic nested type with a wildcard for each type variable: {@code Ref<?, ?>}, or raw. */
  private TypeName wildcard(ClassName raw) {
    int count = model.typeVariables().size();
    if (count == 0) {
      return raw;
    }
    TypeName[] arguments = new TypeName[count];
    java.util.Arrays.fill(arguments, WildcardTypeName.subtypeOf(Object.class));
    return ParameterizedTypeName.get(raw, arguments);
  }

  /** {@code {@code int}} or {@code {@code String}} for Javadoc. */
  private static String javadocType(TypeModel type) {
    if (type.kind() == TypeModel.Kind.TYPE_VARIABLE) {
      return "{@code " + type.type() + "}";
    }
    return "{@code " + type.type().toString().replaceAll("^java\\.lang\\.", "") + "}";
  }

  /** The innermost element type of a storage array: {@code int}, {@code Object}, {@code byte}. */
  private static TypeName element(TypeModel type) {
    TypeName element = type.storageType();
    while (element instanceof ArrayTypeName) {
      element = ((ArrayTypeName) element).componentType();
    }
    return element;
  }

  /** How many array dimensions the stored type itself has: 1 for {@code byte[]} keys. */
  private static int dimensions(TypeModel type) {
    int dimensions = 0;
    for (TypeName element = type.storageType(); element instanceof ArrayTypeName; ) {
      element = ((ArrayTypeName) element).componentType();
      dimensions++;
    }
    return dimensions;
  }
}
