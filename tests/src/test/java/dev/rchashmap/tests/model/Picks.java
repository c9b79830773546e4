package dev.rchashmap.tests.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set whose elements an operation can pick by number in constant time: {@code pick(n)} is the
 * element at {@code n} modulo the size. Removal moves the last element into the gap, so the
 * order, and with it every pick, depends only on the sequence of adds and removes: a failing
 * operation list replays exactly.
 *
 * @param <E> the element type
 */
public final class Picks<E> {

  private final List<E> elements = new ArrayList<>();
  private final Map<E, Integer> positions = new HashMap<>();

  /** Adds {@code element}, which must not be present. */
  public void add(E element) {
    if (positions.putIfAbsent(element, elements.size()) != null) {
      throw new IllegalStateException("already present: " + element);
    }
    elements.add(element);
  }

  /** Removes {@code element}, which must be present. */
  public void remove(E element) {
    Integer position = positions.remove(element);
    if (position == null) {
      throw new IllegalStateException("not present: " + element);
    }
    E last = elements.remove(elements.size() - 1);
    if (position < elements.size()) {
      elements.set(position, last);
      positions.put(last, position);
    }
  }

  /** The element at {@code pick} modulo the size, or {@code null} when empty. */
  public E pick(int pick) {
    return elements.isEmpty() ? null : elements.get(Math.floorMod(pick, elements.size()));
  }

  public int size() {
    return elements.size();
  }

  /** The elements, in pick order; a read-only view. */
  public List<E> all() {
    return Collections.unmodifiableList(elements);
  }
}
