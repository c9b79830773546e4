package dev.rchashmap.tests.borrowed;

import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * The borrowed forms a test looks a name up by. {@link #STRING_BUILDER} and {@link #STRING} make
 * a probe per lookup; {@link #CHAR_BUFFER} is what a reader does: one {@link CharBuffer} over a
 * {@code char[]}, reused, its position and limit moved onto the name, which lies between other
 * characters that a lookup reading past the limit would take in.
 */
enum Probe {
  /** A new {@code StringBuilder} holding the name. */
  STRING_BUILDER {
    @Override
    CharSequence of(String name) {
      return new StringBuilder(name);
    }
  },
  /** The one {@code CharBuffer} of this thread, moved onto the name copied into its buffer. */
  CHAR_BUFFER {
    @Override
    CharSequence of(String name) {
      return Reader.CURRENT.get().probe(name);
    }
  },
  /** The name itself, a {@code String}, looked up as a {@code CharSequence}. */
  STRING {
    @Override
    CharSequence of(String name) {
      return name;
    }
  };

  /** Returns a probe of this kind for {@code name}. */
  abstract CharSequence of(String name);

  /** The {@code char[]} and its one {@code CharBuffer} that {@link #CHAR_BUFFER} reuses. */
  static final class Reader {
    static final ThreadLocal<Reader> CURRENT = ThreadLocal.withInitial(Reader::new);

    private char[] buffer = new char[64];
    private CharBuffer probe = CharBuffer.wrap(buffer);
    private int nextStart;

    /** The reused probe: the name copied at a moving place of the buffer, amid filler. */
    CharBuffer probe(String name) {
      int start = 1 + nextStart++ % 7;
      if (buffer.length < start + name.length() + 8) {
        buffer = new char[2 * (start + name.length() + 8)];
        probe = CharBuffer.wrap(buffer);
      }
      Arrays.fill(buffer, 'A');
      name.getChars(0, name.length(), buffer, start);
      probe.limit(start + name.length()).position(start);
      return probe;
    }

    /** Overwrites the whole buffer, as a reader does with the next chunk of its input. */
    void scribble() {
      Arrays.fill(buffer, 'Z');
    }
  }
}
