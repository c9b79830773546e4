package dev.rchashmap.processor.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a template is filled with for one specialization: the named arguments its text refers to
 * ({@code $key:T}, {@code $simpleName:S}, ...) and the variation points its {@code #if} lines test.
 * Built by {@link Specialization}; a name a template asks for and this does not have is an error,
 * never an empty string.
 */
final class Bindings {
  private final Map<String, Object> arguments = new LinkedHashMap<>();
  private final Map<String, Boolean> flags = new LinkedHashMap<>();
  private final Set<TypeVariableName> classTypeVariables;

  Bindings(List<TypeVariableName> classTypeVariables) {
    this.classTypeVariables = Set.copyOf(classTypeVariables);
  }

  /** Binds {@code name} to a type ({@code $name:T}), a code block or text ({@code $name:L}). */
  Bindings put(String name, Object value) {
    if (!(value instanceof TypeName || value instanceof CodeBlock || value instanceof String)) {
      throw new IllegalArgumentException(name + " is bound to a " + value.getClass());
    }
    if (arguments.putIfAbsent(name, value) != null) {
      throw new IllegalArgumentException(name + " is bound twice");
    }
    return this;
  }

  /** Binds the variation point {@code name}, which {@code #if name} lines test. */
  Bindings flag(String name, boolean value) {
    if (flags.putIfAbsent(name, value) != null) {
      throw new IllegalArgumentException("flag " + name + " is bound twice");
    }
    return this;
  }

  /** Whether the variation point {@code name} holds. */
  boolean flag(String name) {
    Boolean value = flags.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no variation point named " + name);
    }
    return value;
  }

  /** The type bound to {@code name}. */
  TypeName type(String name) {
    Object value = arguments.get(name);
    if (!(value instanceof TypeName)) {
      throw new IllegalArgumentException("no type named " + name);
    }
    return (TypeName) value;
  }

  /**
   * The named arguments {@code format} refers to ({@code $name:X}), for {@link
   * CodeBlock.Builder#addNamed}. Only those: JavaPoet checks the name of every argument it is
   * handed with a regular expression, and handing it all of them for each of the thousands of
   * fragments of a class made that check a third of the processor's time.
   */
  Map<String, Object> argumentsIn(String format) {
    Map<String, Object> used = new LinkedHashMap<>();
    int length = format.length();
    for (int i = format.indexOf('$'); i >= 0 && i < length; i = format.indexOf('$', i)) {
      int start = i + 1;
      if (start < length && format.charAt(start) == '$') {
        i = start + 1; // "$$" is a literal dollar sign
        continue;
      }
      int end = start;
      while (end < length
          && (Character.isLetterOrDigit(format.charAt(end)) || format.charAt(end) == '_')) {
        end++;
      }
      if (end > start && end < length && format.charAt(end) == ':') {
        String name = format.substring(start, end);
        Object value = arguments.get(name);
        if (value != null) {
          used.putIfAbsent(name, value);
        }
      }
      i = end;
    }
    return used;
  }

  /**
   * Whether a type variable declared in a template stays in the generated code. Templates declare
   * the generated class's type variables as {@code <K, V>}, as if key and value were both {@code
   * Object}; {@code K} is kept only when the key is {@code Object}, {@code V} only when the value
   * is. Any other name (a method's own {@code <T>}) is always kept.
   */
  boolean keeps(String typeVariable) {
    if (typeVariable.equals("K") || typeVariable.equals("V")) {
      return classTypeVariables.contains(TypeVariableName.get(typeVariable));
    }
    return true;
  }
}
