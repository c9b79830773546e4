package dev.rchashmap.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Turns the selected lines of a {@link Template} into a JavaPoet {@link TypeSpec}, so that JavaPoet
 * still writes the file: it imports the types that named arguments refer to, orders and spaces the
 * members, and wraps long parameter lists.
 *
 * <p>The parser reads the Java that templates are written in, not Java in general: one
 * declaration per member, two-space indentation, a member's header ending its line with {@code
 * {} or {@code ;}, its body closed by a {@code }} at the member's own indentation. Types in
 * declarations are primitives, {@code java.lang} classes, nested types of the template, a
 * method's own type variables, or named arguments ({@code $key:T}); everything inside a body or
 * an initializer is passed to JavaPoet as it is, with its indentation.
 */
final class TemplateParser {
  private static final Pattern TYPE_ARGUMENT = Pattern.compile("\\$([a-z][A-Za-z0-9_]*):T");
  private static final Set<String> JAVA_LANG =
      Set.of(
          "AutoCloseable",
          "Error",
          "FunctionalInterface",
          "Object",
          "Override",
          "Runnable",
          "RuntimeException",
          "String",
          "SuppressWarnings",
          "Throwable");

  private final Bindings bindings;
  private final List<Template.Line> lines;
  private final ClassName generated;
  private final Set<String> nestedTypes = new HashSet<>();
  private int next;

  private TemplateParser(Template template, Bindings bindings, ClassName generated) {
    this.bindings = bindings;
    this.lines = template.select(bindings::flag);
    this.generated = generated;
  }

  /** The class that {@code template} describes for these bindings, named {@code generated}. */
  static TypeSpec parse(Template template, Bindings bindings, ClassName generated) {
    TemplateParser parser = new TemplateParser(template, bindings, generated);
    parser.collectNestedTypeNames();
    TypeSpec type = parser.type(0, null);
    parser.skipBlankLines();
    if (parser.next < parser.lines.size()) {
      throw parser.error("text after the end of the class");
    }
    return type;
  }

  /** Nested types are named by their simple names in declarations: find them first. */
  private void collectNestedTypeNames() {
    Pattern nested = Pattern.compile("^  \\S.*\\b(?:class|interface) ([A-Za-z0-9_]+)\\b.*\\{$");
    for (Template.Line line : lines) {
      Matcher matcher = nested.matcher(line.text());
      if (matcher.matches()) {
        nestedTypes.add(matcher.group(1));
      }
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Declarations

  /** A class or interface whose declaration starts at the next line, indented {@code indent}. */
  private TypeSpec type(int indent, String enclosingName) {
    CodeBlock javadoc = javadoc();
    List<AnnotationSpec> annotations = annotations();
    String header = header();
    List<String> words = words(header.substring(0, header.length() - 1));
    Set<Modifier> modifiers = modifiers(words);
    String kind = words.remove(0);
    String templateName = words.remove(0);
    int typeParameters = templateName.indexOf('<');
    if (typeParameters >= 0) {
      words.add(0, templateName.substring(typeParameters));
      templateName = templateName.substring(0, typeParameters);
    }
    ClassName name = enclosingName == null ? generated : generated.nestedClass(templateName);
    TypeSpec.Builder type;
    if (kind.equals("class")) {
      type = TypeSpec.classBuilder(name);
    } else if (kind.equals("interface")) {
      type = TypeSpec.interfaceBuilder(name);
    } else {
      throw error("expected class or interface: " + header);
    }
    type.addModifiers(modifiers.toArray(new Modifier[0]));
    type.addAnnotations(annotations);
    if (javadoc != null) {
      type.addJavadoc(javadoc);
    }
    if (!words.isEmpty() && words.get(0).startsWith("<")) {
      type.addTypeVariables(typeVariables(words.remove(0)));
    }
    while (!words.isEmpty()) {
      String relation = words.remove(0);
      for (String supertype : splitTopLevel(String.join(" ", words), ',')) {
        TypeName resolved = type(supertype, List.of());
        if (relation.equals("implements") || kind.equals("interface")) {
          type.addSuperinterface(resolved);
        } else if (relation.equals("extends")) {
          type.superclass(resolved);
        } else {
          throw error("expected extends or implements: " + header);
        }
      }
      words.clear();
    }
    boolean isInterface = kind.equals("interface");
    while (true) {
      skipBlankLines();
      if (next >= lines.size()) {
        throw error("the type " + templateName + " is not closed");
      }
      String text = lines.get(next).text();
      if (text.equals(" ".repeat(indent) + "}")) {
        next++;
        return type.build();
      }
      member(type, indent + 2, templateName, isInterface);
    }
  }

  /** One field, method, constructor or nested type of {@code type}. */
  private void member(TypeSpec.Builder type, int indent, String typeName, boolean inInterface) {
    int start = next;
    javadoc();
    annotations();
    String header = header();
    boolean isType = words(header).stream().anyMatch(w -> w.equals("class") || w.equals("interface"));
    next = start;
    if (isType) {
      type.addType(type(indent, typeName));
      return;
    }
    int paren = header.indexOf('(');
    int equals = header.indexOf(" = ");
    if (paren >= 0 && (equals < 0 || paren < equals)) {
      type.addMethod(method(indent, typeName, inInterface));
    } else {
      type.addField(field());
    }
  }

  private FieldSpec field() {
    CodeBlock javadoc = javadoc();
    List<AnnotationSpec> annotations = annotations();
    String header = header();
    String declaration = header.substring(0, header.length() - 1);
    String initializer = null;
    int equals = declaration.indexOf(" = ");
    if (equals >= 0) {
      initializer = declaration.substring(equals + 3);
      declaration = declaration.substring(0, equals);
    }
    List<String> words = words(declaration);
    Set<Modifier> modifiers = modifiers(words);
    if (words.size() != 2) {
      throw error("expected a field declaration: " + header);
    }
    FieldSpec.Builder field =
        FieldSpec.builder(type(words.get(0), List.of()), words.get(1))
            .addModifiers(modifiers.toArray(new Modifier[0]))
            .addAnnotations(annotations);
    if (javadoc != null) {
      field.addJavadoc(javadoc);
    }
    if (initializer != null) {
      field.initializer(code(initializer));
    }
    return field.build();
  }

  private MethodSpec method(int indent, String typeName, boolean inInterface) {
    CodeBlock javadoc = javadoc();
    List<AnnotationSpec> annotations = annotations();
    String header = header();
    boolean hasBody = header.endsWith("{");
    int open = header.indexOf('(');
    int close = header.lastIndexOf(')');
    List<String> words = words(header.substring(0, open));
    Set<Modifier> modifiers = modifiers(words);
    List<TypeVariableName> typeVariables = List.of();
    if (words.get(0).startsWith("<")) {
      typeVariables = typeVariables(words.remove(0));
    }
    String name = words.remove(words.size() - 1);
    MethodSpec.Builder method;
    if (words.isEmpty()) {
      if (!name.equals(typeName)) {
        throw error("a method without a return type must be a constructor of " + typeName);
      }
      method = MethodSpec.constructorBuilder();
    } else {
      method = MethodSpec.methodBuilder(name).returns(type(words.get(0), typeVariables));
    }
    if (javadoc != null) {
      method.addJavadoc(javadoc);
    }
    method.addAnnotations(annotations);
    method.addModifiers(modifiers.toArray(new Modifier[0]));
    if (inInterface && !hasBody) {
      method.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT);
    }
    method.addTypeVariables(typeVariables);
    String parameters = header.substring(open + 1, close).strip();
    if (!parameters.isEmpty()) {
      for (String parameter : splitTopLevel(parameters, ',')) {
        int space = parameter.lastIndexOf(' ');
        method.addParameter(
            ParameterSpec.builder(type(parameter.substring(0, space), typeVariables), parameter.substring(space + 1))
                .build());
      }
    }
    if (hasBody) {
      method.addCode(body(indent));
    }
    return method.build();
  }

  // -----------------------------------------------------------------------------------------------
  // Parts of declarations

  /** The Javadoc starting at the next line, or {@code null} when there is none. */
  private CodeBlock javadoc() {
    skipBlankLines();
    if (next >= lines.size() || !lines.get(next).text().strip().startsWith("/**")) {
      return null;
    }
    List<String> content = new ArrayList<>();
    while (true) {
      if (next >= lines.size()) {
        throw error("a Javadoc comment is not closed");
      }
      String line = lines.get(next++).text().strip();
      boolean last = line.endsWith("*/");
      if (content.isEmpty() && line.startsWith("/**")) {
        line = line.substring(3);
      }
      if (last) {
        line = line.substring(0, line.length() - 2);
      }
      line = line.strip();
      if (line.startsWith("*")) {
        line = line.substring(line.startsWith("* ") ? 2 : 1);
      }
      content.add(line);
      if (last) {
        break;
      }
    }
    // The lines of "/**" and "*/" hold no text of their own.
    if (content.get(0).isEmpty()) {
      content.remove(0);
    }
    if (!content.isEmpty() && content.get(content.size() - 1).isEmpty()) {
      content.remove(content.size() - 1);
    }
    return code(String.join("\n", content) + "\n");
  }

  /** The annotations on the next lines: {@code @Name} or {@code @Name(literal)}. */
  private List<AnnotationSpec> annotations() {
    List<AnnotationSpec> annotations = new ArrayList<>();
    while (next < lines.size() && lines.get(next).text().strip().startsWith("@")) {
      String text = lines.get(next++).text().strip().substring(1);
      int open = text.indexOf('(');
      String name = open < 0 ? text : text.substring(0, open);
      AnnotationSpec.Builder annotation = AnnotationSpec.builder((ClassName) type(name, List.of()));
      if (open >= 0) {
        annotation.addMember("value", "$L", text.substring(open + 1, text.length() - 1));
      }
      annotations.add(annotation.build());
    }
    return annotations;
  }

  /** A declaration's header: its lines up to one that ends with {@code {} or {@code ;}, joined. */
  private String header() {
    StringBuilder header = new StringBuilder();
    while (true) {
      if (next >= lines.size()) {
        throw error("a declaration is not finished");
      }
      String line = lines.get(next++).text().strip();
      header.append(header.length() == 0 ? "" : " ").append(line);
      if (line.endsWith("{") || line.endsWith(";")) {
        return header.toString();
      }
    }
  }

  /**
   * A method body: the lines up to the {@code }} indented like the method, as a code block whose
   * indentation JavaPoet manages, so that a multi-line named argument is indented where it lands.
   */
  private CodeBlock body(int indent) {
    String end = " ".repeat(indent) + "}";
    int base = indent + 2;
    StringBuilder format = new StringBuilder();
    int depth = 0;
    while (true) {
      if (next >= lines.size()) {
        throw error("a method body is not closed");
      }
      Template.Line line = lines.get(next++);
      String text = line.text();
      if (text.equals(end)) {
        break;
      }
      if (text.isBlank()) {
        format.append('\n');
        continue;
      }
      int spaces = 0;
      while (text.charAt(spaces) == ' ') {
        spaces++;
      }
      if (spaces < base || (spaces - base) % 2 != 0) {
        throw line.error("indentation is not a multiple of two inside the body");
      }
      int lineDepth = (spaces - base) / 2;
      format.append("$>".repeat(Math.max(0, lineDepth - depth)));
      format.append("$<".repeat(Math.max(0, depth - lineDepth)));
      depth = lineDepth;
      format.append(text, spaces, text.length()).append('\n');
    }
    format.append("$<".repeat(depth));
    return code(format.toString());
  }

  private CodeBlock code(String format) {
    try {
      return CodeBlock.builder().addNamed(format, bindings.argumentsIn(format)).build();
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage() + " in: " + format.strip());
    }
  }

  /** Removes and returns the modifiers at the start of {@code words}. */
  private static Set<Modifier> modifiers(List<String> words) {
    Set<Modifier> modifiers = new java.util.LinkedHashSet<>();
    while (!words.isEmpty()) {
      Modifier modifier = modifier(words.get(0));
      if (modifier == null) {
        break;
      }
      modifiers.add(modifier);
      words.remove(0);
    }
    return modifiers;
  }

  private static Modifier modifier(String word) {
    switch (word) {
      case "public":
        return Modifier.PUBLIC;
      case "protected":
        return Modifier.PROTECTED;
      case "private":
        return Modifier.PRIVATE;
      case "static":
        return Modifier.STATIC;
      case "final":
        return Modifier.FINAL;
      case "abstract":
        return Modifier.ABSTRACT;
      default:
        return null;
    }
  }

  /** {@code <K, V>} or {@code <T>}, keeping the type variables the specialization has. */
  private List<TypeVariableName> typeVariables(String declaration) {
    List<TypeVariableName> variables = new ArrayList<>();
    for (String name : declaration.substring(1, declaration.length() - 1).split(",")) {
      if (bindings.keeps(name.strip())) {
        variables.add(TypeVariableName.get(name.strip()));
      }
    }
    return variables;
  }

  /** Resolves a type written in a declaration. */
  private TypeName type(String text, List<TypeVariableName> typeVariables) {
    text = text.strip();
    if (text.endsWith("[]")) {
      return ArrayTypeName.of(type(text.substring(0, text.length() - 2), typeVariables));
    }
    Matcher argument = TYPE_ARGUMENT.matcher(text);
    if (argument.matches()) {
      return bindings.type(argument.group(1));
    }
    TypeName primitive = primitive(text);
    if (primitive != null) {
      return primitive;
    }
    for (TypeVariableName variable : typeVariables) {
      if (variable.name().equals(text)) {
        return variable;
      }
    }
    if (nestedTypes.contains(text)) {
      return generated.nestedClass(text);
    }
    if (JAVA_LANG.contains(text)) {
      return ClassName.get("java.lang", text);
    }
    throw error("cannot resolve the type " + text + " (use a named argument such as $name:T)");
  }

  private static TypeName primitive(String text) {
    switch (text) {
      case "void":
        return TypeName.VOID;
      case "boolean":
        return TypeName.BOOLEAN;
      case "byte":
        return TypeName.BYTE;
      case "short":
        return TypeName.SHORT;
      case "char":
        return TypeName.CHAR;
      case "int":
        return TypeName.INT;
      case "long":
        return TypeName.LONG;
      case "float":
        return TypeName.FLOAT;
      case "double":
        return TypeName.DOUBLE;
      default:
        return null;
    }
  }

  /** The words of a declaration, keeping {@code <...>} groups whole. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : splitTopLevel(text.strip(), ' ')) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  /** Splits at {@code separator} outside {@code <...>} and {@code (...)}, trimming each part. */
  private static List<String> splitTopLevel(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<' || c == '(') {
        depth++;
      } else if (c == '>' || c == ')') {
        depth--;
      } else if (c == separator && depth == 0) {
        parts.add(text.substring(start, i).strip());
        start = i + 1;
      }
    }
    parts.add(text.substring(start).strip());
    return parts;
  }

  private void skipBlankLines() {
    while (next < lines.size() && lines.get(next).text().isBlank()) {
      next++;
    }
  }

  private IllegalStateException error(String message) {
    return lines.get(Math.min(next, lines.size() - 1)).error(message);
  }
}
