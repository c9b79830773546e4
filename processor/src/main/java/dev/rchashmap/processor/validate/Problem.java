package dev.rchashmap.processor.validate;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * One error found in an annotation, placed on the annotation value at fault (or on the whole
 * annotation when the attribute was left at its default).
 *
 * @param message what is wrong and how to fix it
 * @param element the annotated element
 * @param mirror the annotation
 * @param value the attribute value at fault, or {@code null}
 * @param repetition the annotation's position among repeated {@code @GenerateMaps} on the
 *     element, or {@code -1}
 */
public record Problem(
    String message,
    Element element,
    AnnotationMirror mirror,
    AnnotationValue value,
    int repetition) {}
