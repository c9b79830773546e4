package dev.rchashmap.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import javax.lang.model.type.TypeKind;

/**
 * What the generator needs to know about each primitive key or value type: its Java type, the name
 * used in class names, its runtime equivalence interface, and how its default hash and equality are
 * written.
 */
public enum Primitive {
  BOOLEAN(TypeKind.BOOLEAN, TypeName.BOOLEAN, "Boolean", "BooleanEquivalence"),
  BYTE(TypeKind.BYTE, TypeName.BYTE, "Byte", "ByteEquivalence"),
  SHORT(TypeKind.SHORT, TypeName.SHORT, "Short", "ShortEquivalence"),
  CHAR(TypeKind.CHAR, TypeName.CHAR, "Char", "CharEquivalence"),
  INT(TypeKind.INT, TypeName.INT, "Int", "IntEquivalence"),
  LONG(TypeKind.LONG, TypeName.LONG, "Long", "LongEquivalence"),
  FLOAT(TypeKind.FLOAT, TypeName.FLOAT, "Float", "FloatEquivalence"),
  DOUBLE(TypeKind.DOUBLE, TypeName.DOUBLE, "Double", "DoubleEquivalence");

  private final TypeKind kind;
  private final TypeName type;
  private final String prefix;
  private final ClassName equivalence;

  Primitive(TypeKind kind, TypeName type, String prefix, String equivalence) {
    this.kind = kind;
    this.type = type;
    this.prefix = prefix;
    this.equivalence = ClassName.get(Names.RUNTIME_PACKAGE, equivalence);
  }

  /** Returns the primitive of a javac type kind, or {@code null} when it is not primitive. */
  public static Primitive of(TypeKind kind) {
    for (Primitive primitive : values()) {
      if (primitive.kind == kind) {
        return primitive;
      }
    }
    return null;
  }

  /** The Java type, such as {@code int}. */
  public TypeName type() {
    return type;
  }

  /** The name used in derived class-name prefixes, such as {@code Int}. */
  public String prefix() {
    return prefix;
  }

  /** The runtime equivalence interface for keys of this type, such as {@code IntEquivalence}. */
  public ClassName equivalence() {
    return equivalence;
  }

  /**
   * Whether the type has at most 32 bits, so that {@code Hashing.mix(int)}, a bijection, turns
   * distinct keys into distinct hashes: with the default equivalence equal hashes then mean equal
   * keys and a probe never has to read the stored key.
   */
  public boolean hashIsKey() {
    return this != LONG && this != DOUBLE;
  }

  /**
   * Whether values of this type are numbers that {@code addAndGet} can add to: {@code byte} to
   * {@code double}, but not {@code boolean} or {@code char}.
   */
  public boolean isNumeric() {
    return this != BOOLEAN && this != CHAR;
  }

  /** Whether this is {@code float} or {@code double}, whose default equality compares bits. */
  public boolean isFloatingPoint() {
    return this == FLOAT || this == DOUBLE;
  }

  /**
   * The bits that the default hash mixes: the key itself for integral types, {@code 1} or {@code
   * 0} for {@code boolean}, {@code floatToIntBits}/{@code doubleToLongBits} for floating point (so
   * all NaNs are one key and {@code 0.0} and {@code -0.0} two, as with {@code Float.equals}). Meant
   * as a method argument, so never parenthesized.
   */
  public CodeBlock bits(CodeBlock value) {
    switch (this) {
      case BOOLEAN:
        return CodeBlock.of("$L ? 1 : 0", value);
      case FLOAT:
        return CodeBlock.of("$T.floatToIntBits($L)", Float.class, value);
      case DOUBLE:
        return CodeBlock.of("$T.doubleToLongBits($L)", Double.class, value);
      default:
        return value;
    }
  }

  /**
   * Whether two keys are equal under the default equivalence: {@code ==}, except for floating
   * point, whose bits are compared (see {@link #bits}).
   */
  public CodeBlock sameKey(CodeBlock a, CodeBlock b) {
    return isFloatingPoint()
        ? CodeBlock.of("$L == $L", bits(a), bits(b))
        : CodeBlock.of("$L == $L", a, b);
  }
}
