package dev.rchashmap.tests.borrowed;

import dev.rchashmap.runtime.BorrowedEquivalence;
import java.util.UUID;

/**
 * {@link UUID} keys looked up by their text: a probe is the canonical 36-character form {@code
 * xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} of hexadecimal digits, in either case, as a log line or a
 * request holds it. The hash is {@link UUID#hashCode()}'s, computed from the digits; {@code
 * matches} compares the bits the digits spell with the key's. Neither allocates nor makes a
 * {@code UUID}: a hit costs one pass over the 36 characters.
 *
 * <p>Only the canonical form denotes a key. Other text ({@code UUID.fromString} also takes
 * shortened groups like {@code "1-2-3-4-5"}, and digits of other scripts) matches no key, and
 * {@link #toKey} rejects it, so that {@code hash}, {@code matches} and {@code toKey} agree on
 * which text denotes which key: a {@code toKey} that made a key from text {@code hash} cannot
 * read would break the hash contract, which the maps check on insert with assertions on.
 */
public final class UuidText implements BorrowedEquivalence<UUID, CharSequence> {

  /** The length of the canonical text. */
  public static final int LENGTH = 36;

  /** Creates the equivalence; the generated maps make one through this constructor. */
  public UuidText() {}

  /**
   * Returns {@link UUID#hashCode()} of the UUID the text spells, or 0 for text that spells none.
   *
   * @param probe the text of a UUID
   * @return that UUID's hash
   */
  @Override
  public int hash(CharSequence probe) {
    if (!isCanonical(probe)) {
      return 0;
    }
    long hilo = mostSignificantBits(probe) ^ leastSignificantBits(probe);
    return (int) (hilo >> 32) ^ (int) hilo;
  }

  /**
   * Tells whether the text spells {@code key}.
   *
   * @param probe the text of a UUID
   * @param key a key of the map
   * @return whether {@code probe} is the canonical text of {@code key}, in either case
   */
  @Override
  public boolean matches(CharSequence probe, UUID key) {
    return isCanonical(probe)
        && mostSignificantBits(probe) == key.getMostSignificantBits()
        && leastSignificantBits(probe) == key.getLeastSignificantBits();
  }

  /**
   * Returns the UUID the text spells.
   *
   * @param probe the canonical text of a UUID
   * @return the UUID
   * @throws IllegalArgumentException if {@code probe} is not the canonical text of a UUID
   */
  @Override
  public UUID toKey(CharSequence probe) {
    if (!isCanonical(probe)) {
      throw new IllegalArgumentException("not the 36-character text of a UUID: \"" + probe + '"');
    }
    return UUID.fromString(probe.toString());
  }

  /**
   * Tells whether {@code text} is the canonical form: 36 characters, dashes at 8, 13, 18 and 23,
   * ASCII hexadecimal digits elsewhere.
   *
   * @param text any characters
   * @return whether they spell a UUID
   */
  public static boolean isCanonical(CharSequence text) {
    if (text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : hexValue(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The 64 bits of the first three groups of canonical text. */
  private static long mostSignificantBits(CharSequence text) {
    return hexBits(text, 0);
  }

  /** The 64 bits of the last two groups of canonical text. */
  private static long leastSignificantBits(CharSequence text) {
    return hexBits(text, 19);
  }

  /** The 16 hexadecimal digits from {@code start} on, dashes skipped. */
  private static long hexBits(CharSequence text, int start) {
    long bits = 0;
    int digits = 0;
    for (int i = start; digits < 16; i++) {
      char c = text.charAt(i);
      if (c != '-') {
        bits = bits << 4 | hexValue(c);
        digits++;
      }
    }
    return bits;
  }

  /** The value of an ASCII hexadecimal digit, or -1. */
  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
