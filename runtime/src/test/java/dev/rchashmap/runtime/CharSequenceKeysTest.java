package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rchashmap.testkit.Property;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link CharSequenceKeys} agrees with {@code String.hashCode} and {@code String.equals} for every
 * kind of probe: strings, builders, array-backed {@code CharBuffer}s (slices with an offset, buffers
 * whose position and limit moved) and those with no accessible array (read-only, direct).
 */
class CharSequenceKeysTest {
  private static final CharSequenceKeys KEYS = new CharSequenceKeys();

  /** Every kind of probe for the characters of {@code text}, each surrounded by other text. */
  private static List<CharSequence> probes(String text) {
    char[] padded = ("<<" + text + ">>>").toCharArray();
    CharBuffer moved = CharBuffer.wrap(padded);
    moved.limit(2 + text.length()).position(2);
    CharBuffer slice = CharBuffer.wrap(padded, 2, text.length()).slice();
    CharBuffer direct = ByteBuffer.allocateDirect(2 * padded.length).asCharBuffer();
    direct.put(padded).limit(2 + text.length()).position(2);
    return List.of(
        text,
        new StringBuilder(text),
        moved,
        slice,
        moved.asReadOnlyBuffer(),
        direct,
        CharBuffer.wrap(text));
  }

  @TestFactory
  Stream<DynamicTest> hashAndMatchAgreeWithStringForEveryKindOfProbe() {
    return Property.forAll(
        1000,
        gen -> {
          String text = gen.strings(40);
          String other = gen.ints(0, 3) == 0 ? text : gen.strings(40);
          for (CharSequence probe : probes(text)) {
            String kind = probe.getClass().getName();
            assertEquals(text.hashCode(), KEYS.hash(probe), kind);
            assertEquals(text.equals(other), KEYS.matches(probe, other), kind);
          }
        });
  }

  @Test
  void aProbeIsLeftWhereItWas() {
    CharBuffer probe = CharBuffer.wrap("<<key>>".toCharArray());
    probe.limit(5).position(2);
    KEYS.hash(probe);
    KEYS.matches(probe, "key");
    assertEquals(2, probe.position());
    assertEquals(5, probe.limit());
    assertEquals("key", KEYS.toKey(probe));
  }
}
