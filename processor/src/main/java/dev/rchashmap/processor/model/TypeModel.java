package dev.rchashmap.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;

/**
 * A key or value type as the generator sees it.
 *
 * @param kind what sort of type it is
 * @param type the type in the generated API: {@code int}, the type variable {@code K}, {@code
 *     String}, {@code byte[]}
 * @param primitive the primitive, or {@code null} when {@code kind} is not {@link Kind#PRIMITIVE}
 * @param prefix the name this type contributes to a derived class-name prefix
 */
public record TypeModel(Kind kind, TypeName type, Primitive primitive, String prefix) {

  /** The sorts of key and value types. */
  public enum Kind {
    /** One of the eight primitives, stored in a primitive array. */
    PRIMITIVE,
    /** {@code Object.class}: a type variable of the generated class, stored in {@code Object[]}. */
    TYPE_VARIABLE,
    /** Any other class, interface or array type, used as it is and stored in an array of it. */
    REFERENCE
  }

  /** A primitive key or value. */
  public static TypeModel primitive(Primitive primitive) {
    return new TypeModel(Kind.PRIMITIVE, primitive.type(), primitive, primitive.prefix());
  }

  /** {@code Object.class} as the key ({@code K}) or the value ({@code V}). */
  public static TypeModel typeVariable(String name) {
    return new TypeModel(Kind.TYPE_VARIABLE, TypeVariableName.get(name), null, "Obj");
  }

  /** Any other reference type, used as it is. */
  public static TypeModel reference(TypeName type, String prefix) {
    return new TypeModel(Kind.REFERENCE, type, null, prefix);
  }

  /** Whether values of this type are references (so stored slots must be cleared for the GC). */
  public boolean isReference() {
    return kind != Kind.PRIMITIVE;
  }

  /** Whether this is an array type, which has no useful {@code equals}/{@code hashCode}. */
  public boolean isArray() {
    return type instanceof ArrayTypeName;
  }

  /** The type variable, or {@code null} when this type is not {@code Object.class}. */
  public TypeVariableName typeVariable() {
    return kind == Kind.TYPE_VARIABLE ? (TypeVariableName) type : null;
  }

  /** The element type of the storage array: the type itself, or {@code Object} for a type variable. */
  public TypeName storageType() {
    return kind == Kind.TYPE_VARIABLE ? ClassName.OBJECT : type;
  }

  /** The storage array type: {@code int[]}, {@code Object[]}, {@code String[]}, {@code byte[][]}. */
  public ArrayTypeName arrayType() {
    return ArrayTypeName.of(storageType());
  }

  /** The boxed type, used in type arguments such as {@code Equivalence<? super Integer>}. */
  public TypeName boxed() {
    return type.box();
  }
}
