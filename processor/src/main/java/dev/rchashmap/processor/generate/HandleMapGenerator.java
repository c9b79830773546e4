package dev.rchashmap.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.rchashmap.annotations.Layer;
import dev.rchashmap.processor.model.MapModel;
import dev.rchashmap.processor.model.TypeModel;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the {@code HandleHashMap} class of one specialization: slot storage plus a linear-probing
 * hash index, as described in the processor's {@code DESIGN.md}. The hot paths (hash, probe,
 * insert, handle access) are written out in the generated class itself, so the JIT sees one
 * monomorphic class per specialization.
 */
final class HandleMapGenerator {
  private static final Modifier[] PUBLIC = {Modifier.PUBLIC};
  private static final Modifier[] PRIVATE = {Modifier.PRIVATE};

  private final MapModel model;
  private final Snippets s;
  private final ClassName name;
  private final TypeName self;
  private final TypeName keyType;
  private final TypeName valueType;

  HandleMapGenerator(MapModel model) {
    this.model = model;
    this.s = new Snippets(model);
    this.name = model.className(Layer.HANDLE);
    this.self = s.parameterized(name);
    this.keyType = s.keyType();
    this.valueType = s.valueType();
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
    type.addMethod(containsKey());
    type.addMethod(getOrDefault());
    type.addMethod(contains());
    type.addMethod(key());
    type.addMethod(value());
    type.addMethod(setValue());
    type.addMethod(remove());
    type.addMethod(size());
    type.addMethod(isEmpty());
    type.addMethod(clear());
    type.addMethod(cursor());
    type.addMethod(forEach());
    type.addMethod(toStringMethod());
    type.addMethod(nextLiveSlot());
    type.addMethod(handleAt());
    type.addMethod(notReentered());

    type.addMethod(hash());
    type.addMethod(matches());
    type.addMethod(findCell());
    type.addMethod(emptyCell());
    type.addMethod(link());
    type.addMethod(requireUnchanged());
    type.addMethod(liveSlot());
    type.addMethod(checkedSlot());
    type.addMethod(removeSlot());
    type.addMethod(cellOf());
    type.addMethod(deleteCell());
    type.addMethod(allocateSlot());
    type.addMethod(growIndex());
    type.addMethod(growStorage());
    if (model.key().kind() == TypeModel.Kind.TYPE_VARIABLE) {
      type.addMethod(uncheckedRead("keyAt", "keys", keyType, "key"));
    }
    if (model.value().kind() == TypeModel.Kind.TYPE_VARIABLE) {
      type.addMethod(uncheckedRead("valueAt", "values", valueType, "value"));
    }

    type.addType(builderType());
    type.addType(valueFactoryType());
    type.addType(entryConsumerType());
    type.addType(cursorType());
    return type.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Class Javadoc, fields, constructors, builder

  private CodeBlock classJavadoc() {
    String k = s.javadocType(model.key());
    String v = s.javadocType(model.value());
    CodeBlock.Builder doc = CodeBlock.builder();
    doc.add("A hash map from $L keys to $L values whose entries are reached through stable\n", k, v);
    doc.add("{@code long} handles.\n\n");
    doc.add("<p>{@link #insert} and {@link #find} return a handle; {@link #key(long)}, {@link #value(long)},\n");
    doc.add("{@link #setValue(long, $T)} and {@link #remove(long)} reach the entry through it without\n", valueRaw());
    doc.add("hashing. A handle stays valid until its entry is removed or the map is cleared, and a\n");
    doc.add("handle that is no longer valid (stale) is always detected: it never reaches a later\n");
    doc.add("entry, even one stored in the same slot. Keys are unique$L.\n\n",
        model.key().isReference() ? "; {@code null} keys are rejected" : "");
    doc.add("<p><b>Layout.</b> Entries live in parallel slot arrays ({@code keys}, {@code values},\n");
    doc.add("{@code generations}) and never move, so a handle, {@code (generation << 32) | slot}, is\n");
    doc.add("checked and followed with two array reads. A separate open-addressing index, two\n");
    doc.add("parallel {@code int} arrays of entry hashes and slot numbers, finds keys by linear probing\n");
    doc.add("from the cell named by the hash's high bits, with backward-shift deletion at load factor\n");
    doc.add("3/4. Keeping each entry's full hash in the index lets a probe skip non-matching cells\n");
    doc.add("without touching the slots (a lookup that misses reads the hashes only), and lets the\n");
    doc.add("index grow and delete without calling user code");
    if (s.hashIsKey()) {
      doc.add(". Because the default hash of $L keys is a bijection, a lookup with the\n", k);
      doc.add("default equivalence decides equality from the hash alone");
    }
    doc.add(".\n\n");
    doc.add("<p><b>Equivalence.</b> Keys are compared ");
    if (model.hasFixedEquivalence()) {
      doc.add("with {@link $T} unless the builder sets another equivalence.\n", model.equivalence());
    } else if (model.key().kind() == TypeModel.Kind.PRIMITIVE) {
      if (model.key().primitive().isFloatingPoint()) {
        doc.add("by their bits by default, like {@code $T.equals} (all NaNs are one key,\n", model.key().boxed());
        doc.add("{@code 0.0} and {@code -0.0} two), or with the equivalence given to the builder.\n");
      } else {
        doc.add("by value by default, or with the equivalence given to the builder.\n");
      }
    } else {
      doc.add("with {@code equals}/{@code hashCode} by default, or with the equivalence\n");
      doc.add("given to the builder. Keys must not change their hash or equality while in the map.\n");
    }
    doc.add("\n<p><b>Not thread-safe.</b> Confine a map to one thread or guard it with a lock. User\n");
    doc.add("hash and equality code must not call back into the map it is called from; with assertions\n");
    doc.add("enabled such re-entry throws {@link $L}.\n\n", Snippets.javadocOnly(Snippets.REENTRANCY));
    doc.add("<p>Generated by rchashmap from {@code $L}.\n", model.annotationSource());
    if (!s.typeVariables().isEmpty()) {
      doc.add("\n");
      if (model.key().typeVariable() != null) {
        doc.add("@param <K> the key type\n");
      }
      if (model.value().typeVariable() != null) {
        doc.add("@param <V> the value type\n");
      }
    }
    return doc.build();
  }

  /** The value type as written in a {@code {@link}} signature: erased. */
  private TypeName valueRaw() {
    return model.value().kind() == TypeModel.Kind.TYPE_VARIABLE ? ClassName.OBJECT : valueType;
  }

  private void addFields(TypeSpec.Builder type) {
    type.addField(
        FieldSpec.builder(TypeName.INT, "DEFAULT_EXPECTED_SIZE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The number of entries a map made by the no-argument constructor holds before growing:\n")
            .addJavadoc("a power of two, so that slot storage, which doubles, stays a power of two (1M entries fit\n")
            .addJavadoc("2^20 slots; from 12 they would take 12 * 2^17).\n")
            .initializer("16")
            .build());
    if (model.hasFixedEquivalence()) {
      type.addField(
          FieldSpec.builder(s.staticEquivalenceType(), "DEFAULT_EQUIVALENCE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The equivalence named by the annotation, shared by every map of this class.\n")
              .initializer("new $T()", model.equivalence())
              .build());
    }
    type.addField(
        FieldSpec.builder(s.equivalenceType(), "equivalence", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc(
                s.defaultEquivalenceIsNull()
                    ? "The key equivalence, or {@code null} for the default (inlined by hand in {@link #hash} and {@link #matches}).\n"
                    : "The key equivalence; never {@code null}.\n")
            .build());
    type.addField(
        FieldSpec.builder(Snippets.GUARD, "guard", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("Detects user hash or equality code re-entering this map; used only when assertions are on.\n")
            .initializer("new $T($S)", Snippets.GUARD, name.simpleName())
            .build());
    type.addField(
        FieldSpec.builder(int[].class, "cellHashes", Modifier.PRIVATE)
            .addJavadoc("The hash index, first half: the hash of each cell's entry, never {@code 0}, or {@code 0}\n")
            .addJavadoc("for an empty cell. A lookup that misses reads only this array. Its length is a power of\n")
            .addJavadoc("two.\n")
            .build());
    type.addField(
        FieldSpec.builder(int[].class, "cellHandles", Modifier.PRIVATE)
            .addJavadoc("The hash index, second half: the handle of each cell's entry, packed by {@link $T} with\n", Snippets.PACKED_HANDLES)
            .addJavadoc("the index's shift, so that a hit builds its handle without reading the slot storage.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.INT, "shift", Modifier.PRIVATE)
            .addJavadoc("Turns a hash into its home cell, {@code hash >>> shift}: the index is addressed by the\n")
            .addJavadoc("high bits of hashes, where they are best spread.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.INT, "indexThreshold", Modifier.PRIVATE)
            .addJavadoc("The size at which the index doubles: three quarters of its length.\n")
            .build());
    type.addField(
        FieldSpec.builder(model.key().arrayType(), "keys", Modifier.PRIVATE)
            .addJavadoc("The key of each slot.\n")
            .build());
    type.addField(
        FieldSpec.builder(model.value().arrayType(), "values", Modifier.PRIVATE)
            .addJavadoc("The value of each slot.\n")
            .build());
    type.addField(
        FieldSpec.builder(int[].class, "generations", Modifier.PRIVATE)
            .addJavadoc("The generation of each slot: odd while it holds an entry, even while vacant, {@link $T#RETIRED} once it may never be used again.\n", Snippets.HANDLES)
            .build());
    type.addField(
        FieldSpec.builder(int[].class, "slotHashes", Modifier.PRIVATE)
            .addJavadoc(
                s.hashesAlways()
                    ? "The hash of each slot's key, so that removal by handle never runs user hash code.\n"
                    : "The hash of each slot's key while a custom equivalence is set (so that removal by handle never runs user hash code), else {@code null}.\n")
            .build());
    type.addField(
        FieldSpec.builder(int[].class, "freeSlots", Modifier.PRIVATE)
            .addJavadoc("Vacant slots to reuse, the last freed on top; {@code null} until the first removal.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.INT, "freeCount", Modifier.PRIVATE)
            .addJavadoc("The number of slots in {@link #freeSlots}.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.INT, "top", Modifier.PRIVATE)
            .addJavadoc("Slots from here on have not been handed out since the map was created or cleared.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.INT, "size", Modifier.PRIVATE)
            .addJavadoc("The number of entries.\n")
            .build());
    type.addField(
        FieldSpec.builder(TypeName.INT, "modCount", Modifier.PRIVATE)
            .addJavadoc("Counts structural changes (insertions, removals, clears) so iteration can fail fast.\n")
            .build());
  }

  private void addConstructors(TypeSpec.Builder type) {
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(PUBLIC)
            .addJavadoc("Creates an empty map with room for a few entries.\n")
            .addStatement("this(DEFAULT_EXPECTED_SIZE, null)")
            .build());
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(PUBLIC)
            .addJavadoc("Creates an empty map that holds {@code expectedSize} entries before it grows.\n\n")
            .addJavadoc("@param expectedSize the number of entries to make room for\n")
            .addJavadoc("@throws IllegalArgumentException if {@code expectedSize} is negative\n")
            .addParameter(TypeName.INT, "expectedSize")
            .addStatement("this(expectedSize, null)")
            .build());
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(PRIVATE)
            .addParameter(TypeName.INT, "expectedSize")
            .addParameter(s.equivalenceType(), "equivalence");
    constructor.addStatement("int indexLength = $T.indexLengthFor(expectedSize)", Snippets.HASHING);
    if (model.hasFixedEquivalence()) {
      constructor.addStatement("this.equivalence = equivalence == null ? DEFAULT_EQUIVALENCE : equivalence");
    } else {
      constructor.addComment("The natural equivalence is the default: keep the hand-inlined fast path for it.");
      constructor.addStatement("this.equivalence = equivalence == $L ? null : equivalence", s.naturalEquivalence());
    }
    constructor.addStatement("this.cellHashes = new int[indexLength]");
    constructor.addStatement("this.cellHandles = new int[indexLength]");
    constructor.addStatement("this.shift = $T.shiftFor(indexLength)", Snippets.HASHING);
    constructor.addStatement("this.indexThreshold = $T.maxEntries(indexLength)", Snippets.HASHING);
    constructor.addStatement("this.keys = $L", newArray(model.key(), "expectedSize"));
    constructor.addStatement("this.values = $L", newArray(model.value(), "expectedSize"));
    constructor.addStatement("this.generations = new int[expectedSize]");
    if (s.hashesAlways()) {
      constructor.addStatement("this.slotHashes = new int[expectedSize]");
    } else {
      constructor.addStatement("this.slotHashes = this.equivalence == null ? null : new int[expectedSize]");
    }
    type.addMethod(constructor.build());
  }

  private MethodSpec builderMethod() {
    TypeName builder = s.nested(name, "Builder");
    return MethodSpec.methodBuilder("builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(s.typeVariables())
        .returns(builder)
        .addJavadoc("Returns a builder for a map with a chosen expected size or key equivalence.\n\n")
        .addJavadoc(s.typeParamsDoc())
        .addJavadoc("@return a new builder\n")
        .addStatement(s.typeVariables().isEmpty() ? "return new Builder()" : "return new Builder<>()")
        .build();
  }

  private TypeSpec builderType() {
    TypeName builder = s.nested(name, "Builder");
    return TypeSpec.classBuilder("Builder")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Builds a {@link $T} with a chosen expected size or key equivalence.\n", name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addField(
            FieldSpec.builder(TypeName.INT, "expectedSize", Modifier.PRIVATE)
                .initializer("DEFAULT_EXPECTED_SIZE")
                .build())
        .addField(FieldSpec.builder(s.equivalenceType(), "equivalence", Modifier.PRIVATE).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build())
        .addMethods(s.sizeAndEquivalenceSetters(builder, "this.%1$s = %1$s"))
        .addMethod(
            MethodSpec.methodBuilder("build")
                .addModifiers(PUBLIC)
                .returns(self)
                .addJavadoc("Creates the map.\n\n")
                .addJavadoc("@return a new empty map\n")
                .addJavadoc("@throws IllegalArgumentException if the expected size is negative\n")
                .addStatement("return new $L$L(expectedSize, equivalence)", name.simpleName(), s.typeVariables().isEmpty() ? "" : "<>")
                .build())
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Public API

  private MethodSpec.Builder publicMethod(String methodName) {
    return MethodSpec.methodBuilder(methodName).addModifiers(PUBLIC);
  }

  private void requireNonNullKey(MethodSpec.Builder method) {
    if (model.key().isReference()) {
      method.addStatement("$T.requireNonNull(key, $S)", Objects.class, "key");
    }
  }

  private String nullKeyDoc() {
    return model.key().isReference() ? "@throws NullPointerException if {@code key} is null\n" : "";
  }

  /**
   * Writes {@code body} inside the reentrancy guard of {@code operation}: {@code assert
   * guard.enter(op)} before a {@code try} (so a refused entry leaves the running operation's mark),
   * {@code assert guard.exit()} in its {@code finally}. Free when assertions are off.
   */
  private static void guarded(MethodSpec.Builder method, String operation, CodeBlock body) {
    method.addStatement("assert guard.enter($S)", operation);
    method.beginControlFlow("try");
    method.addCode(body);
    method.nextControlFlow("finally");
    method.addStatement("assert guard.exit()");
    method.endControlFlow();
  }

  private MethodSpec insert() {
    MethodSpec.Builder method =
        publicMethod("insert")
            .returns(TypeName.LONG)
            .addParameter(keyType, "key")
            .addParameter(valueType, "value")
            .addJavadoc("Adds a new entry.\n\n")
            .addJavadoc("@param key the key, not yet in the map\n")
            .addJavadoc("@param value the value\n")
            .addJavadoc("@return the handle of the new entry\n")
            .addJavadoc("@throws $T if {@code key} is already in the map, which is then unchanged\n", Snippets.DUPLICATE_KEY)
            .addJavadoc(nullKeyDoc());
    method.addStatement("long handle = tryInsert(key, value)");
    method.beginControlFlow("if (handle == $T.NONE)", Snippets.HANDLES);
    method.addStatement("throw $T.of($L)", Snippets.DUPLICATE_KEY, "key");
    method.endControlFlow();
    method.addStatement("return handle");
    return method.build();
  }

  private MethodSpec tryInsert() {
    MethodSpec.Builder method =
        publicMethod("tryInsert")
            .returns(TypeName.LONG)
            .addParameter(keyType, "key")
            .addParameter(valueType, "value")
            .addJavadoc("Adds a new entry unless the key is already in the map.\n\n")
            .addJavadoc("@param key the key\n")
            .addJavadoc("@param value the value\n")
            .addJavadoc("@return the handle of the new entry, or {@link $T#NONE} if {@code key} was already in the\n    map, which is then unchanged\n", Snippets.HANDLES)
            .addJavadoc(nullKeyDoc());
    requireNonNullKey(method);
    method.addStatement("int expectedModCount = modCount");
    guarded(
        method,
        "tryInsert",
        CodeBlock.builder()
            .addStatement("int hash = hash(key)")
            .addStatement("int cell = findCell(key, hash)")
            .beginControlFlow("if (cell >= 0)")
            .addStatement("return $T.NONE", Snippets.HANDLES)
            .endControlFlow()
            .addStatement("requireUnchanged(expectedModCount)")
            .addStatement("return link(~cell, hash, key, value)")
            .build());
    return method.build();
  }

  private MethodSpec insertWith() {
    TypeName factory = s.nestedParameter(name, "ValueFactory", true);
    MethodSpec.Builder method =
        publicMethod("insertWith")
            .returns(TypeName.LONG)
            .addParameter(keyType, "key")
            .addParameter(factory, "factory")
            .addJavadoc("Adds a new entry whose value is made by {@code factory}, which runs only when the key is new.\n\n")
            .addJavadoc("<p>The factory runs outside the map's critical section and may use this map; if it adds\n")
            .addJavadoc("{@code key} itself, this call throws {@link $T} and drops the value it made. If the\n", Snippets.DUPLICATE_KEY)
            .addJavadoc("factory throws, the map is unchanged.\n\n")
            .addJavadoc("@param key the key, not yet in the map\n")
            .addJavadoc("@param factory makes the value from the key\n")
            .addJavadoc("@return the handle of the new entry\n")
            .addJavadoc("@throws $T if {@code key} is already in the map; the factory is not run\n", Snippets.DUPLICATE_KEY)
            .addJavadoc(model.key().isReference() ? "@throws NullPointerException if {@code key} or {@code factory} is null\n" : "@throws NullPointerException if {@code factory} is null\n");
    requireNonNullKey(method);
    method.addStatement("$T.requireNonNull(factory, $S)", Objects.class, "factory");
    method.addStatement("int expectedModCount = modCount");
    method.addStatement("int hash");
    method.addStatement("int cell");
    guarded(
        method,
        "insertWith",
        CodeBlock.builder().addStatement("hash = hash(key)").addStatement("cell = findCell(key, hash)").build());
    method.beginControlFlow("if (cell >= 0)");
    method.addStatement("throw $T.of(key)", Snippets.DUPLICATE_KEY);
    method.endControlFlow();
    method.addStatement("requireUnchanged(expectedModCount)");
    method.addComment("Outside the critical section: the factory may use this map.");
    method.addStatement("$T value = factory.create(key)", valueType);
    method.beginControlFlow("if (modCount != expectedModCount)");
    method.addComment("The factory changed the map, so the cell found above may be gone: probe again.");
    method.addStatement("return insert(key, value)");
    method.endControlFlow();
    method.addStatement("return link(~cell, hash, key, value)");
    return method.build();
  }

  private MethodSpec find() {
    MethodSpec.Builder method =
        publicMethod("find")
            .returns(TypeName.LONG)
            .addParameter(keyType, "key")
            .addJavadoc("Looks up a key.\n\n")
            .addJavadoc("@param key the key\n")
            .addJavadoc("@return the handle of its entry, or {@link $T#NONE} if the key is not in the map\n", Snippets.HANDLES)
            .addJavadoc(nullKeyDoc());
    requireNonNullKey(method);
    guarded(
        method,
        "find",
        CodeBlock.builder()
            .addStatement("int cell = findCell(key, hash(key))")
            .beginControlFlow("if (cell < 0)")
            .addStatement("return $T.NONE", Snippets.HANDLES)
            .endControlFlow()
            .addStatement("int packed = cellHandles[cell]")
            .addStatement("int slot = $T.slot(packed, shift)", Snippets.PACKED_HANDLES)
            .addStatement("int generation = $T.generation(packed, shift)", Snippets.PACKED_HANDLES)
            .add("// A generation too large to pack is read from the slot.\n")
            .addStatement(
                "return $T.of(slot, generation != 0 ? generation : generations[slot])", Snippets.HANDLES)
            .build());
    return method.build();
  }

  private MethodSpec containsKey() {
    MethodSpec.Builder method =
        publicMethod("containsKey")
            .returns(TypeName.BOOLEAN)
            .addParameter(keyType, "key")
            .addJavadoc("Tells whether a key is in the map.\n\n")
            .addJavadoc("@param key the key\n")
            .addJavadoc("@return whether the map has an entry for {@code key}\n")
            .addJavadoc(nullKeyDoc());
    requireNonNullKey(method);
    guarded(method, "containsKey", CodeBlock.builder().addStatement("return findCell(key, hash(key)) >= 0").build());
    return method.build();
  }

  private MethodSpec getOrDefault() {
    MethodSpec.Builder method =
        publicMethod("getOrDefault")
            .returns(valueType)
            .addParameter(keyType, "key")
            .addParameter(valueType, "defaultValue")
            .addJavadoc("Returns the value of a key, or a default when the key is not in the map.\n\n")
            .addJavadoc("@param key the key\n")
            .addJavadoc("@param defaultValue returned when {@code key} is not in the map\n")
            .addJavadoc("@return the value of {@code key}, or {@code defaultValue}\n")
            .addJavadoc(nullKeyDoc());
    requireNonNullKey(method);
    guarded(
        method,
        "getOrDefault",
        CodeBlock.builder()
            .addStatement("int cell = findCell(key, hash(key))")
            .beginControlFlow("if (cell < 0)")
            .addStatement("return defaultValue")
            .endControlFlow()
            .addStatement("return $L", s.valueAt(slotOf("cell")))
            .build());
    return method.build();
  }

  private MethodSpec contains() {
    return publicMethod("contains")
        .returns(TypeName.BOOLEAN)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Tells whether a handle is live: its entry is still in this map.\n\n")
        .addJavadoc("@param handle a handle returned by this map, or any {@code long}\n")
        .addJavadoc("@return whether {@code handle} reaches an entry of this map\n")
        .addStatement("return liveSlot(handle) >= 0")
        .build();
  }

  private MethodSpec key() {
    return publicMethod("key")
        .returns(keyType)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Returns the key of an entry.\n\n")
        .addJavadoc("@param handle the entry's handle\n")
        .addJavadoc("@return its key\n")
        .addJavadoc("@throws $T if {@code handle} is not live\n", Snippets.STALE_HANDLE)
        .addStatement("return $L", s.keyAt("checkedSlot(handle)"))
        .build();
  }

  private MethodSpec value() {
    return publicMethod("value")
        .returns(valueType)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Returns the value of an entry.\n\n")
        .addJavadoc("@param handle the entry's handle\n")
        .addJavadoc("@return its value\n")
        .addJavadoc("@throws $T if {@code handle} is not live\n", Snippets.STALE_HANDLE)
        .addStatement("return $L", s.valueAt("checkedSlot(handle)"))
        .build();
  }

  private MethodSpec setValue() {
    return publicMethod("setValue")
        .addParameter(TypeName.LONG, "handle")
        .addParameter(valueType, "value")
        .addJavadoc("Replaces the value of an entry. This is not a structural change: iteration goes on.\n\n")
        .addJavadoc("@param handle the entry's handle\n")
        .addJavadoc("@param value the new value\n")
        .addJavadoc("@throws $T if {@code handle} is not live\n", Snippets.STALE_HANDLE)
        .addStatement("values[checkedSlot(handle)] = value")
        .build();
  }

  private MethodSpec remove() {
    return publicMethod("remove")
        .returns(TypeName.BOOLEAN)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Removes an entry. Its handle, and every copy of it, becomes stale.\n\n")
        .addJavadoc("@param handle the entry's handle\n")
        .addJavadoc("@return {@code true} if the entry was removed, {@code false} if {@code handle} was not live\n")
        .addStatement("int slot = liveSlot(handle)")
        .beginControlFlow("if (slot < 0)")
        .addStatement("return false")
        .endControlFlow()
        .addStatement("removeSlot(slot, $S)", "remove")
        .addStatement("return true")
        .build();
  }

  private MethodSpec size() {
    return publicMethod("size")
        .returns(TypeName.INT)
        .addJavadoc("Returns the number of entries.\n\n@return the number of entries\n")
        .addStatement("return size")
        .build();
  }

  private MethodSpec isEmpty() {
    return publicMethod("isEmpty")
        .returns(TypeName.BOOLEAN)
        .addJavadoc("Tells whether the map has no entries.\n\n@return whether {@link #size()} is zero\n")
        .addStatement("return size == 0")
        .build();
  }

  private MethodSpec clear() {
    MethodSpec.Builder method =
        publicMethod("clear")
            .addJavadoc("Removes every entry. Every handle issued so far becomes stale; the map keeps its capacity.\n");
    method.addStatement("assert guard.check($S)", "clear");
    method.addStatement("int[] generations = this.generations");
    method.beginControlFlow("for (int slot = 0; slot < top; slot++)");
    method.beginControlFlow("if ((generations[slot] & 1) != 0)");
    method.addStatement("generations[slot] = $T.vacate(generations[slot])", Snippets.HANDLES);
    method.endControlFlow();
    method.endControlFlow();
    if (model.key().isReference()) {
      method.addStatement("$T.fill(keys, 0, top, null)", Arrays.class);
    }
    if (model.value().isReference()) {
      method.addStatement("$T.fill(values, 0, top, null)", Arrays.class);
    }
    method.addStatement("$T.fill(cellHashes, 0)", Arrays.class);
    method.addStatement("$T.fill(cellHandles, 0)", Arrays.class);
    method.addComment("Every vacant slot below top is handed out again by bump allocation, so the free list is moot.");
    method.addStatement("freeCount = 0");
    method.addStatement("top = 0");
    method.addStatement("size = 0");
    method.addStatement("modCount++");
    return method.build();
  }

  private MethodSpec cursor() {
    return publicMethod("cursor")
        .returns(cursorTypeName())
        .addJavadoc("Returns a cursor over the entries, in slot order, that allocates nothing per entry.\n\n")
        .addJavadoc("<pre>{@code\n")
        .addJavadoc("Cursor c = map.cursor();\n")
        .addJavadoc("while (c.next()) {\n")
        .addJavadoc("  use(c.handle(), c.key(), c.value());\n")
        .addJavadoc("}\n")
        .addJavadoc("}</pre>\n\n")
        .addJavadoc("<p>Changing the map other than through {@link Cursor#remove()} or {@code setValue} makes\n")
        .addJavadoc("the cursor throw {@link $T}.\n\n", ConcurrentModificationException.class)
        .addJavadoc("@return a new cursor before the first entry\n")
        .addStatement("return new Cursor()")
        .build();
  }

  private TypeName cursorTypeName() {
    return name.nestedClass("Cursor");
  }

  private MethodSpec forEach() {
    MethodSpec.Builder method =
        publicMethod("forEach")
            .addParameter(s.nestedParameter(name, "EntryConsumer", false), "consumer")
            .addJavadoc("Passes every entry to {@code consumer}, in slot order. The consumer may set values but\n")
            .addJavadoc("not insert or remove entries.\n\n")
            .addJavadoc("@param consumer receives each entry's handle, key and value\n")
            .addJavadoc("@throws $T if the consumer inserted or removed entries\n", ConcurrentModificationException.class);
    method.addStatement("$T.requireNonNull(consumer, $S)", Objects.class, "consumer");
    method.addStatement("int expectedModCount = modCount");
    method.beginControlFlow("for (int slot = 0; slot < top; slot++)");
    method.addStatement("int generation = generations[slot]");
    method.beginControlFlow("if ((generation & 1) != 0)");
    method.addStatement(
        "consumer.accept($T.of(slot, generation), $L, $L)", Snippets.HANDLES, s.keyAt("slot"), s.valueAt("slot"));
    method.beginControlFlow("if (modCount != expectedModCount)");
    method.addStatement("throw new $T()", ConcurrentModificationException.class);
    method.endControlFlow();
    method.endControlFlow();
    method.endControlFlow();
    return method.build();
  }

  private MethodSpec toStringMethod() {
    MethodSpec.Builder method =
        publicMethod("toString")
            .addAnnotation(Override.class)
            .returns(String.class)
            .addJavadoc("Returns the entries as {@code {key=value, ...}}, in slot order.\n\n")
            .addJavadoc("@return a description of the entries\n");
    method.addStatement("$T text = new $T(\"{\")", StringBuilder.class, StringBuilder.class);
    method.beginControlFlow("for (int slot = 0; slot < top; slot++)");
    method.beginControlFlow("if ((generations[slot] & 1) != 0)");
    method.beginControlFlow("if (text.length() > 1)");
    method.addStatement("text.append($S)", ", ");
    method.endControlFlow();
    method.addStatement("text.append($L).append('=').append($L)", s.keyAt("slot"), s.valueAt("slot"));
    method.endControlFlow();
    method.endControlFlow();
    method.addStatement("return text.append('}').toString()");
    return method.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Hooks for the layers built on this map (same package, not public API)

  private MethodSpec nextLiveSlot() {
    return MethodSpec.methodBuilder("nextLiveSlot")
        .returns(TypeName.INT)
        .addParameter(TypeName.INT, "from")
        .addJavadoc("Returns the first live slot at or after {@code from}, or {@code -1}. The counted and Rc\n")
        .addJavadoc("layers iterate with it: entries never move, so a scan by slot stays correct while\n")
        .addJavadoc("entries are removed.\n")
        .beginControlFlow("for (int slot = from; slot < top; slot++)")
        .beginControlFlow("if ((generations[slot] & 1) != 0)")
        .addStatement("return slot")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return -1")
        .build();
  }

  private MethodSpec handleAt() {
    return MethodSpec.methodBuilder("handleAt")
        .returns(TypeName.LONG)
        .addParameter(TypeName.INT, "slot")
        .addJavadoc("Returns the handle of the entry in the live {@code slot}.\n")
        .addStatement("return $T.of(slot, generations[slot])", Snippets.HANDLES)
        .build();
  }

  private MethodSpec notReentered() {
    return MethodSpec.methodBuilder("notReentered")
        .returns(TypeName.BOOLEAN)
        .addParameter(String.class, "operation")
        .addJavadoc("Lets a layer built on this map refuse, before it changes anything, an operation called\n")
        .addJavadoc("from user hash or equality code of this map; used as {@code assert notReentered(op)}.\n")
        .addStatement("return guard.check(operation)")
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Hashing and probing

  private MethodSpec hash() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("hash")
            .addModifiers(PRIVATE)
            .returns(TypeName.INT)
            .addParameter(keyType, "key")
            .addJavadoc("Returns the mixed hash of a key; may run user hash code.\n");
    CodeBlock custom = CodeBlock.of("$T.mix(equivalence.hash(key))", Snippets.HASHING);
    method.addComment("Never 0, which marks empty cells.");
    if (s.defaultEquivalenceIsNull()) {
      method.addStatement(
          "return $T.nonZero(equivalence == null ? $L : $L)",
          Snippets.HASHING,
          s.defaultHash(CodeBlock.of("key")),
          custom);
    } else {
      method.addStatement("return $T.nonZero($L)", Snippets.HASHING, custom);
    }
    return method.build();
  }

  private MethodSpec matches() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("matches")
            .addModifiers(PRIVATE)
            .returns(TypeName.BOOLEAN)
            .addParameter(TypeName.INT, "cell")
            .addParameter(keyType, "key")
            .addParameter(TypeName.INT, "hash")
            .addJavadoc("Tells whether the key at index {@code cell}, whose hash equals {@code key}'s {@code hash},\n")
            .addJavadoc("is equivalent to {@code key}; may run user equality code.\n");
    CodeBlock storedKey = s.keyAt(slotOf("cell"));
    CodeBlock custom = CodeBlock.of("equivalence.equivalent($L, key)", storedKey);
    if (!s.defaultEquivalenceIsNull()) {
      method.addStatement("return $L", custom);
    } else if (s.hashIsKey()) {
      method.addComment("The default hash is a bijection on 32 bits, so equal hashes are equal keys, except");
      method.addComment("for the one hash that stands in for 0: there the stored key decides.");
      method.addStatement(
          "return equivalence == null$W? hash != $T.ZERO_STAND_IN || $L$W: $L",
          Snippets.HASHING,
          s.defaultEquals(CodeBlock.of("keys[$L]", slotOf("cell")), CodeBlock.of("key")),
          custom);
    } else {
      method.addStatement(
          "return equivalence == null ? $L : $L",
          s.defaultEquals(CodeBlock.of("keys[$L]", slotOf("cell")), CodeBlock.of("key")),
          custom);
    }
    return method.build();
  }

  /** The slot of the entry at an occupied index cell. */
  private static CodeBlock slotOf(String cell) {
    return CodeBlock.of("$T.slot(cellHandles[$L], shift)", Snippets.PACKED_HANDLES, cell);
  }

  private MethodSpec findCell() {
    return MethodSpec.methodBuilder("findCell")
        .addModifiers(PRIVATE)
        .returns(TypeName.INT)
        .addParameter(keyType, "key")
        .addParameter(TypeName.INT, "hash")
        .addJavadoc("Returns the index cell of {@code key}, or {@code ~cell} of the empty cell where it would go:\n")
        .addJavadoc("the one probe loop, used by lookups and insertions alike.\n")
        .addStatement("int[] cellHashes = this.cellHashes")
        .addStatement("int mask = cellHashes.length - 1")
        .beginControlFlow("for (int cell = (hash >>> shift) & mask; ; cell = (cell + 1) & mask)")
        .addStatement("int cellHash = cellHashes[cell]")
        .addComment("The mask changes nothing ((hash >>> shift) is below the length) but lets C2 drop the")
        .addComment("range check, which made a miss nearly four times slower. The empty test comes first")
        .addComment("for the same reason: on a miss it is the exit.")
        .beginControlFlow("if (cellHash == 0)")
        .addStatement("return ~cell")
        .endControlFlow()
        .beginControlFlow("if (cellHash == hash && matches(cell, key, hash))")
        .addStatement("return cell")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec emptyCell() {
    return MethodSpec.methodBuilder("emptyCell")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.INT)
        .addParameter(int[].class, "cellHashes")
        .addParameter(TypeName.INT, "shift")
        .addParameter(TypeName.INT, "hash")
        .addJavadoc("Returns the first empty cell of an index, addressed with {@code shift}, on the probe path\n")
        .addJavadoc("of {@code hash}.\n")
        .addStatement("int mask = cellHashes.length - 1")
        .addStatement("int cell = (hash >>> shift) & mask")
        .beginControlFlow("while (cellHashes[cell] != 0)")
        .addStatement("cell = (cell + 1) & mask")
        .endControlFlow()
        .addStatement("return cell")
        .build();
  }

  private MethodSpec link() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("link")
            .addModifiers(PRIVATE)
            .returns(TypeName.LONG)
            .addParameter(TypeName.INT, "cell")
            .addParameter(TypeName.INT, "hash")
            .addParameter(keyType, "key")
            .addParameter(valueType, "value")
            .addJavadoc("Stores a new entry in a fresh slot and links it at the empty {@code cell}; runs no user\n")
            .addJavadoc("code. Everything that can fail (growing) happens before the first write.\n");
    method.addComment("The second test holds only after many slots retired: a slot the storage may hand out");
    method.addComment("next would be out of reach of the packed handles, and a larger index packs more slot bits.");
    method.beginControlFlow(
        "if (size >= indexThreshold || generations.length >= $T.slotLimit(shift))", Snippets.PACKED_HANDLES);
    method.addStatement("growIndex()");
    method.addStatement("cell = emptyCell(cellHashes, shift, hash)");
    method.endControlFlow();
    method.addStatement("int slot = allocateSlot()");
    method.addStatement("int generation = generations[slot] + 1");
    method.addStatement("keys[slot] = key");
    method.addStatement("values[slot] = value");
    method.addStatement("generations[slot] = generation");
    if (s.hashesAlways()) {
      method.addStatement("slotHashes[slot] = hash");
    } else {
      method.beginControlFlow("if (slotHashes != null)");
      method.addStatement("slotHashes[slot] = hash");
      method.endControlFlow();
    }
    method.addStatement("cellHashes[cell] = hash");
    method.addStatement("cellHandles[cell] = $T.pack(slot, generation, shift)", Snippets.PACKED_HANDLES);
    method.addStatement("size++");
    method.addStatement("modCount++");
    method.addStatement("return $T.of(slot, generation)", Snippets.HANDLES);
    return method.build();
  }

  private MethodSpec requireUnchanged() {
    return MethodSpec.methodBuilder("requireUnchanged")
        .addModifiers(PRIVATE)
        .addParameter(TypeName.INT, "expectedModCount")
        .addJavadoc("Refuses to link an entry after user hash or equality code changed the map while it was\n")
        .addJavadoc("probed: the probe's cell may be stale. Without assertions this is the only defence.\n")
        .beginControlFlow("if (modCount != expectedModCount)")
        .addStatement(
            "throw new $T($S$W+ $S)",
            ConcurrentModificationException.class,
            name.simpleName() + " was changed during an insertion",
            " by user hash or equality code")
        .endControlFlow()
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Handles and removal

  private MethodSpec liveSlot() {
    return MethodSpec.methodBuilder("liveSlot")
        .addModifiers(PRIVATE)
        .returns(TypeName.INT)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Returns the slot of a live handle, or {@code -1}. Live generations are odd, so a handle\n")
        .addJavadoc("can only match the slot's current entry, never a vacant or retired slot.\n")
        .addStatement("int slot = $T.index(handle)", Snippets.HANDLES)
        .addStatement("int generation = $T.generation(handle)", Snippets.HANDLES)
        .addStatement(
            "return slot >= 0 && slot < top && (generation & 1) != 0 &&$Wgenerations[slot] == generation$W? slot$W: -1")
        .build();
  }

  private MethodSpec checkedSlot() {
    return MethodSpec.methodBuilder("checkedSlot")
        .addModifiers(PRIVATE)
        .returns(TypeName.INT)
        .addParameter(TypeName.LONG, "handle")
        .addJavadoc("Returns the slot of a live handle.\n\n@throws $T if the handle is not live\n", Snippets.STALE_HANDLE)
        .addStatement("int slot = liveSlot(handle)")
        .beginControlFlow("if (slot < 0)")
        .addStatement("throw $T.of(handle)", Snippets.STALE_HANDLE)
        .endControlFlow()
        .addStatement("return slot")
        .build();
  }

  private MethodSpec removeSlot() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("removeSlot")
            .addModifiers(PRIVATE)
            .addParameter(TypeName.INT, "slot")
            .addParameter(String.class, "operation")
            .addJavadoc("Unlinks the live {@code slot} from the index, then vacates it; runs no user code, but\n")
            .addJavadoc("refuses to run inside user hash or equality code of this map.\n");
    method.addStatement("assert guard.check(operation)");
    CodeBlock storedHash =
        s.hashesAlways()
            ? CodeBlock.of("slotHashes[slot]")
            : CodeBlock.of(
                "slotHashes == null$W? $T.nonZero($L)$W: slotHashes[slot]",
                Snippets.HASHING,
                s.defaultHash(CodeBlock.of("keys[slot]")));
    method.addStatement("deleteCell(cellOf(slot, generations[slot], $L))", storedHash);
    if (model.key().isReference()) {
      method.addStatement("keys[slot] = null");
    }
    if (model.value().isReference()) {
      method.addStatement("values[slot] = null");
    }
    method.addStatement("int generation = $T.vacate(generations[slot])", Snippets.HANDLES);
    method.addStatement("generations[slot] = generation");
    method.beginControlFlow("if (generation != $T.RETIRED)", Snippets.HANDLES);
    method.beginControlFlow("if (freeSlots == null || freeCount == freeSlots.length)");
    method.addStatement(
        "freeSlots = freeSlots == null ? new int[8] : $T.copyOf(freeSlots, freeCount * 2)", Arrays.class);
    method.endControlFlow();
    method.addStatement("freeSlots[freeCount++] = slot");
    method.endControlFlow();
    method.addStatement("size--");
    method.addStatement("modCount++");
    return method.build();
  }

  private MethodSpec cellOf() {
    return MethodSpec.methodBuilder("cellOf")
        .addModifiers(PRIVATE)
        .returns(TypeName.INT)
        .addParameter(TypeName.INT, "slot")
        .addParameter(TypeName.INT, "generation")
        .addParameter(TypeName.INT, "hash")
        .addJavadoc("Returns the index cell of the live entry at {@code slot}, with {@code generation}, whose key\n")
        .addJavadoc("has {@code hash}.\n")
        .addStatement("int packed = $T.pack(slot, generation, shift)", Snippets.PACKED_HANDLES)
        .addStatement("int[] cellHashes = this.cellHashes")
        .addStatement("int mask = cellHashes.length - 1")
        .beginControlFlow("for (int cell = (hash >>> shift) & mask; ; cell = (cell + 1) & mask)")
        .addStatement("int cellHash = cellHashes[cell]")
        .beginControlFlow("if (cellHash == hash && cellHandles[cell] == packed)")
        .addStatement("return cell")
        .endControlFlow()
        .beginControlFlow("if (cellHash == 0)")
        .addStatement(
            "throw new $T($S$W+ slot)",
            IllegalStateException.class,
            name.simpleName() + " index has no cell for live slot ")
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  private MethodSpec deleteCell() {
    return MethodSpec.methodBuilder("deleteCell")
        .addModifiers(PRIVATE)
        .addParameter(TypeName.INT, "cell")
        .addJavadoc("Empties {@code cell} and shifts later cells of its cluster back over it, so that no probe\n")
        .addJavadoc("path is broken and no tombstones build up (Knuth's algorithm R, as in fastutil).\n")
        .addStatement("int[] cellHashes = this.cellHashes")
        .addStatement("int[] cellHandles = this.cellHandles")
        .addStatement("int mask = cellHashes.length - 1")
        .addStatement("int hole = cell")
        .beginControlFlow("for (int next = (hole + 1) & mask; cellHashes[next] != 0; next = (next + 1) & mask)")
        .addStatement("int home = cellHashes[next] >>> shift")
        .addComment("The entry may move back into the hole unless its home cell lies after the hole.")
        .beginControlFlow("if (((next - home) & mask) >= ((next - hole) & mask))")
        .addStatement("cellHashes[hole] = cellHashes[next]")
        .addStatement("cellHandles[hole] = cellHandles[next]")
        .addStatement("hole = next")
        .endControlFlow()
        .endControlFlow()
        .addStatement("cellHashes[hole] = 0")
        .addStatement("cellHandles[hole] = 0")
        .build();
  }

  private MethodSpec allocateSlot() {
    return MethodSpec.methodBuilder("allocateSlot")
        .addModifiers(PRIVATE)
        .returns(TypeName.INT)
        .addJavadoc("Returns a vacant slot: the last one freed, else the next never-used one, skipping retired\n")
        .addJavadoc("slots.\n")
        .beginControlFlow("if (freeCount > 0)")
        .addStatement("return freeSlots[--freeCount]")
        .endControlFlow()
        .beginControlFlow("while (top < generations.length && generations[top] == $T.RETIRED)", Snippets.HANDLES)
        .addStatement("top++")
        .endControlFlow()
        .beginControlFlow("if (top == generations.length)")
        .addStatement("growStorage()")
        .endControlFlow()
        .addStatement("return top++")
        .build();
  }

  private MethodSpec growIndex() {
    return MethodSpec.methodBuilder("growIndex")
        .addModifiers(PRIVATE)
        .addJavadoc("Doubles the index, placing each cell by the hash it holds and repacking its handle for the\n")
        .addJavadoc("new shift: no user code runs.\n")
        .addStatement("int[] oldHashes = cellHashes")
        .addStatement("int[] oldHandles = cellHandles")
        .beginControlFlow("if (oldHashes.length >= $T.MAX_INDEX_LENGTH)", Snippets.HASHING)
        .addStatement(
            "throw new $T($S$W+ size + $S)",
            IllegalStateException.class,
            name.simpleName() + " cannot hold more than ",
            " entries")
        .endControlFlow()
        .addStatement("int[] grownHashes = new int[oldHashes.length * 2]")
        .addStatement("int[] grownHandles = new int[oldHashes.length * 2]")
        .addStatement("int grownShift = shift - 1")
        .beginControlFlow("for (int cell = 0; cell < oldHashes.length; cell++)")
        .addStatement("int hash = oldHashes[cell]")
        .beginControlFlow("if (hash != 0)")
        .addStatement("int target = emptyCell(grownHashes, grownShift, hash)")
        .addStatement("grownHashes[target] = hash")
        .addStatement("grownHandles[target] = $T.repack(oldHandles[cell], shift, grownShift)", Snippets.PACKED_HANDLES)
        .endControlFlow()
        .endControlFlow()
        .addStatement("cellHashes = grownHashes")
        .addStatement("cellHandles = grownHandles")
        .addStatement("shift = grownShift")
        .addStatement("indexThreshold = $T.maxEntries(grownHashes.length)", Snippets.HASHING)
        .build();
  }

  private MethodSpec growStorage() {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("growStorage")
            .addModifiers(PRIVATE)
            .addJavadoc("Grows the slot arrays; all new arrays are allocated before any field changes.\n");
    method.addStatement("int capacity = $T.grownCapacity(generations.length, generations.length + 1)", Snippets.HASHING);
    method.addStatement("$T grownKeys = $T.copyOf(keys, capacity)", model.key().arrayType(), Arrays.class);
    method.addStatement("$T grownValues = $T.copyOf(values, capacity)", model.value().arrayType(), Arrays.class);
    method.addStatement("int[] grownGenerations = $T.copyOf(generations, capacity)", Arrays.class);
    method.addStatement("int[] grownSlotHashes = slotHashes == null ? null : $T.copyOf(slotHashes, capacity)", Arrays.class);
    method.addStatement("keys = grownKeys");
    method.addStatement("values = grownValues");
    method.addStatement("generations = grownGenerations");
    method.addStatement("slotHashes = grownSlotHashes");
    return method.build();
  }

  private MethodSpec uncheckedRead(String methodName, String array, TypeName type, String what) {
    return MethodSpec.methodBuilder(methodName)
        .addModifiers(PRIVATE)
        .addAnnotation(
            com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "unchecked")
                .build())
        .returns(type)
        .addParameter(TypeName.INT, "slot")
        .addJavadoc("Reads the $L of a slot; only {@code $T} instances are ever stored there.\n", what, type)
        .addStatement("return ($T) $L[slot]", type, array)
        .build();
  }

  // ---------------------------------------------------------------------------------------------
  // Nested types

  private TypeSpec valueFactoryType() {
    return TypeSpec.interfaceBuilder("ValueFactory")
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Makes the value of a new entry, for {@link $T#insertWith}.\n", name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addMethod(
            MethodSpec.methodBuilder("create")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(valueType)
                .addParameter(keyType, "key")
                .addJavadoc("Makes the value for a key that is not in the map.\n\n")
                .addJavadoc("@param key the key being inserted\n")
                .addJavadoc("@return its value\n")
                .build())
        .build();
  }

  private TypeSpec entryConsumerType() {
    return TypeSpec.interfaceBuilder("EntryConsumer")
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(FunctionalInterface.class)
        .addTypeVariables(s.typeVariables())
        .addJavadoc("Receives entries from {@link $T#forEach}.\n", name)
        .addJavadoc(s.typeVariables().isEmpty() ? "" : "\n")
        .addJavadoc(s.typeParamsDoc())
        .addMethod(
            MethodSpec.methodBuilder("accept")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
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
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc("A position in the entries of the map, moved by {@link #next()}; see {@link $T#cursor()}.\n", name)
            .addField(
                FieldSpec.builder(TypeName.INT, "slot", Modifier.PRIVATE)
                    .addJavadoc("The slot of the current entry, or {@code -1} when there is none.\n")
                    .initializer("-1")
                    .build())
            .addField(
                FieldSpec.builder(TypeName.INT, "nextSlot", Modifier.PRIVATE)
                    .addJavadoc("Where the search for the next entry starts.\n")
                    .build())
            .addField(
                FieldSpec.builder(TypeName.INT, "expectedModCount", Modifier.PRIVATE)
                    .addJavadoc("The map's modification count this cursor expects.\n")
                    .initializer("modCount")
                    .build())
            .addMethod(MethodSpec.constructorBuilder().addModifiers(PRIVATE).build());
    cursor.addMethod(
        publicMethod("next")
            .returns(TypeName.BOOLEAN)
            .addJavadoc("Moves to the next entry.\n\n")
            .addJavadoc("@return {@code true} if there is one, {@code false} at the end\n")
            .addJavadoc("@throws $T if the map was changed other than through this cursor\n", ConcurrentModificationException.class)
            .addStatement("checkUnchanged()")
            .beginControlFlow("for (int candidate = nextSlot; candidate < top; candidate++)")
            .beginControlFlow("if ((generations[candidate] & 1) != 0)")
            .addStatement("slot = candidate")
            .addStatement("nextSlot = candidate + 1")
            .addStatement("return true")
            .endControlFlow()
            .endControlFlow()
            .addStatement("slot = -1")
            .addStatement("nextSlot = top")
            .addStatement("return false")
            .build());
    cursor.addMethod(
        publicMethod("handle")
            .returns(TypeName.LONG)
            .addJavadoc("Returns the handle of the current entry.\n\n@return its handle\n")
            .addJavadoc("@throws IllegalStateException if there is no current entry\n")
            .addStatement("int current = current()")
            .addStatement("return $T.of(current, generations[current])", Snippets.HANDLES)
            .build());
    cursor.addMethod(
        publicMethod("key")
            .returns(keyType)
            .addJavadoc("Returns the key of the current entry.\n\n@return its key\n")
            .addJavadoc("@throws IllegalStateException if there is no current entry\n")
            .addStatement("return $L", s.keyAt("current()"))
            .build());
    cursor.addMethod(
        publicMethod("value")
            .returns(valueType)
            .addJavadoc("Returns the value of the current entry.\n\n@return its value\n")
            .addJavadoc("@throws IllegalStateException if there is no current entry\n")
            .addStatement("return $L", s.valueAt("current()"))
            .build());
    cursor.addMethod(
        publicMethod("setValue")
            .addParameter(valueType, "value")
            .addJavadoc("Replaces the value of the current entry.\n\n@param value the new value\n")
            .addJavadoc("@throws IllegalStateException if there is no current entry\n")
            .addStatement("values[current()] = value")
            .build());
    cursor.addMethod(
        publicMethod("remove")
            .addJavadoc("Removes the current entry; the cursor then has no current entry until {@link #next()}.\n\n")
            .addJavadoc("@throws IllegalStateException if there is no current entry\n")
            .addStatement("removeSlot(current(), $S)", "Cursor.remove")
            .addStatement("slot = -1")
            .addStatement("expectedModCount = modCount")
            .build());
    cursor.addMethod(
        MethodSpec.methodBuilder("current")
            .addModifiers(PRIVATE)
            .returns(TypeName.INT)
            .addJavadoc("Returns the current slot.\n")
            .addStatement("checkUnchanged()")
            .beginControlFlow("if (slot < 0)")
            .addStatement(
                "throw new $T($S$W+ $S)",
                IllegalStateException.class,
                "no current entry: call next() first,",
                " and again after remove()")
            .endControlFlow()
            .addStatement("return slot")
            .build());
    cursor.addMethod(
        MethodSpec.methodBuilder("checkUnchanged")
            .addModifiers(PRIVATE)
            .addJavadoc("Fails fast when the map was changed other than through this cursor.\n")
            .beginControlFlow("if (modCount != expectedModCount)")
            .addStatement("throw new $T()", ConcurrentModificationException.class)
            .endControlFlow()
            .build());
    return cursor.build();
  }

  // ---------------------------------------------------------------------------------------------

  /** {@code new int[length]}, {@code new Object[length]}, {@code new byte[length][]}. */
  static CodeBlock newArray(TypeModel type, String length) {
    TypeName element = type.storageType();
    int dimensions = 0;
    while (element instanceof ArrayTypeName) {
      element = ((ArrayTypeName) element).componentType();
      dimensions++;
    }
    return CodeBlock.of("new $T[$L]$L", element, length, "[]".repeat(dimensions));
  }
}
