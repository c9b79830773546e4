package dev.rchashmap.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.rchashmap.processor.model.MapModel;
import dev.rchashmap.processor.model.Names;
import dev.rchashmap.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The code fragments that differ between specializations: how a key is hashed and compared, how a
 * stored key or value is read, which equivalence type a map takes. Every layer's generator writes
 * its type-dependent code through here, so each decision has one place.
 */
final class Snippets {
  static final ClassName HANDLES = ClassName.get(Names.RUNTIME_PACKAGE, "Handles");
  static final ClassName HASHING = ClassName.get(Names.RUNTIME_PACKAGE, "Hashing");
  static final ClassName PACKED_HANDLES = ClassName.get(Names.RUNTIME_PACKAGE, "PackedHandles");
  static final ClassName GUARD = ClassName.get(Names.RUNTIME_PACKAGE, "ReentrancyGuard");
  static final ClassName DUPLICATE_KEY = ClassName.get(Names.RUNTIME_PACKAGE, "DuplicateKeyException");
  static final ClassName STALE_HANDLE = ClassName.get(Names.RUNTIME_PACKAGE, "StaleHandleException");
  static final ClassName EQUIVALENCE = ClassName.get(Names.RUNTIME_PACKAGE, "Equivalence");
  static final ClassName REENTRANCY = ClassName.get(Names.RUNTIME_PACKAGE, "ReentrancyException");

  /**
   * The qualified name of a type that a generated class names only in its Javadoc. Through {@code
   * $T} JavaPoet would import it, and compilers that do not read Javadoc (batch ECJ) would then
   * warn of an unused import.
   */
  static String javadocOnly(ClassName type) {
    return type.canonicalName();
  }

  final MapModel model;
  final TypeModel key;
  final TypeModel value;

  Snippets(MapModel model) {
    this.model = model;
    this.key = model.key();
    this.value = model.value();
  }

  /** The key type in the API: {@code int}, {@code K}, {@code String}. */
  TypeName keyType() {
    return key.type();
  }

  /** The value type in the API: {@code long}, {@code V}, {@code String}. */
  TypeName valueType() {
    return value.type();
  }

  /** {@code IntEquivalence}, or {@code Equivalence<? super K>} for reference keys. */
  TypeName equivalenceType() {
    if (key.kind() == TypeModel.Kind.PRIMITIVE) {
      return key.primitive().equivalence();
    }
    return ParameterizedTypeName.get(EQUIVALENCE, WildcardTypeName.supertypeOf(key.boxed()));
  }

  /**
   * The equivalence type in a static context, where a type variable cannot appear: {@code
   * Equivalence<Object>} for {@code K} (what the validator requires of an annotation's
   * equivalence for {@code Object} keys), else {@link #equivalenceType()}.
   */
  TypeName staticEquivalenceType() {
    return key.kind() == TypeModel.Kind.TYPE_VARIABLE
        ? ParameterizedTypeName.get(EQUIVALENCE, ClassName.OBJECT)
        : equivalenceType();
  }

  /** The natural equivalence of the key type, as an expression. */
  CodeBlock naturalEquivalence() {
    if (key.kind() == TypeModel.Kind.PRIMITIVE) {
      return CodeBlock.of("$T.natural()", key.primitive().equivalence());
    }
    return CodeBlock.of("$T.natural()", EQUIVALENCE);
  }

  /**
   * Whether the map may hold a {@code null} equivalence meaning "the default". A map whose
   * annotation names an equivalence always holds one.
   */
  boolean defaultEquivalenceIsNull() {
    return !model.hasFixedEquivalence();
  }

  /**
   * Whether equal hashes prove equal keys with the default equivalence, so probing never reads a
   * stored key: 32-bit-or-narrower primitives, whose mixer is a bijection.
   */
  boolean hashIsKey() {
    return key.kind() == TypeModel.Kind.PRIMITIVE && key.primitive().hashIsKey();
  }

  /**
   * Whether computing a key's hash can run user code in every map of this class, so each slot
   * keeps its hash: references, and maps with a fixed custom equivalence. Maps of primitive keys
   * keep hashes only while a custom equivalence is set.
   */
  boolean hashesAlways() {
    return key.isReference() || model.hasFixedEquivalence();
  }

  /**
   * The default hash of {@code key} (never user code for primitives): three cheap operations for
   * keys of 32 bits or less, whose result is a bijection of the key, murmur3's finalizer otherwise.
   */
  CodeBlock defaultHash(CodeBlock keyExpression) {
    if (hashIsKey()) {
      return CodeBlock.of("$T.spread($L)", HASHING, key.primitive().bits(keyExpression));
    }
    if (key.kind() == TypeModel.Kind.PRIMITIVE) {
      return CodeBlock.of("$T.mix($L)", HASHING, key.primitive().bits(keyExpression));
    }
    return CodeBlock.of("$T.mix($L.hashCode())", HASHING, keyExpression);
  }

  /** Whether {@code stored} (read from a slot) equals {@code probe} under the default equivalence. */
  CodeBlock defaultEquals(CodeBlock stored, CodeBlock probe) {
    if (key.kind() == TypeModel.Kind.PRIMITIVE) {
      return CodeBlock.of(
          "$L == $L", key.primitive().bits(stored), key.primitive().bits(probe));
    }
    return CodeBlock.of("$L.equals($L)", probe, stored);
  }

  /** Reads the key of a slot with its API type (a cast for type variables). */
  CodeBlock keyAt(String slot) {
    return keyAt(CodeBlock.of("$L", slot));
  }

  /** As {@link #keyAt(String)}, for a slot computed by a code block. */
  CodeBlock keyAt(CodeBlock slot) {
    return key.kind() == TypeModel.Kind.TYPE_VARIABLE
        ? CodeBlock.of("keyAt($L)", slot)
        : CodeBlock.of("keys[$L]", slot);
  }

  /** Reads the value of a slot with its API type (a cast for type variables). */
  CodeBlock valueAt(String slot) {
    return valueAt(CodeBlock.of("$L", slot));
  }

  /** As {@link #valueAt(String)}, for a slot computed by a code block. */
  CodeBlock valueAt(CodeBlock slot) {
    return value.kind() == TypeModel.Kind.TYPE_VARIABLE
        ? CodeBlock.of("valueAt($L)", slot)
        : CodeBlock.of("values[$L]", slot);
  }

  /** The type variables of the generated class, such as {@code K, V}. */
  List<TypeVariableName> typeVariables() {
    return model.typeVariables();
  }

  /**
   * A nested type of the generated class parameterized by the class's type variables, such as
   * {@code ValueFactory<K, V>}, or the raw name when the class has none.
   */
  TypeName nested(ClassName enclosing, String simpleName) {
    return parameterized(enclosing.nestedClass(simpleName));
  }

  /**
   * A nested functional type as a parameter, with the wildcards that let callers pass lambdas of
   * wider types: {@code ValueFactory<? super K, ? extends V>} when the value is produced, {@code
   * EntryConsumer<? super K, ? super V>} when it is consumed.
   */
  TypeName nestedParameter(ClassName enclosing, String simpleName, boolean valueIsProduced) {
    ClassName nested = enclosing.nestedClass(simpleName);
    if (typeVariables().isEmpty()) {
      return nested;
    }
    List<TypeName> arguments = new ArrayList<>();
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

  /** The {@code @param <K>}/{@code @param <V>} Javadoc lines of the class's type variables. */
  String typeParamsDoc() {
    StringBuilder doc = new StringBuilder();
    if (key.typeVariable() != null) {
      doc.append("@param <K> the key type\n");
    }
    if (value.typeVariable() != null) {
      doc.append("@param <V> the value type\n");
    }
    return doc.toString();
  }

  /** {@code "<>"} when the class has type variables, for constructor calls; else {@code ""}. */
  String diamond() {
    return typeVariables().isEmpty() ? "" : "<>";
  }

  /**
   * A class of this specialization with its type variables: {@code IntLongHandleHashMap} or {@code
   * ObjObjHandleHashMap<K, V>}.
   */
  TypeName parameterized(ClassName raw) {
    return typeVariables().isEmpty()
        ? raw
        : ParameterizedTypeName.get(raw, typeVariables().toArray(new TypeName[0]));
  }

  /**
   * A nested type of a class of this specialization, through its parameterized enclosing type when
   * the nested type is an inner class: {@code ObjObjCountedHashMap<K, V>.Cursor}.
   */
  TypeName inner(ClassName enclosing, String simpleName) {
    TypeName outer = parameterized(enclosing);
    return outer instanceof ParameterizedTypeName
        ? ((ParameterizedTypeName) outer).nestedClass(simpleName)
        : enclosing.nestedClass(simpleName);
  }

  /**
   * A fluent setter of a generated builder: {@code Builder name(Type name)}, running {@code
   * statement} and returning the builder.
   */
  static MethodSpec builderSetter(
      TypeName builder, String name, TypeName type, String summary, String paramDoc, String statement) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(builder)
        .addParameter(type, name)
        .addJavadoc("$L\n\n", summary)
        .addJavadoc("@param $L $L\n", name, paramDoc)
        .addJavadoc("@return this builder\n")
        .addStatement(statement)
        .addStatement("return this")
        .build();
  }

  /**
   * The {@code expectedSize} and {@code equivalence} setters that every layer's builder has; {@code
   * store} formats the statement that keeps a value, given the setter's name (for example {@code
   * "this.%1$s = %1$s"}, or {@code "entries.%1$s(%1$s)"} to pass it to the builder of the layer
   * below).
   */
  List<MethodSpec> sizeAndEquivalenceSetters(TypeName builder, String store) {
    return List.of(
        builderSetter(
            builder,
            "expectedSize",
            TypeName.INT,
            "Sets the number of entries the map holds before it grows.",
            "the number of entries, not negative",
            String.format(store, "expectedSize")),
        builderSetter(
            builder,
            "equivalence",
            equivalenceType(),
            "Sets how keys are hashed and compared; {@code null} restores the default.",
            "the key equivalence, or {@code null}",
            String.format(store, "equivalence")));
  }

  /** The {@code removalListener} setter of the counted and Rc layers' builders. */
  static MethodSpec removalListenerSetter(TypeName builder, TypeName listenerType) {
    return builderSetter(
        builder,
        "removalListener",
        listenerType,
        "Sets the listener told of every entry that leaves the map; {@code null} for none.",
        "receives the key and value of each removed entry, or {@code null}",
        "this.removalListener = removalListener");
  }

  /** {@code {@code int}} or a {@code {@link String}} link for Javadoc. */
  String javadocType(TypeModel type) {
    if (type.kind() == TypeModel.Kind.TYPE_VARIABLE) {
      return "{@code " + type.type() + "}";
    }
    return "{@code " + type.type().toString().replaceAll("^java\\.lang\\.", "") + "}";
  }
}
