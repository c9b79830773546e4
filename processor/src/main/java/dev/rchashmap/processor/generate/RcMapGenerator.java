package dev.rchashmap.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.rchashmap.annotations.Layer;
import dev.rchashmap.processor.model.MapModel;
import dev.rchashmap.processor.model.Names;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code RcHashMap} class of one specialization and its nested {@code Ref}: the seed's
 * Module 3, on top of the specialization's {@code CountedHashMap}. A {@code Ref} holds one count
 * of its entry, like a clone of a Rust {@code Rc}; the map's storage is kept alive by a {@code
 * Keepalive} with one unit for the owner and one per live entry.
 */
final class RcMapGenerator {
  private static final Modifier PUBLIC = Modifier.PUBLIC;
  private static final Modifier PRIVATE = Modifier.PRIVATE;
  static final ClassName KEEPALIVE = ClassName.get(Names.RUNTIME_PACKAGE, "Keepalive");
  static final ClassName LEAK_DETECTOR = ClassName.get(Names.RUNTIME_PACKAGE, "LeakDetector");
  static final ClassName MAP_CLOSED = ClassName.get(Names.RUNTIME_PACKAGE, "MapClosedException");
  static final ClassName WRONG_MAP = ClassName.get(Names.RUNTIME_PACKAGE, "WrongMapException");

  private final MapModel model;
  private final Snippets s;
  private final ClassName name;
  private final ClassName countedMap;
  private final TypeName self;
  private final TypeName countedType;
  private final TypeName refType;
  private final TypeName keyType;
  private final TypeName valueType;
  private final TypeName listenerType;

  RcMapGenerator(MapModel model) {
    this.model = model;
    this.s = new Snippets(model);
    this.name = model.className(Layer.RC);
    this.countedMap = model.className(Layer.COUNTED);
    this.self = s.parameterized(name);
    this.countedType = s.parameterized(countedMap);
    this.refType = s.nested(name, "Ref");
    this.keyType = s.keyType();
    this.valueType = s.valueType();
    this.listenerType = s.nestedParameter(name, "RemovalListener", false);
  }

  TypeSpec generate() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addModifiers(PUBLIC, Modifier.FINAL)
            .addTypeVariables(s.typeVariables())
            .addSuperinterface(AutoCloseable.class)
            .addJavadoc(classJavadoc());
    type.addField(
        FieldSpec.builder(String.class, "REF_DESCRIPTION", PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("How the leak detector names a {@link Ref} of this class.\n")
            .initializer("$S", name.simpleName() + ".Ref")
            .build());
    type.addField(
        FieldSpec.builder(countedType, "counted", PRIVATE)
            .addJavadoc("The entries and their counts; replaced by an empty map once the storage is released.\n")
            .build());
    type.addField(
        FieldSpec.builder(KEEPALIVE, "keepalive", PRIVATE, Modifier.FINAL)
            .addJavadoc("One unit for the owner until {@link #close()}, one for each live entry; the storage is\n")
            .addJavadoc("released when the last unit returns.\n")
            .build());
    type.addField(
        FieldSpec.builder(listenerType, "listener", PRIVATE, Modifier.FINAL)
            .addJavadoc("Told of every entry that leaves, or {@code null}.\n")
            .build());
    type.addField(
        FieldSpec.builder(Runnable.class, "onDispose", PRIVATE, Modifier.FINAL)
            .addJavadoc("Runs once when the storage is released, or {@code null}.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.BOOLEAN, "closed", PRIVATE)
            .addJavadoc("Whether the owner has closed the map.\n")
            .build());

    addConstructors(type);
    type.addMethod(builderMethod());
    type.addMethod(insert());
    type.addMethod(insertWith());
    type.addMethod(find());
    type.addMethod(findOrInsert());
    type.addMethod(containsKey());
    type.addMethod(size());
    type.addMethod(isEmpty());
    type.addMethod(refs());
    type.addMethod(cursor());
    type.addMethod(close());
    type.addMethod(isClosed());
    type.addMethod(toStringMethod());
    type.addMethod(open());
    type.addMethod(admitted());
    type.addMethod(removed());
    type.addMethod(dispose());

    type.addType(builderType());
    type.addType(valueFactoryType());
    type.addType(removalListenerType());
    type.addType(refClass());
    type.addType(cursorType());
    type.addType(refIteratorType());
    return type.build();
  }

  private CodeBlock classJavadoc() {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("A reference-counted hash map from $L keys to $L values whose entries are held through\n",
        s.javadocType(model.key()), s.javadocType(model.value()));
    doc.add("{@link Ref} objects, like clones of a Rust {@code Rc}.\n\n");
    doc.add("<pre>{@code\n");
    doc.add("try ($T map = new $T$L();\n", self, name, s.diamond());
    doc.add("     $T a = map.insert(key, value);\n", refType);
    doc.add("     $T b = a.share()) {\n", refType);
    doc.add("  use(b.value(map));\n");
    doc.add("}\n");
    doc.add("}</pre>\n\n");
    doc.add("<p>Each {@link Ref} holds one count of its entry: {@link #insert}, {@link #find},\n");
    doc.add("{@link #findOrInsert} and {@link Ref#share()} each return a new one, and {@link Ref#close()}\n");
    doc.add("gives it back. When the last {@code Ref} of an entry is closed the entry leaves the map, then\n");
    doc.add("the removal listener receives its key and value (it may close other {@code Ref}s: cascades run\n");
    doc.add("in a loop, not recursively).\n\n");
    doc.add("<p><b>Keepalive.</b> {@link #close()} is the owner letting go. Live {@code Ref}s stay fully\n");
    doc.add("usable afterwards; {@code find} and {@code insert} throw {@link $T}. When the\n", MAP_CLOSED);
    doc.add("map is closed and the last entry has left, the storage is released and the on-dispose\n");
    doc.add("callback runs, once. The order on the last removal is: unlink the entry, run the removal\n");
    doc.add("listener with its key and value, then return the entry's keepalive unit.\n\n");
    doc.add("<p><b>Leaks.</b> A {@code Ref} that becomes unreachable without {@code close()} keeps its entry\n");
    doc.add("forever. {@link $T} reports such {@code Ref}s (system property\n", LEAK_DETECTOR);
    doc.add("{@code rchashmap.leakDetection} = {@code disabled}, {@code sampled} (default) or {@code paranoid}).\n\n");
    doc.add("<p><b>Not thread-safe.</b> A map and its {@code Ref}s belong to one thread at a time.\n\n");
    doc.add("<p>Generated by rchashmap from {@code $L}.\n", model.annotationSource());
    if (!s.typeVariables().isEmpty()) {
      doc.add("\n$L", s.typeParamsDoc());
    }
    return doc.build();
  }

  private void addConstructors(TypeSpec.Builder type) {
    TypeName countedBuilder = s.nested(countedMap, "Builder");
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(PUBLIC)
            .addJavadoc("Creates an empty, open map with room for a few entries and no listeners.\n")
            .addStatement("this($T.builder(), null, null)", countedMap)
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(PUBLIC)
            .addJavadoc("Creates an empty, open map that holds {@code expectedSize} entries before it grows.\n\n")
            .addJavadoc("@param expectedSize the number of entries to make room for\n")
            .addJavadoc("@throws IllegalArgumentException if {@code expectedSize} is negative\n")
            .addParameter(TypeName.INT, "expectedSize")
            .addStatement("this($T.$Lbuilder().expectedSize(expectedSize), null, null)", countedMap, typeArguments())
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(PRIVATE)
            .addParameter(countedBuilder, "counted")
            .addParameter(listenerType, "listener")
            .addParameter(Runnable.class, "onDispose")
            .addStatement("this.listener = listener")
            .addStatement("this.onDispose = onDispose")
            .addStatement("this.keepalive = new $T(this::dispose)", KEEPALIVE)
            .addStatement("this.counted = counted.removalListener(this::removed).build()")
            .build());
  }

  /** {@code <K, V>} for a generic call that has no target type to infer from, else nothing. */
  private String typeArguments() {
    return s.typeVariables().isEmpty() ? "" : "<" + String.join(", ", s.typeVariables().stream().map(v -> v.name()).toList()) + ">";
  }

  private MethodSpec builderMethod() {
    return MethodSpec.methodBuilder("builder")
        .addModifiers(PUBLIC, Modifier.STATIC)
        .addTypeVariables(s.typeVariables())
        .returns(s.nested(name, "Builder"))
        .addJavadoc("Returns a builder for a map with a chosen expected size, key equivalence, removal listener\n")
        .addJavadoc("or on-dispose callback.\n\n")
        .addJavadoc(s.typeParamsDoc())
        .addJavadoc("@return a new builder\n")
        .addStatement("return new Builder$L()", s.diamond())
        .build();
  }

  private TypeSpec builderType() {
    TypeName builder = s.nested(name, "Builder");
    TypeName countedBuilder = s.nested(countedMap, "Builder");
    return TypeSpec.classBuilder("Builder")
        .addModifiers(PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Builds a {@link $T}.\n", name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addField(
            FieldSpec.builder(countedBuilder, "counted", PRIVATE, Modifier.FINAL)
                .initializer("$T.builder()", countedMap)
                .build())
        .addField(FieldSpec.builder(listenerType, "removalListener", PRIVATE).build())
        .addField(FieldSpec.builder(Runnable.class, "onDispose", PRIVATE).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
        .addMethods(s.sizeAndEquivalenceSetters(builder, "counted.%1$s(%1$s)"))
        .addMethod(Snippets.removalListenerSetter(builder, listenerType))
        .addMethod(
            MethodSpec.methodBuilder("onDispose")
                .addModifiers(PUBLIC)
                .returns(builder)
                .addParameter(Runnable.class, "onDispose")
                .addJavadoc("Sets a callback run once when the storage is released: after the map is closed and its\n")
                .addJavadoc("last entry has left.\n\n")
                .addJavadoc("@param onDispose the callback, or {@code null} for none\n")
                .addJavadoc("@return this builder\n")
                .addStatement("this.onDispose = onDispose")
                .addStatement("return this")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("build")
                .addModifiers(PUBLIC)
                .returns(self)
                .addJavadoc("Creates the map.\n\n")
                .addJavadoc("@return a new empty, open map\n")
                .addJavadoc("@throws IllegalArgumentException if the expected size is negative\n")
                .addStatement("return new $T$L(counted, removalListener, onDispose)", name, s.diamond())
                .build())
        .build();
  }

  // ---------------------------------------------------------------------------------------------

  private String nullKeyDoc() {
    return model.key().isReference() ? "@throws NullPointerException if {@code key} is null\n" : "";
  }

  private MethodSpec.Builder openMethod(String methodName) {
    return MethodSpec.methodBuilder(methodName).addModifiers(PUBLIC);
  }

  private MethodSpec insert() {
    return openMethod("insert")
        .returns(refType)
        .addParameter(keyType, "key")
        .addParameter(valueType, "value")
        .addJavadoc("Adds a new entry and returns its first {@link Ref}.\n\n")
        .addJavadoc("@param key the key, not yet in the map\n")
        .addJavadoc("@param value the value\n")
        .addJavadoc("@return a new {@code Ref} to the entry; close it\n")
        .addJavadoc("@throws $T if {@code key} is already in the map, which is then unchanged\n", Snippets.DUPLICATE_KEY)
        .addJavadoc("@throws $T if the map is closed\n", MAP_CLOSED)
        .addJavadoc(nullKeyDoc())
        .addStatement("return admitted(open().insert(key, value))")
        .build();
  }

  private MethodSpec insertWith() {
    MethodSpec.Builder method =
        openMethod("insertWith")
            .returns(refType)
            .addParameter(keyType, "key")
            .addParameter(s.nestedParameter(name, "ValueFactory", true), "factory")
            .addJavadoc("Adds a new entry whose value {@code factory} makes, only when the key is new.\n\n")
            .addJavadoc("@param key the key, not yet in the map\n")
            .addJavadoc("@param factory makes the value from the key; may use this map, even close it\n")
            .addJavadoc("@return a new {@code Ref} to the entry; close it\n")
            .addJavadoc("@throws $T if {@code key} is already in the map (the factory is not run), or\n", Snippets.DUPLICATE_KEY)
            .addJavadoc("    the factory itself inserted it (its value is dropped)\n")
            .addJavadoc("@throws $T if the map is closed, also when the factory closed it\n", MAP_CLOSED)
            .addJavadoc(nullKeyDoc());
    method.addStatement("$T.requireNonNull(factory, $S)", java.util.Objects.class, "factory");
    method.beginControlFlow("if (open().containsKey(key))");
    method.addStatement("throw $T.of(key)", Snippets.DUPLICATE_KEY);
    method.endControlFlow();
    return withValueFrom(method).build();
  }

  /**
   * The end of {@code insertWith} and {@code findOrInsert}: the map runs the factory itself, outside
   * any critical section, and checks that the map is still open before inserting, since the
   * factory may have used or closed it.
   */
  private MethodSpec.Builder withValueFrom(MethodSpec.Builder method) {
    method.addStatement("$T value = factory.create(key)", valueType);
    method.addStatement("return admitted(open().insert(key, value))");
    return method;
  }


  private MethodSpec find() {
    return openMethod("find")
        .returns(refType)
        .addParameter(keyType, "key")
        .addJavadoc("Looks up a key.\n\n")
        .addJavadoc("@param key the key\n")
        .addJavadoc("@return a new {@code Ref} to its entry, which the caller closes, or {@code null} if the key\n")
        .addJavadoc("    is not in the map\n")
        .addJavadoc("@throws $T if the map is closed\n", MAP_CLOSED)
        .addJavadoc(nullKeyDoc())
        .addStatement("long handle = open().find(key)")
        .addStatement("return handle == $T.NONE ? null : new Ref$L(this, handle)", Snippets.HANDLES, s.diamond())
        .build();
  }

  private MethodSpec findOrInsert() {
    MethodSpec.Builder method =
        openMethod("findOrInsert")
            .returns(refType)
            .addParameter(keyType, "key")
            .addParameter(s.nestedParameter(name, "ValueFactory", true), "factory")
            .addJavadoc("Interns a key: a new {@link Ref} to its entry, inserting the entry with a value made by\n")
            .addJavadoc("{@code factory} when the key is new.\n\n")
            .addJavadoc("@param key the key\n")
            .addJavadoc("@param factory makes the value when the key is new; may use this map, even close it\n")
            .addJavadoc("@return a new {@code Ref} to the key's entry; close it\n")
            .addJavadoc("@throws $T if the factory itself inserted {@code key} (its value is dropped)\n", Snippets.DUPLICATE_KEY)
            .addJavadoc("@throws $T if the map is closed, also when the factory closed it\n", MAP_CLOSED)
            .addJavadoc(nullKeyDoc());
    method.addStatement("$T.requireNonNull(factory, $S)", java.util.Objects.class, "factory");
    method.addStatement("long handle = open().find(key)");
    method.beginControlFlow("if (handle != $T.NONE)", Snippets.HANDLES);
    method.addStatement("return new Ref$L(this, handle)", s.diamond());
    method.endControlFlow();
    return withValueFrom(method).build();
  }


  private MethodSpec containsKey() {
    return openMethod("containsKey")
        .returns(TypeName.BOOLEAN)
        .addParameter(keyType, "key")
        .addJavadoc("Tells whether a key is in the map, without making a {@code Ref}. Works on a closed map:\n")
        .addJavadoc("its entries are those its live {@code Ref}s hold.\n\n")
        .addJavadoc("@param key the key\n")
        .addJavadoc("@return whether the map has an entry for {@code key}\n")
        .addJavadoc(nullKeyDoc())
        .addStatement("return counted.containsKey(key)")
        .build();
  }


  private MethodSpec size() {
    return openMethod("size")
        .returns(TypeName.INT)
        .addJavadoc("Returns the number of entries, each held by at least one {@code Ref}. A closed map still\n")
        .addJavadoc("counts the entries its live {@code Ref}s hold.\n\n")
        .addJavadoc("@return the number of entries\n")
        .addStatement("return counted.size()")
        .build();
  }


  private MethodSpec isEmpty() {
    return openMethod("isEmpty")
        .returns(TypeName.BOOLEAN)
        .addJavadoc("Tells whether the map has no entries.\n\n@return whether {@link #size()} is zero\n")
        .addStatement("return size() == 0")
        .build();
  }

  private MethodSpec refs() {
    return openMethod("refs")
        .returns(ParameterizedTypeName.get(ClassName.get(Iterator.class), refType))
        .addJavadoc("Returns an iterator that yields a new {@link Ref} for each entry, in slot order; the caller\n")
        .addJavadoc("closes each. Closing them, even the last {@code Ref} of an entry, during the iteration is\n")
        .addJavadoc("allowed: an entry live for the whole iteration is yielded exactly once, one that leaves\n")
        .addJavadoc("before it is yielded is skipped, even after {@code hasNext()} saw it (so {@code next()}\n")
        .addJavadoc("throws {@code NoSuchElementException} if no entry is left after all).\n\n")
        .addJavadoc("@return an iterator of new {@code Ref}s\n")
        .addJavadoc("@throws $T if the map is closed\n", MAP_CLOSED)
        .addStatement("return new RefIterator(open().cursor())")
        .build();
  }

  private MethodSpec cursor() {
    return openMethod("cursor")
        .returns(name.nestedClass("Cursor"))
        .addJavadoc("Returns a cursor that reads and sets values without touching counts, in slot order. Works\n")
        .addJavadoc("on a closed map, over the entries its live {@code Ref}s hold.\n\n")
        .addJavadoc("@return a new cursor before the first entry\n")
        .addStatement("return new Cursor(counted.cursor())")
        .build();
  }


  private MethodSpec close() {
    return openMethod("close")
        .addAnnotation(Override.class)
        .addJavadoc("Lets go of the map as its owner. Live {@code Ref}s stay usable; when none is left the\n")
        .addJavadoc("storage is released and the on-dispose callback runs. Closing again does nothing.\n")
        .beginControlFlow("if (!closed)")
        .addStatement("closed = true")
        .addStatement("keepalive.release()")
        .endControlFlow()
        .build();
  }

  private MethodSpec isClosed() {
    return openMethod("isClosed")
        .returns(TypeName.BOOLEAN)
        .addJavadoc("Tells whether the owner has closed the map.\n\n@return whether {@link #close()} was called\n")
        .addStatement("return closed")
        .build();
  }

  private MethodSpec toStringMethod() {
    return openMethod("toString")
        .addAnnotation(Override.class)
        .returns(String.class)
        .addJavadoc("Returns the entries as {@code {key=value, ...}}, followed by {@code (closed)} once the owner\n")
        .addJavadoc("closed the map.\n\n")
        .addJavadoc("@return a description of the map\n")
        .addStatement("return closed ? counted + $S : counted.toString()", " (closed)")
        .build();
  }


  private MethodSpec open() {
    return MethodSpec.methodBuilder("open")
        .addModifiers(PRIVATE)
        .returns(countedType)
        .addJavadoc("Returns the entries of an open map.\n\n@throws $T if the map is closed\n", MAP_CLOSED)
        .beginControlFlow("if (closed)")
        .addStatement(
            "throw new $T($S)",
            MAP_CLOSED,
            name.simpleName() + " is closed: its owner let go of it, only the Refs it handed out still work")
        .endControlFlow()
        .addStatement("return counted")
        .build();
  }

  private MethodSpec admitted() {
    return MethodSpec.methodBuilder("admitted")
        .addModifiers(PRIVATE)
        .returns(refType)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Takes the keepalive unit of a newly inserted entry and returns its first {@code Ref}.\n")
        .addStatement("keepalive.acquire()")
        .addStatement("return new Ref$L(this, handle)", s.diamond())
        .build();
  }

  private MethodSpec removed() {
    return MethodSpec.methodBuilder("removed")
        .addModifiers(PRIVATE)
        .addParameter(keyType, "key")
        .addParameter(valueType, "value")
        .addJavadoc("Runs after an entry has left: the user's listener, then the entry's keepalive unit\n")
        .addJavadoc("returns (even if the listener threw), as in the seed's final-removal order.\n")
        .beginControlFlow("try")
        .beginControlFlow("if (listener != null)")
        .addStatement("listener.onRemoval(key, value)")
        .endControlFlow()
        .nextControlFlow("finally")
        .addStatement("keepalive.release()")
        .endControlFlow()
        .build();
  }

  private MethodSpec dispose() {
    return MethodSpec.methodBuilder("dispose")
        .addModifiers(PRIVATE)
        .addJavadoc("Releases the storage once the last keepalive unit has returned: the arrays are dropped for\n")
        .addJavadoc("an empty map of minimal size, which keeps {@code size()}, {@code containsKey} and\n")
        .addJavadoc("{@code cursor()} working.\n")
        .addStatement("counted = new $T$L(0)", countedMap, s.diamond())
        .beginControlFlow("if (onDispose != null)")
        .addStatement("onDispose.run()")
        .endControlFlow()
        .build();
  }


  // ---------------------------------------------------------------------------------------------
  // Nested types

  private TypeSpec valueFactoryType() {
    return TypeSpec.interfaceBuilder("ValueFactory")
        .addModifiers(PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Makes the value of a new entry, for {@link $T#insertWith} and {@link $T#findOrInsert}.\n", name, name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addMethod(
            MethodSpec.methodBuilder("create")
                .addModifiers(PUBLIC, Modifier.ABSTRACT)
                .returns(valueType)
                .addParameter(keyType, "key")
                .addJavadoc("Makes the value for a key that is not in the map.\n\n")
                .addJavadoc("@param key the key being inserted\n")
                .addJavadoc("@return its value\n")
                .build())
        .build();
  }

  private TypeSpec removalListenerType() {
    return TypeSpec.interfaceBuilder("RemovalListener")
        .addModifiers(PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Told of each entry that leaves a {@link $T}, after it has left and before its keepalive\n", name)
        .addJavadoc("unit returns.\n")
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addMethod(
            MethodSpec.methodBuilder("onRemoval")
                .addModifiers(PUBLIC, Modifier.ABSTRACT)
                .addParameter(keyType, "key")
                .addParameter(valueType, "value")
                .addJavadoc("Receives a removed entry. It may use the map and close other {@code Ref}s.\n\n")
                .addJavadoc("@param key the entry's key\n")
                .addJavadoc("@param value the entry's value\n")
                .build())
        .build();
  }

  private TypeSpec refClass() {
    TypeName ownerType = self;
    TypeSpec.Builder ref =
        TypeSpec.classBuilder("Ref")
            .addModifiers(PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addTypeVariables(s.typeVariables())
            .addSuperinterface(AutoCloseable.class)
            .addJavadoc("One counted reference to an entry of a {@link $T}, like a clone of a Rust {@code Rc}.\n\n", name)
            .addJavadoc("<p>It holds one count of its entry from creation until {@link #close()}, so the entry\n")
            .addJavadoc("cannot leave while it is open; {@code close()} gives that count back exactly once.\n")
            .addJavadoc("Accessors taking the map check that it is this {@code Ref}'s owner; the others do not.\n")
            .addJavadoc("Two {@code Ref}s are equal when they have the same owner and entry. Any call but\n")
            .addJavadoc("{@code close()}, {@code isClosed()}, {@code equals}, {@code hashCode} and {@code toString}\n")
            .addJavadoc("on a closed {@code Ref} throws {@link IllegalStateException}.\n")
            .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
            .addJavadoc(s.typeParamsDoc())
            .addField(FieldSpec.builder(ownerType, "owner", PRIVATE, Modifier.FINAL).addJavadoc("The map whose entry this is.\n").build())
            .addField(FieldSpec.builder(TypeName.LONG, "handle", PRIVATE, Modifier.FINAL).addJavadoc("The entry's handle in the owner's counted map.\n").build())
            .addField(
                FieldSpec.builder(LEAK_DETECTOR.nestedClass("LeakTracker"), "leak", PRIVATE, Modifier.FINAL)
                    .addJavadoc("Reports this {@code Ref} if it is never closed; {@code null} when not tracked. Only this\n")
                    .addJavadoc("{@code Ref} holds it, and the detector watches it instead of the {@code Ref}, so that\n")
                    .addJavadoc("tracking never stops the JIT from keeping a short-lived {@code Ref} off the heap.\n")
                    .build())
            .addField(FieldSpec.builder(TypeName.BOOLEAN, "closed", PRIVATE).addJavadoc("Whether {@link #close()} has given the count back.\n").build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(PRIVATE)
                    .addParameter(ownerType, "owner")
                    .addParameter(TypeName.LONG, "handle")
                    .addJavadoc("Wraps a count the caller has already taken.\n")
                    .addStatement("this.owner = owner")
                    .addStatement("this.handle = handle")
                    .addStatement("this.leak = $T.track(REF_DESCRIPTION)", LEAK_DETECTOR)
                    .build());

    ref.addMethod(ownerChecked("key", keyType, "the entry's key", "return key()"));
    ref.addMethod(ownerChecked("value", valueType, "the entry's value", "return value()"));
    ref.addMethod(
        MethodSpec.methodBuilder("setValue")
            .addModifiers(PUBLIC)
            .addParameter(ownerType, "map")
            .addParameter(valueType, "value")
            .addJavadoc("Replaces the entry's value, checking that {@code map} owns this {@code Ref}.\n\n")
            .addJavadoc("@param map the map this {@code Ref} came from\n")
            .addJavadoc("@param value the new value\n")
            .addJavadoc("@throws $T if {@code map} is not this {@code Ref}'s owner\n", WRONG_MAP)
            .addJavadoc("@throws IllegalStateException if this {@code Ref} is closed\n")
            .addStatement("checkOwner(map)")
            .addStatement("setValue(value)")
            .build());
    ref.addMethod(unchecked("key", keyType, "the entry's key", "return owner.counted.key(live())"));
    ref.addMethod(unchecked("value", valueType, "the entry's value", "return owner.counted.value(live())"));
    ref.addMethod(
        MethodSpec.methodBuilder("setValue")
            .addModifiers(PUBLIC)
            .addParameter(valueType, "value")
            .addJavadoc("Replaces the entry's value, without checking the owner.\n\n")
            .addJavadoc("@param value the new value\n")
            .addJavadoc("@throws IllegalStateException if this {@code Ref} is closed\n")
            .addStatement("owner.counted.setValue(live(), value)")
            .build());
    ref.addMethod(
        unchecked("refCount", TypeName.INT, "the number of open {@code Ref}s to the entry, this one included",
            "return owner.counted.refCount(live())"));
    ref.addMethod(
        MethodSpec.methodBuilder("share")
            .addModifiers(PUBLIC)
            .returns(refType)
            .addJavadoc("Returns another {@code Ref} to the same entry, adding one to its count (Rust's\n")
            .addJavadoc("{@code Rc::clone}). Works after the owner closed the map.\n\n")
            .addJavadoc("@return a new {@code Ref}; close it\n")
            .addJavadoc("@throws IllegalStateException if this {@code Ref} is closed, or the count would overflow\n")
            .addStatement("return new Ref$L(owner, owner.counted.retain(live()))", s.diamond())
            .build());
    ref.addMethod(
        MethodSpec.methodBuilder("close")
            .addModifiers(PUBLIC)
            .addAnnotation(Override.class)
            .addJavadoc("Gives this {@code Ref}'s count back. The last close of an entry removes it, runs the\n")
            .addJavadoc("removal listener, and may release the storage of a closed map. Closing again does\n")
            .addJavadoc("nothing.\n\n")
            .addJavadoc("@throws RuntimeException what the removal listener or on-dispose callback threw; the\n")
            .addJavadoc("    entry has left all the same\n")
            .beginControlFlow("if (closed)")
            .addStatement("return")
            .endControlFlow()
            .addComment("A close refused as re-entry must leave this Ref open: check before marking it.")
            .addStatement("assert owner.counted.notReentered($S)", "Ref.close")
            .addStatement("closed = true")
            .beginControlFlow("if (leak != null)")
            .addStatement("leak.close()")
            .endControlFlow()
            .addStatement("owner.counted.release(handle)")
            .build());
    ref.addMethod(
        MethodSpec.methodBuilder("isClosed")
            .addModifiers(PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addJavadoc("Tells whether this {@code Ref} was closed.\n\n@return whether {@link #close()} was called\n")
            .addStatement("return closed")
            .build());
    ref.addMethod(
        MethodSpec.methodBuilder("equals")
            .addModifiers(PUBLIC)
            .addAnnotation(Override.class)
            .returns(TypeName.BOOLEAN)
            .addParameter(Object.class, "other")
            .addJavadoc("Tells whether {@code other} is a {@code Ref} to the same entry of the same map.\n\n")
            .addJavadoc("@param other any object\n")
            .addJavadoc("@return whether both have the same owner and handle\n")
            .addStatement(
                "return other instanceof Ref$L && ((Ref$L) other).owner == owner && ((Ref$L) other).handle == handle",
                wildcards(), wildcards(), wildcards())
            .build());
    ref.addMethod(
        MethodSpec.methodBuilder("hashCode")
            .addModifiers(PUBLIC)
            .addAnnotation(Override.class)
            .returns(TypeName.INT)
            .addJavadoc("Returns a hash of the owner's identity and the handle.\n\n@return the hash\n")
            .addStatement("return 31 * $T.identityHashCode(owner) + $T.hashCode(handle)", System.class, Long.class)
            .build());
    ref.addMethod(
        MethodSpec.methodBuilder("toString")
            .addModifiers(PUBLIC)
            .addAnnotation(Override.class)
            .returns(String.class)
            .addJavadoc("Returns {@code Ref[key=value]}, or {@code Ref[closed]}.\n\n@return a description\n")
            .addStatement(
                "return closed ? $S : $S + owner.counted.key(handle) + '=' + owner.counted.value(handle) + ']'",
                "Ref[closed]",
                "Ref[")
            .build());
    ref.addMethod(
        MethodSpec.methodBuilder("live")
            .addModifiers(PRIVATE)
            .returns(TypeName.LONG)
            .addJavadoc("Returns the handle of an open {@code Ref}.\n\n@throws IllegalStateException if closed\n")
            .beginControlFlow("if (closed)")
            .addStatement("throw new $T($S)", IllegalStateException.class, "this Ref is closed")
            .endControlFlow()
            .addStatement("return handle")
            .build());
    ref.addMethod(
        MethodSpec.methodBuilder("checkOwner")
            .addModifiers(PRIVATE)
            .addParameter(ownerType, "map")
            .addJavadoc("Refuses a closed {@code Ref}, then a map that is not its owner.\n")
            .addStatement("live()")
            .beginControlFlow("if (map != owner)")
            .addStatement(
                "throw new $T($S + $T.toString(handle) + $S)",
                WRONG_MAP,
                "this Ref (",
                Snippets.HANDLES,
                ") belongs to another " + name.simpleName())
            .endControlFlow()
            .build());
    return ref.build();
  }

  private String wildcards() {
    int count = s.typeVariables().size();
    return count == 0 ? "" : count == 1 ? "<?>" : "<?, ?>";
  }

  private MethodSpec ownerChecked(String methodName, TypeName returns, String returnDoc, String body) {
    return MethodSpec.methodBuilder(methodName)
        .addModifiers(PUBLIC)
        .returns(returns)
        .addParameter(self, "map")
        .addJavadoc("Returns $L, checking that {@code map} owns this {@code Ref}.\n\n", returnDoc)
        .addJavadoc("@param map the map this {@code Ref} came from\n")
        .addJavadoc("@return $L\n", returnDoc)
        .addJavadoc("@throws $T if {@code map} is not this {@code Ref}'s owner\n", WRONG_MAP)
        .addJavadoc("@throws IllegalStateException if this {@code Ref} is closed\n")
        .addStatement("checkOwner(map)")
        .addStatement(body)
        .build();
  }

  private MethodSpec unchecked(String methodName, TypeName returns, String returnDoc, String body) {
    return MethodSpec.methodBuilder(methodName)
        .addModifiers(PUBLIC)
        .returns(returns)
        .addJavadoc("Returns $L, without checking the owner.\n\n", returnDoc)
        .addJavadoc("@return $L\n", returnDoc)
        .addJavadoc("@throws IllegalStateException if this {@code Ref} is closed\n")
        .addStatement(body)
        .build();
  }

  private TypeSpec cursorType() {
    TypeName countedCursor = s.inner(countedMap, "Cursor");
    return TypeSpec.classBuilder("Cursor")
        .addModifiers(PUBLIC, Modifier.FINAL)
        .addJavadoc("Reads and sets the values of the entries, in slot order, without touching counts; see\n")
        .addJavadoc("{@link $T#cursor()}. Entries may leave meanwhile, as in {@link $T#cursor()}.\n", name, countedMap)
        .addField(FieldSpec.builder(countedCursor, "cursor", PRIVATE, Modifier.FINAL).build())
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(countedCursor, "cursor")
                .addStatement("this.cursor = cursor")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("next")
                .addModifiers(PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addJavadoc("Moves to the next entry.\n\n@return {@code true} if there is one, {@code false} at the end\n")
                .addStatement("return cursor.next()")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("key")
                .addModifiers(PUBLIC)
                .returns(keyType)
                .addJavadoc("Returns the key of the current entry.\n\n@return its key\n")
                .addJavadoc("@throws IllegalStateException if there is no current entry\n")
                .addStatement("return cursor.key()")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("value")
                .addModifiers(PUBLIC)
                .returns(valueType)
                .addJavadoc("Returns the value of the current entry.\n\n@return its value\n")
                .addJavadoc("@throws IllegalStateException if there is no current entry\n")
                .addStatement("return cursor.value()")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("setValue")
                .addModifiers(PUBLIC)
                .addParameter(valueType, "value")
                .addJavadoc("Replaces the value of the current entry.\n\n@param value the new value\n")
                .addJavadoc("@throws IllegalStateException if there is no current entry\n")
                .addStatement("cursor.setValue(value)")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("ref")
                .addModifiers(PUBLIC)
                .returns(refType)
                .addJavadoc("Returns a new {@link Ref} to the current entry, adding one to its count.\n\n")
                .addJavadoc("@return a new {@code Ref}; close it\n")
                .addJavadoc("@throws IllegalStateException if there is no current entry\n")
                .addStatement("return new Ref$L($T.this, counted.retain(cursor.handle()))", s.diamond(), name)
                .build())
        .build();
  }

  private TypeSpec refIteratorType() {
    TypeName countedCursor = s.inner(countedMap, "Cursor");
    return TypeSpec.classBuilder("RefIterator")
        .addModifiers(PRIVATE, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Iterator.class), refType))
        .addJavadoc("The iterator of {@link $T#refs()}: a new {@code Ref} per entry.\n", name)
        .addField(FieldSpec.builder(countedCursor, "cursor", PRIVATE, Modifier.FINAL).build())
        .addField(
            FieldSpec.builder(TypeName.BOOLEAN, "advanced", PRIVATE)
                .addJavadoc("Whether {@link #cursor} has moved past the last yielded entry.\n")
                .build())
        .addField(
            FieldSpec.builder(TypeName.BOOLEAN, "hasEntry", PRIVATE)
                .addJavadoc("Whether {@link #cursor} is on an entry not yet yielded.\n")
                .build())
        .addMethod(
            MethodSpec.constructorBuilder()
                .addModifiers(PRIVATE)
                .addParameter(countedCursor, "cursor")
                .addStatement("this.cursor = cursor")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("hasNext")
                .addModifiers(PUBLIC)
                .addAnnotation(Override.class)
                .returns(TypeName.BOOLEAN)
                .beginControlFlow("if (!advanced)")
                .addStatement("hasEntry = cursor.next()")
                .addStatement("advanced = true")
                .endControlFlow()
                .addStatement("return hasEntry")
                .build())
        .addMethod(
            MethodSpec.methodBuilder("next")
                .addModifiers(PUBLIC)
                .addAnnotation(Override.class)
                .returns(refType)
                .addComment("The entry hasNext() found may have left since: move on to the next live one.")
                .beginControlFlow("while (hasNext())")
                .addStatement("advanced = false")
                .addStatement("long handle = cursor.handle()")
                .beginControlFlow("if (counted.contains(handle))")
                .addStatement("return new Ref$L($T.this, counted.retain(handle))", s.diamond(), name)
                .endControlFlow()
                .endControlFlow()
                .addStatement("throw new $T()", NoSuchElementException.class)
                .build())
        .build();
  }
}
