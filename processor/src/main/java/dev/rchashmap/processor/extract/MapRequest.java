package dev.rchashmap.processor.extract;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @GenerateMaps} annotation as written, before validation: each attribute with the
 * {@link AnnotationValue} that diagnostics point at. An attribute left at its default has a {@code
 * null} value, and diagnostics then point at the whole annotation.
 *
 * @param element the annotated package or type
 * @param mirror the annotation
 * @param key the key class
 * @param keyValue the {@code key} attribute
 * @param value the value class
 * @param valueValue the {@code value} attribute
 * @param prefix the prefix, {@code ""} to derive it
 * @param prefixValue the {@code prefix} attribute, or {@code null} when left out
 * @param layers the names of the {@code Layer} constants, in the order written
 * @param layersValue the {@code layers} attribute, or {@code null} when left out
 * @param equivalence the equivalence class, or {@code null} when left out ({@code void.class})
 * @param equivalenceValue the {@code equivalence} attribute, or {@code null} when left out
 * @param borrowed the borrowed equivalence class, or {@code null} when left out ({@code void.class})
 * @param borrowedValue the {@code borrowed} attribute, or {@code null} when left out
 * @param repetition the position among the element's repeated {@code @GenerateMaps}, or {@code
 *     -1} when the annotation is not repeated
 */
public record MapRequest(
    Element element,
    AnnotationMirror mirror,
    TypeMirror key,
    AnnotationValue keyValue,
    TypeMirror value,
    AnnotationValue valueValue,
    String prefix,
    AnnotationValue prefixValue,
    List<String> layers,
    AnnotationValue layersValue,
    TypeMirror equivalence,
    AnnotationValue equivalenceValue,
    TypeMirror borrowed,
    AnnotationValue borrowedValue,
    int repetition) {}
