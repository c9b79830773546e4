package dev.rchashmap.runtime;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Renders keys for exception messages, short and unambiguous.
 *
 * <p>Messages should name the key, but a key may be a long string, a large array or an object
 * whose {@code toString} is expensive or broken; {@link #describe(Object)} keeps messages short
 * and never fails.
 */
public final class Keys {

  /** Longest description {@link #describe(Object)} returns, {@code "..."} included. */
  private static final int MAX_LENGTH = 100;

  private static final String ELLIPSIS = "...";

  private Keys() {}

  /**
   * Describes a key for an exception message.
   *
   * <ul>
   *   <li>{@code null} is {@code "null"};
   *   <li>a {@link String} is quoted: {@code "abc"} becomes {@code "\"abc\""};
   *   <li>a {@link Character} is quoted: {@code 'a'};
   *   <li>an array is rendered like {@link Arrays#deepToString(Object[])}: {@code [1, 2]},
   *       {@code [[1], [2, 3]]};
   *   <li>anything else is {@link String#valueOf(Object)}.
   * </ul>
   *
   * <p>The result is at most 100 characters; a longer one is cut and ends in {@code "..."}.
   * Arrays are rendered only as far as needed, so a huge array key costs no more than a small
   * one. If the key's {@code toString} throws, the key is described as {@code
   * ClassName@identityHash}: building an exception must not fail.
   *
   * @param key the key, possibly {@code null}
   * @return a description of at most 100 characters
   */
  public static String describe(Object key) {
    StringBuilder out = new StringBuilder();
    try {
      if (key instanceof String) {
        String string = (String) key;
        out.append('"').append(string, 0, Math.min(string.length(), MAX_LENGTH)).append('"');
      } else if (key instanceof Character) {
        out.append('\'').append((char) (Character) key).append('\'');
      } else if (key != null && key.getClass().isArray()) {
        appendArray(out, key, new IdentityHashMap<>());
      } else {
        out.append(key);
      }
    } catch (RuntimeException e) {
      out.setLength(0);
      out.append(key.getClass().getName())
          .append('@')
          .append(Integer.toHexString(System.identityHashCode(key)));
    }
    return truncate(out);
  }

  /**
   * Appends {@code array} like {@link Arrays#deepToString(Object[])} does, stopping as soon as
   * {@code out} is longer than {@link #MAX_LENGTH}.
   *
   * @param out where to append
   * @param array a non-null array of any component type
   * @param enclosing the arrays being rendered around this one, to render cycles as {@code [...]}
   */
  private static void appendArray(StringBuilder out, Object array, Map<Object, Object> enclosing) {
    if (enclosing.containsKey(array)) {
      out.append("[...]");
      return;
    }
    enclosing.put(array, array);
    out.append('[');
    int length = Array.getLength(array);
    for (int i = 0; i < length && out.length() <= MAX_LENGTH; i++) {
      if (i > 0) {
        out.append(", ");
      }
      Object element = Array.get(array, i);
      if (element != null && element.getClass().isArray()) {
        appendArray(out, element, enclosing);
      } else {
        out.append(element);
      }
    }
    out.append(']');
    enclosing.remove(array);
  }

  /** Cuts {@code text} to {@link #MAX_LENGTH} characters, ending in "...", if it is longer. */
  private static String truncate(StringBuilder text) {
    if (text.length() <= MAX_LENGTH) {
      return text.toString();
    }
    int end = MAX_LENGTH - ELLIPSIS.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // do not split a surrogate pair
    }
    return text.substring(0, end) + ELLIPSIS;
  }
}
