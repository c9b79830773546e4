package dev.rchashmap.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.rchashmap.annotations.Layer;
import dev.rchashmap.processor.model.MapModel;
import dev.rchashmap.processor.model.TypeModel;
import java.util.Arrays;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code CountedHashMap} class of one specialization: the specialization's {@code
 * HandleHashMap} plus one reference count per slot, as in the seed's Module 2. Entries leave when
 * their count returns to zero, and a removal listener runs after each has left.
 */
final class CountedMapGenerator {
  private static final Modifier PUBLIC = Modifier.PUBLIC;
  private static final Modifier PRIVATE = Modifier.PRIVATE;

  private final MapModel model;
  private final Snippets s;
  private final ClassName name;
  private final ClassName handleMap;
  private final TypeName self;
  private final TypeName entriesType;
  private final TypeName keyType;
  private final TypeName valueType;
  private final TypeName listenerType;

  CountedMapGenerator(MapModel model) {
    this.model = model;
    this.s = new Snippets(model);
    this.name = model.className(Layer.COUNTED);
    this.handleMap = model.className(Layer.HANDLE);
    this.self = s.parameterized(name);
    this.entriesType = s.parameterized(handleMap);
    this.keyType = s.keyType();
    this.valueType = s.valueType();
    this.listenerType = s.nestedParameter(name, "RemovalListener", false);
  }

  TypeSpec generate() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addTypeVariables(s.typeVariables())
            .addJavadoc(classJavadoc());
    addFields(type);
    addConstructors(type);
    type.addMethod(builderMethod());

    type.addMethod(insert());
    type.addMethod(tryInsert());
    type.addMethod(insertWith());
    type.addMethod(find());
    type.addMethod(findOrInsert());
    type.addMethod(delegate("containsKey", TypeName.BOOLEAN, "Tells whether a key is in the map, without counting.", "whether the map has an entry for {@code key}", true, "key"));
    type.addMethod(getOrDefault());
    type.addMethod(delegate("contains", TypeName.BOOLEAN, "Tells whether a handle is live: its entry is still in this map.", "whether {@code handle} reaches an entry of this map", false, "handle"));
    type.addMethod(delegate("key", keyType, "Returns the key of an entry.", "its key", false, "handle"));
    type.addMethod(delegate("value", valueType, "Returns the value of an entry.", "its value", false, "handle"));
    type.addMethod(setValue());
    type.addMethod(retain());
    type.addMethod(release());
    type.addMethod(refCount());
    type.addMethod(size());
    type.addMethod(isEmpty());
    type.addMethod(cursor());
    type.addMethod(forEach());
    type.addMethod(toStringMethod());

    type.addMethod(
        MethodSpec.methodBuilder("notReentered")
            .returns(TypeName.BOOLEAN)
            .addParameter(String.class, "operation")
            .addJavadoc("Lets the Rc layer refuse, before it changes anything, an operation called from user\n")
            .addJavadoc("equality code of this map; used as {@code assert notReentered(op)}.\n")
            .addStatement("return entries.notReentered(operation)")
            .build());
    type.addMethod(counted());
    type.addMethod(increment());
    type.addMethod(checkedSlot());
    type.addMethod(notifyRemoval());
    type.addMethod(enqueueRemoval());
    if (!s.typeVariables().isEmpty()) {
      type.addMethod(uncheckedCast());
    }

    type.addType(builderType());
    type.addType(valueFactoryType());
    type.addType(removalListenerType());
    type.addType(entryConsumerType());
    type.addType(cursorType());
    return type.build();
  }

  private CodeBlock classJavadoc() {
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("A hash map from $L keys to $L values whose entries are reference counted and reached\n",
        s.javadocType(model.key()), s.javadocType(model.value()));
    doc.add("through stable {@code long} handles.\n\n");
    doc.add("<p>An entry starts with count 1 when it is inserted. {@link #find} and {@link #retain} add one,\n");
    doc.add("{@link #release} takes one away, and when the count reaches zero the entry leaves the map:\n");
    doc.add("its handle becomes stale and the removal listener, if any, receives its key and value. The\n");
    doc.add("listener runs after the entry is fully unlinked, so it may release other entries (a\n");
    doc.add("cascade); removals caused by a listener are queued and their listeners run one after\n");
    doc.add("another, never nested, so even a long chain of cascading removals uses constant stack.\n\n");
    doc.add("<p>Entries are stored in a {@link $T}; each handle, key and value works as there.\n", handleMap);
    doc.add("There is no way to remove an entry other than releasing it: counts are never bypassed.\n\n");
    doc.add("<p>Iteration ({@link #cursor()}, {@link #forEach}) goes by slot and tolerates removals: an\n");
    doc.add("entry live for the whole iteration is visited exactly once, one removed before it is\n");
    doc.add("reached is not visited, one inserted meanwhile may or may not be.\n\n");
    doc.add("<p><b>Not thread-safe.</b> Confine a map to one thread or guard it with a lock.\n\n");
    doc.add("<p>Generated by rchashmap from {@code $L}.\n", model.annotationSource());
    if (!s.typeVariables().isEmpty()) {
      doc.add("\n$L", s.typeParamsDoc());
    }
    return doc.build();
  }

  private void addFields(TypeSpec.Builder type) {
    type.addField(
        FieldSpec.builder(entriesType, "entries", PRIVATE, Modifier.FINAL)
            .addJavadoc("The entries; this class adds the counts.\n")
            .build());
    type.addField(
        FieldSpec.builder(int[].class, "counts", PRIVATE)
            .addJavadoc("The reference count of each slot of {@link #entries}; grown as slots are handed out.\n")
            .build());
    type.addField(
        FieldSpec.builder(listenerType, "listener", PRIVATE, Modifier.FINAL)
            .addJavadoc("Told of every entry that leaves, or {@code null}.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.BOOLEAN, "notifying", PRIVATE)
            .addJavadoc("Whether the listener is running; removals it causes are queued meanwhile.\n")
            .build());
    type.addField(
        FieldSpec.builder(model.key().arrayType(), "pendingKeys", PRIVATE)
            .addJavadoc("Keys of removed entries whose listener call is queued, from {@link #pendingHead}.\n")
            .build());
    type.addField(
        FieldSpec.builder(model.value().arrayType(), "pendingValues", PRIVATE)
            .addJavadoc("Values of removed entries whose listener call is queued, parallel to {@link #pendingKeys}.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.INT, "pendingHead", PRIVATE)
            .addJavadoc("The next queued removal to notify.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.INT, "pendingTail", PRIVATE)
            .addJavadoc("Where the next removal is queued.\n")
            .build());
  }

  private void addConstructors(TypeSpec.Builder type) {
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(PUBLIC)
            .addJavadoc("Creates an empty map with room for a few entries and no removal listener.\n")
            .addStatement("this(new $T$L(), null)", handleMap, s.diamond())
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(PUBLIC)
            .addJavadoc("Creates an empty map that holds {@code expectedSize} entries before it grows, with no\n")
            .addJavadoc("removal listener.\n\n")
            .addJavadoc("@param expectedSize the number of entries to make room for\n")
            .addJavadoc("@throws IllegalArgumentException if {@code expectedSize} is negative\n")
            .addParameter(TypeName.INT, "expectedSize")
            .addStatement("this(new $T$L(expectedSize), null)", handleMap, s.diamond())
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(PRIVATE)
            .addParameter(entriesType, "entries")
            .addParameter(listenerType, "listener")
            .addStatement("this.entries = entries")
            .addStatement("this.counts = new int[16]")
            .addStatement("this.listener = listener")
            .build());
  }

  private MethodSpec builderMethod() {
    return MethodSpec.methodBuilder("builder")
        .addModifiers(PUBLIC, Modifier.STATIC)
        .addTypeVariables(s.typeVariables())
        .returns(s.nested(name, "Builder"))
        .addJavadoc("Returns a builder for a map with a chosen expected size, key equivalence or removal listener.\n\n")
        .addJavadoc(s.typeParamsDoc())
        .addJavadoc("@return a new builder\n")
        .addStatement("return new Builder$L()", s.diamond())
        .build();
  }

  private TypeSpec builderType() {
    TypeName builder = s.nested(name, "Builder");
    TypeName entriesBuilder = s.nested(handleMap, "Builder");
    return TypeSpec.classBuilder("Builder")
        .addModifiers(PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Builds a {@link $T} with a chosen expected size, key equivalence or removal listener.\n", name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addField(
            FieldSpec.builder(entriesBuilder, "entries", PRIVATE, Modifier.FINAL)
                .initializer("$T.builder()", handleMap)
                .build())
        .addField(FieldSpec.builder(listenerType, "removalListener", PRIVATE).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
        .addMethods(s.sizeAndEquivalenceSetters(builder, "entries.%1$s(%1$s)"))
        .addMethod(Snippets.removalListenerSetter(builder, listenerType))
        .addMethod(
            MethodSpec.methodBuilder("build")
                .addModifiers(PUBLIC)
                .returns(self)
                .addJavadoc("Creates the map.\n\n")
                .addJavadoc("@return a new empty map\n")
                .addJavadoc("@throws IllegalArgumentException if the expected size is negative\n")
                .addStatement("return new $T$L(entries.build(), removalListener)", name, s.diamond())
                .build())
        .build();
  }

  // ---------------------------------------------------------------------------------------------

  private String nullKeyDoc() {
    return model.key().isReference() ? "@throws NullPointerException if {@code key} is null\n" : "";
  }

  private MethodSpec insert() {
    return MethodSpec.methodBuilder("insert")
        .addModifiers(PUBLIC)
        .returns(TypeName.LONG)
        .addParameter(keyType, "key")
        .addParameter(valueType, "value")
        .addJavadoc("Adds a new entry with count 1.\n\n")
        .addJavadoc("@param key the key, not yet in the map\n")
        .addJavadoc("@param value the value\n")
        .addJavadoc("@return the handle of the new entry\n")
        .addJavadoc("@throws $L if {@code key} is already in the map, which is then unchanged\n", Snippets.javadocOnly(Snippets.DUPLICATE_KEY))
        .addJavadoc(nullKeyDoc())
        .addStatement("return counted(entries.insert(key, value))")
        .build();
  }

  private MethodSpec tryInsert() {
    return MethodSpec.methodBuilder("tryInsert")
        .addModifiers(PUBLIC)
        .returns(TypeName.LONG)
        .addParameter(keyType, "key")
        .addParameter(valueType, "value")
        .addJavadoc("Adds a new entry with count 1 unless the key is already in the map.\n\n")
        .addJavadoc("@param key the key\n")
        .addJavadoc("@param value the value\n")
        .addJavadoc("@return the handle of the new entry, or {@link $T#NONE} if {@code key} was already in the\n    map, whose counts are then unchanged\n", Snippets.HANDLES)
        .addJavadoc(nullKeyDoc())
        .addStatement("long handle = entries.tryInsert(key, value)")
        .addStatement("return handle == $T.NONE ? handle : counted(handle)", Snippets.HANDLES)
        .build();
  }

  private MethodSpec insertWith() {
    return MethodSpec.methodBuilder("insertWith")
        .addModifiers(PUBLIC)
        .returns(TypeName.LONG)
        .addParameter(keyType, "key")
        .addParameter(s.nestedParameter(name, "ValueFactory", true), "factory")
        .addJavadoc("Adds a new entry with count 1, whose value is made by {@code factory} only when the key is new.\n\n")
        .addJavadoc("@param key the key, not yet in the map\n")
        .addJavadoc("@param factory makes the value from the key; may use this map\n")
        .addJavadoc("@return the handle of the new entry\n")
        .addJavadoc("@throws $L if {@code key} is already in the map; the factory is not run\n", Snippets.javadocOnly(Snippets.DUPLICATE_KEY))
        .addJavadoc(nullKeyDoc())
        .addStatement("return counted(entries.insertWith(key, factory))")
        .build();
  }

  private MethodSpec find() {
    return MethodSpec.methodBuilder("find")
        .addModifiers(PUBLIC)
        .returns(TypeName.LONG)
        .addParameter(keyType, "key")
        .addJavadoc("Looks up a key and, when found, adds one to its count; the caller owes a {@link #release}.\n\n")
        .addJavadoc("@param key the key\n")
        .addJavadoc("@return the handle of its entry, or {@link $T#NONE} if the key is not in the map\n", Snippets.HANDLES)
        .addJavadoc("@throws IllegalStateException if the count would overflow; it is then unchanged\n")
        .addJavadoc(nullKeyDoc())
        .addStatement("long handle = entries.find(key)")
        .beginControlFlow("if (handle != $T.NONE)", Snippets.HANDLES)
        .addStatement("increment(handle)")
        .endControlFlow()
        .addStatement("return handle")
        .build();
  }

  private MethodSpec findOrInsert() {
    return MethodSpec.methodBuilder("findOrInsert")
        .addModifiers(PUBLIC)
        .returns(TypeName.LONG)
        .addParameter(keyType, "key")
        .addParameter(s.nestedParameter(name, "ValueFactory", true), "factory")
        .addJavadoc("Interns a key: adds one to the count of its entry, or inserts a new entry with count 1\n")
        .addJavadoc("whose value {@code factory} makes. Either way the caller owes a {@link #release}.\n\n")
        .addJavadoc("@param key the key\n")
        .addJavadoc("@param factory makes the value when the key is new; may use this map\n")
        .addJavadoc("@return the handle of the key's entry\n")
        .addJavadoc("@throws $L if the factory itself inserted {@code key}\n", Snippets.javadocOnly(Snippets.DUPLICATE_KEY))
        .addJavadoc("@throws IllegalStateException if the count would overflow; it is then unchanged\n")
        .addJavadoc(nullKeyDoc())
        .addStatement("long handle = entries.find(key)")
        .beginControlFlow("if (handle != $T.NONE)", Snippets.HANDLES)
        .addStatement("increment(handle)")
        .addStatement("return handle")
        .endControlFlow()
        .addStatement("return counted(entries.insertWith(key, factory))")
        .build();
  }

  /** A method that only forwards to {@link #entries}. */
  private MethodSpec delegate(
      String methodName, TypeName returns, String summary, String returnDoc, boolean byKey, String parameter) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(methodName)
            .addModifiers(PUBLIC)
            .returns(returns)
            .addParameter(byKey ? keyType : TypeName.LONG, parameter)
            .addJavadoc("$L\n\n", summary)
            .addJavadoc(byKey ? "@param key the key\n" : "@param handle the entry's handle\n")
            .addJavadoc("@return $L\n", returnDoc);
    if (byKey) {
      method.addJavadoc(nullKeyDoc());
    } else if (!methodName.equals("contains")) {
      method.addJavadoc("@throws $T if {@code handle} is not live\n", Snippets.STALE_HANDLE);
    }
    return method.addStatement("return entries.$L($L)", methodName, parameter).build();
  }

  private MethodSpec getOrDefault() {
    return MethodSpec.methodBuilder("getOrDefault")
        .addModifiers(PUBLIC)
        .returns(valueType)
        .addParameter(keyType, "key")
        .addParameter(valueType, "defaultValue")
        .addJavadoc("Returns the value of a key, or a default when the key is not in the map, without counting.\n\n")
        .addJavadoc("@param key the key\n")
        .addJavadoc("@param defaultValue returned when {@code key} is not in the map\n")
        .addJavadoc("@return the value of {@code key}, or {@code defaultValue}\n")
        .addJavadoc(nullKeyDoc())
        .addStatement("return entries.getOrDefault(key, defaultValue)")
        .build();
  }

  private MethodSpec setValue() {
    return MethodSpec.methodBuilder("setValue")
        .addModifiers(PUBLIC)
        .addParameter(TypeName.LONG, "handle")
        .addParameter(valueType, "value")
        .addJavadoc("Replaces the value of an entry.\n\n")
        .addJavadoc("@param handle the entry's handle\n")
        .addJavadoc("@param value the new value\n")
        .addJavadoc("@throws $T if {@code handle} is not live\n", Snippets.STALE_HANDLE)
        .addStatement("entries.setValue(handle, value)")
        .build();
  }

  private MethodSpec retain() {
    return MethodSpec.methodBuilder("retain")
        .addModifiers(PUBLIC)
        .returns(TypeName.LONG)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Adds one to the count of an entry; the caller owes one more {@link #release}.\n\n")
        .addJavadoc("@param handle the entry's handle\n")
        .addJavadoc("@return {@code handle}, for chaining\n")
        .addJavadoc("@throws $T if {@code handle} is not live\n", Snippets.STALE_HANDLE)
        .addJavadoc("@throws IllegalStateException if the count would overflow; it is then unchanged\n")
        .addStatement("assert entries.notReentered($S)", "retain")
        .addStatement("checkedSlot(handle)")
        .addStatement("increment(handle)")
        .addStatement("return handle")
        .build();
  }

  private MethodSpec release() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("release")
            .addModifiers(PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addParameter(TypeName.LONG, "handle")
            .addJavadoc("Takes one away from the count of an entry. At zero the entry leaves the map, its handle\n")
            .addJavadoc("becomes stale, and then the removal listener receives its key and value.\n\n")
            .addJavadoc("@param handle the entry's handle\n")
            .addJavadoc("@return {@code true} if the entry left the map\n")
            .addJavadoc("@throws $T if {@code handle} is not live\n", Snippets.STALE_HANDLE)
            .addJavadoc("@throws RuntimeException what the removal listener threw, after the entry has left and\n")
            .addJavadoc("    every queued listener call has run\n");
    method.addComment("Refused before anything changes when called from user equality code of this map.");
    method.addStatement("assert entries.notReentered($S)", "release");
    method.addStatement("int slot = checkedSlot(handle)");
    method.addStatement("int count = counts[slot]");
    method.beginControlFlow("if (count > 1)");
    method.addStatement("counts[slot] = count - 1");
    method.addStatement("return false");
    method.endControlFlow();
    method.addStatement("$T key = entries.key(handle)", keyType);
    method.addStatement("$T value = entries.value(handle)", valueType);
    method.addStatement("counts[slot] = 0");
    method.addStatement("entries.remove(handle)");
    method.addStatement("notifyRemoval(key, value)");
    method.addStatement("return true");
    return method.build();
  }

  private MethodSpec refCount() {
    return MethodSpec.methodBuilder("refCount")
        .addModifiers(PUBLIC)
        .returns(TypeName.INT)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Returns the count of an entry.\n\n")
        .addJavadoc("@param handle the entry's handle\n")
        .addJavadoc("@return its count, at least 1\n")
        .addJavadoc("@throws $T if {@code handle} is not live\n", Snippets.STALE_HANDLE)
        .addStatement("return counts[checkedSlot(handle)]")
        .build();
  }

  private MethodSpec size() {
    return MethodSpec.methodBuilder("size")
        .addModifiers(PUBLIC)
        .returns(TypeName.INT)
        .addJavadoc("Returns the number of entries, each with a count of at least 1.\n\n@return the number of entries\n")
        .addStatement("return entries.size()")
        .build();
  }

  private MethodSpec isEmpty() {
    return MethodSpec.methodBuilder("isEmpty")
        .addModifiers(PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addJavadoc("Tells whether the map has no entries.\n\n@return whether {@link #size()} is zero\n")
        .addStatement("return entries.isEmpty()")
        .build();
  }

  private MethodSpec cursor() {
    return MethodSpec.methodBuilder("cursor")
        .addModifiers(PUBLIC)
        .returns(name.nestedClass("Cursor"))
        .addJavadoc("Returns a cursor over the entries, in slot order, that changes no count and tolerates\n")
        .addJavadoc("removals (see the class comment).\n\n")
        .addJavadoc("@return a new cursor before the first entry\n")
        .addStatement("return new Cursor()")
        .build();
  }

  private MethodSpec forEach() {
    return MethodSpec.methodBuilder("forEach")
        .addModifiers(PUBLIC)
        .addParameter(s.nestedParameter(name, "EntryConsumer", false), "consumer")
        .addJavadoc("Passes every entry to {@code consumer}, in slot order, changing no count. The consumer\n")
        .addJavadoc("may release entries (see the class comment on iteration).\n\n")
        .addJavadoc("@param consumer receives each entry's handle, key and value\n")
        .addStatement("$T.requireNonNull(consumer, $S)", java.util.Objects.class, "consumer")
        .beginControlFlow("for (int slot = entries.nextLiveSlot(0); slot >= 0; slot = entries.nextLiveSlot(slot + 1))")
        .addStatement("long handle = entries.handleAt(slot)")
        .addStatement("consumer.accept(handle, entries.key(handle), entries.value(handle))")
        .endControlFlow()
        .build();
  }

  private MethodSpec toStringMethod() {
    return MethodSpec.methodBuilder("toString")
        .addModifiers(PUBLIC)
        .addAnnotation(Override.class)
        .returns(String.class)
        .addJavadoc("Returns the entries as {@code {key=value, ...}}, in slot order.\n\n")
        .addJavadoc("@return a description of the entries\n")
        .addStatement("return entries.toString()")
        .build();
  }

  // ---------------------------------------------------------------------------------------------

  private MethodSpec counted() {
    return MethodSpec.methodBuilder("counted")
        .addModifiers(PRIVATE)
        .returns(TypeName.LONG)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Gives a newly inserted entry count 1, growing {@link #counts} to cover its slot.\n")
        .addStatement("int slot = $T.index(handle)", Snippets.HANDLES)
        .beginControlFlow("if (slot >= counts.length)")
        .addStatement("counts = $T.copyOf(counts, $T.grownCapacity(counts.length, slot + 1))", Arrays.class, Snippets.HASHING)
        .endControlFlow()
        .addStatement("counts[slot] = 1")
        .addStatement("return handle")
        .build();
  }

  private MethodSpec increment() {
    return MethodSpec.methodBuilder("increment")
        .addModifiers(PRIVATE)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Adds one to the count of a live handle, refusing to overflow.\n")
        .addStatement("int slot = $T.index(handle)", Snippets.HANDLES)
        .addStatement("int count = counts[slot]")
        .beginControlFlow("if (count == $T.MAX_VALUE)", Integer.class)
        .addStatement(
            "throw new $T($S + $T.toString(handle) + $S)",
            IllegalStateException.class,
            "the reference count of ",
            Snippets.HANDLES,
            " would overflow")
        .endControlFlow()
        .addStatement("counts[slot] = count + 1")
        .build();
  }

  private MethodSpec checkedSlot() {
    return MethodSpec.methodBuilder("checkedSlot")
        .addModifiers(PRIVATE)
        .returns(TypeName.INT)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Returns the slot of a live handle.\n\n@throws $T if the handle is not live\n", Snippets.STALE_HANDLE)
        .beginControlFlow("if (!entries.contains(handle))")
        .addStatement("throw $T.of(handle)", Snippets.STALE_HANDLE)
        .endControlFlow()
        .addStatement("return $T.index(handle)", Snippets.HANDLES)
        .build();
  }

  private MethodSpec notifyRemoval() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("notifyRemoval")
            .addModifiers(PRIVATE)
            .addParameter(keyType, "key")
            .addParameter(valueType, "value")
            .addJavadoc("Tells the listener about a removed entry. A removal caused by the listener itself is\n")
            .addJavadoc("queued and told after it returns, so cascades loop instead of recursing. Every queued\n")
            .addJavadoc("call runs even if one throws; the first exception is rethrown at the end, later ones\n")
            .addJavadoc("are added to it as suppressed.\n");
    method.beginControlFlow("if (listener == null)");
    method.addStatement("return");
    method.endControlFlow();
    method.beginControlFlow("if (notifying)");
    method.addStatement("enqueueRemoval(key, value)");
    method.addStatement("return");
    method.endControlFlow();
    method.addStatement("notifying = true");
    method.addStatement("$T failure = null", Throwable.class);
    method.addStatement("$T nextKey = key", keyType);
    method.addStatement("$T nextValue = value", valueType);
    method.beginControlFlow("try");
    method.beginControlFlow("while (true)");
    method.beginControlFlow("try");
    method.addStatement("listener.onRemoval(nextKey, nextValue)");
    method.nextControlFlow("catch ($T | $T e)", RuntimeException.class, Error.class);
    method.beginControlFlow("if (failure == null)");
    method.addStatement("failure = e");
    method.nextControlFlow("else");
    method.addStatement("failure.addSuppressed(e)");
    method.endControlFlow();
    method.endControlFlow();
    method.beginControlFlow("if (pendingHead == pendingTail)");
    method.addStatement("break");
    method.endControlFlow();
    method.addStatement("nextKey = $L", pendingRead("pendingKeys", model.key()));
    method.addStatement("nextValue = $L", pendingRead("pendingValues", model.value()));
    if (model.key().isReference()) {
      method.addStatement("pendingKeys[pendingHead] = null");
    }
    if (model.value().isReference()) {
      method.addStatement("pendingValues[pendingHead] = null");
    }
    method.addStatement("pendingHead++");
    method.endControlFlow();
    method.nextControlFlow("finally");
    method.addStatement("notifying = false");
    method.addStatement("pendingHead = 0");
    method.addStatement("pendingTail = 0");
    method.endControlFlow();
    method.beginControlFlow("if (failure instanceof $T)", RuntimeException.class);
    method.addStatement("throw ($T) failure", RuntimeException.class);
    method.endControlFlow();
    method.beginControlFlow("if (failure != null)");
    method.addStatement("throw ($T) failure", Error.class);
    method.endControlFlow();
    return method.build();
  }

  private CodeBlock pendingRead(String array, TypeModel type) {
    return type.kind() == TypeModel.Kind.TYPE_VARIABLE
        ? CodeBlock.of("cast($L[pendingHead])", array)
        : CodeBlock.of("$L[pendingHead]", array);
  }

  private MethodSpec enqueueRemoval() {
    return MethodSpec.methodBuilder("enqueueRemoval")
        .addModifiers(PRIVATE)
        .addParameter(keyType, "key")
        .addParameter(valueType, "value")
        .addJavadoc("Queues the listener call for an entry removed while the listener runs.\n")
        .beginControlFlow("if (pendingKeys == null)")
        .addStatement("pendingKeys = $L", HandleMapGenerator.newArray(model.key(), "8"))
        .addStatement("pendingValues = $L", HandleMapGenerator.newArray(model.value(), "8"))
        .nextControlFlow("else if (pendingTail == pendingKeys.length)")
        .addStatement("pendingKeys = $T.copyOf(pendingKeys, pendingTail * 2)", Arrays.class)
        .addStatement("pendingValues = $T.copyOf(pendingValues, pendingTail * 2)", Arrays.class)
        .endControlFlow()
        .addStatement("pendingKeys[pendingTail] = key")
        .addStatement("pendingValues[pendingTail] = value")
        .addStatement("pendingTail++")
        .build();
  }

  private MethodSpec uncheckedCast() {
    TypeVariableName t = TypeVariableName.get("T");
    return MethodSpec.methodBuilder("cast")
        .addModifiers(PRIVATE, Modifier.STATIC)
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
        .addTypeVariable(t)
        .returns(t)
        .addParameter(Object.class, "queued")
        .addJavadoc("Reads back a queued key or value; only {@code K}/{@code V} instances are queued.\n")
        .addStatement("return ($T) queued", t)
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Nested types

  private TypeSpec valueFactoryType() {
    return TypeSpec.interfaceBuilder("ValueFactory")
        .addModifiers(PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(s.typeVariables())
        .addSuperinterface(s.nested(handleMap, "ValueFactory"))
        .addJavadoc("Makes the value of a new entry, for {@link $T#insertWith} and {@link $T#findOrInsert}.\n", name, name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .build();
  }

  private TypeSpec removalListenerType() {
    return TypeSpec.interfaceBuilder("RemovalListener")
        .addModifiers(PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Told of each entry that leaves a {@link $T}, after it has left.\n", name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addMethod(
            MethodSpec.methodBuilder("onRemoval")
                .addModifiers(PUBLIC, Modifier.ABSTRACT)
                .addParameter(keyType, "key")
                .addParameter(valueType, "value")
                .addJavadoc("Receives a removed entry. It may use the map, for example release other entries.\n\n")
                .addJavadoc("@param key the entry's key\n")
                .addJavadoc("@param value the entry's value\n")
                .build())
        .build();
  }

  private TypeSpec entryConsumerType() {
    return TypeSpec.interfaceBuilder("EntryConsumer")
        .addModifiers(PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Receives entries from {@link $T#forEach}.\n", name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addMethod(
            MethodSpec.methodBuilder("accept")
                .addModifiers(PUBLIC, Modifier.ABSTRACT)
                .addParameter(TypeName.LONG, "handle")
                .addParameter(keyType, "key")
                .addParameter(valueType, "value")
                .addJavadoc("Receives one entry.\n\n")
                .addJavadoc("@param handle the entry's handle\n")
                .addJavadoc("@param key its key\n")
                .addJavadoc("@param value its value\n")
                .build())
        .build();
  }

  private TypeSpec cursorType() {
    TypeSpec.Builder cursor =
        TypeSpec.classBuilder("Cursor")
            .addModifiers(PUBLIC, Modifier.FINAL)
            .addJavadoc("A position in the entries of the map, moved by {@link #next()}; see {@link $T#cursor()}.\n", name)
            .addField(
                FieldSpec.builder(TypeName.LONG, "handle", PRIVATE)
                    .addJavadoc("The handle of the current entry, or {@link $T#NONE}.\n", Snippets.HANDLES)
                    .initializer("$T.NONE", Snippets.HANDLES)
                    .build())
            .addField(
                FieldSpec.builder(TypeName.INT, "nextSlot", PRIVATE)
                    .addJavadoc("Where the search for the next entry starts.\n")
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    cursor.addMethod(
        MethodSpec.methodBuilder("next")
            .addModifiers(PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addJavadoc("Moves to the next entry.\n\n")
            .addJavadoc("@return {@code true} if there is one, {@code false} at the end\n")
            .addStatement("int slot = entries.nextLiveSlot(nextSlot)")
            .beginControlFlow("if (slot < 0)")
            .addStatement("handle = $T.NONE", Snippets.HANDLES)
            .addStatement("return false")
            .endControlFlow()
            .addStatement("handle = entries.handleAt(slot)")
            .addStatement("nextSlot = slot + 1")
            .addStatement("return true")
            .build());
    cursor.addMethod(
        MethodSpec.methodBuilder("handle")
            .addModifiers(PUBLIC)
            .returns(TypeName.LONG)
            .addJavadoc("Returns the handle of the current entry.\n\n@return its handle\n")
            .addJavadoc("@throws IllegalStateException if there is no current entry\n")
            .beginControlFlow("if (handle == $T.NONE)", Snippets.HANDLES)
            .addStatement("throw new $T($S)", IllegalStateException.class, "no current entry: call next() first")
            .endControlFlow()
            .addStatement("return handle")
            .build());
    cursor.addMethod(cursorAccessor("key", keyType, "its key", "return entries.key(handle())"));
    cursor.addMethod(cursorAccessor("value", valueType, "its value", "return entries.value(handle())"));
    cursor.addMethod(cursorAccessor("refCount", TypeName.INT, "its count", "return counts[checkedSlot(handle())]"));
    cursor.addMethod(
        MethodSpec.methodBuilder("setValue")
            .addModifiers(PUBLIC)
            .addParameter(valueType, "value")
            .addJavadoc("Replaces the value of the current entry.\n\n@param value the new value\n")
            .addJavadoc("@throws IllegalStateException if there is no current entry\n")
            .addJavadoc("@throws $T if the current entry has left the map\n", Snippets.STALE_HANDLE)
            .addStatement("entries.setValue(handle(), value)")
            .build());
    return cursor.build();
  }

  private MethodSpec cursorAccessor(String methodName, TypeName returns, String returnDoc, String body) {
    return MethodSpec.methodBuilder(methodName)
        .addModifiers(PUBLIC)
        .returns(returns)
        .addJavadoc("Returns $L of the current entry.\n\n@return $L\n", returnDoc.replace("its ", "the "), returnDoc)
        .addJavadoc("@throws IllegalStateException if there is no current entry\n")
        .addJavadoc("@throws $T if the current entry has left the map\n", Snippets.STALE_HANDLE)
        .addStatement(body)
        .build();
  }
}
