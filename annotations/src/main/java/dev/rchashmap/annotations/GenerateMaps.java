package dev.rchashmap.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the rchashmap annotation processor to generate hash maps specialized for one key type and
 * one value type.
 *
 * <pre>{@code
 * @GenerateMaps(key = int.class, value = long.class)
 * @GenerateMaps(key = String.class, value = Object.class, prefix = "Symbol")
 * package com.example.model;
 * }</pre>
 *
 * <p>The generated classes are public, final and top-level, in the package of the annotated
 * element, and are named {@code <prefix>HandleHashMap}, {@code <prefix>CountedHashMap} and
 * {@code <prefix>RcHashMap}.
 *
 * <p>The retention is {@link RetentionPolicy#CLASS CLASS} so that Gradle's incremental annotation
 * processing can see the annotation on compiled types; nothing reads it at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(GenerateMaps.List.class)
public @interface GenerateMaps {

  /**
   * The key type: a primitive class such as {@code int.class}, {@code Object.class} (the generated
   * class gets a type variable {@code K}), or any other non-generic class, interface or array type,
   * used as it is.
   *
   * @return the key type
   */
  Class<?> key();

  /**
   * The value type: a primitive class such as {@code long.class}, {@code Object.class} (the
   * generated class gets a type variable {@code V}), or any other non-generic class, interface or
   * array type, used as it is.
   *
   * @return the value type
   */
  Class<?> value();

  /**
   * The prefix of the generated class names. When empty it is derived from the key and the value:
   * a primitive gives its capitalized name ({@code Int}, {@code Long}), {@code Object} gives
   * {@code Obj}, an array gives its component's prefix followed by {@code Array}, any other class
   * gives its simple name. So {@code key = int.class, value = long.class} gives
   * {@code IntLongHandleHashMap}.
   *
   * @return the prefix, or {@code ""} to derive it
   */
  String prefix() default "";

  /**
   * The layers to generate. {@code RC} is built on {@code COUNTED}, which is generated with it;
   * {@code HANDLE} and {@code COUNTED} stand alone. {@code WEAK} is opt-in and needs a key or a
   * value of a reference type.
   *
   * @return the layers, not empty
   */
  Layer[] layers() default {Layer.HANDLE, Layer.COUNTED, Layer.RC};

  /**
   * A custom key equivalence (hash and equality) used instead of the default one. It names a
   * class with a public no-argument constructor that implements the runtime interface matching the
   * key type: {@code dev.rchashmap.runtime.IntEquivalence} for {@code int} keys, and so on for the
   * other primitives, or {@code dev.rchashmap.runtime.Equivalence<? super K>} for reference keys.
   * Array keys need one. {@code void.class}, the default, means the default equivalence.
   *
   * @return the equivalence class, or {@code void.class} for the default
   */
  Class<?> equivalence() default void.class;

  /**
   * A way to look keys up by a borrowed form, without making the key: a class with a public
   * no-argument constructor implementing {@code dev.rchashmap.runtime.BorrowedEquivalence<K, Q>},
   * for keys of a reference type. The maps then also have {@code find(Q)}, {@code containsKey(Q)},
   * {@code getOrDefault(Q, ...)} and {@code findOrInsert(Q, factory)}, which makes the key only on a
   * miss. The runtime's {@code CharSequenceKeys} looks {@code String} keys up by any {@code
   * CharSequence}. {@code void.class}, the default, means none.
   *
   * @return the borrowed equivalence class, or {@code void.class} for none
   */
  Class<?> borrowed() default void.class;

  /**
   * The container of repeated {@link GenerateMaps} annotations; written by the compiler, not by
   * hand.
   */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.PACKAGE})
  @interface List {
    /**
     * The repeated annotations.
     *
     * @return the annotations, in source order
     */
    GenerateMaps[] value();
  }
}
