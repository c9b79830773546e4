package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.testkit.Property;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class KeysTest {

  @Test
  void describesNullStringsCharsAndOthers() {
    assertEquals("null", Keys.describe(null));
    assertEquals("\"abc\"", Keys.describe("abc"));
    assertEquals("\"\"", Keys.describe(""));
    assertEquals("'a'", Keys.describe('a'));
    assertEquals("42", Keys.describe(42));
    assertEquals("-7", Keys.describe(-7L));
    assertEquals("NaN", Keys.describe(Double.NaN));
    assertEquals("true", Keys.describe(true));
  }

  @Test
  void describesArraysByContents() {
    assertEquals("[1, 2]", Keys.describe(new int[] {1, 2}));
    assertEquals("[1, 2]", Keys.describe(new byte[] {1, 2}));
    assertEquals("[a, b]", Keys.describe(new char[] {'a', 'b'}));
    assertEquals("[1.5, NaN]", Keys.describe(new double[] {1.5, Double.NaN}));
    assertEquals("[x, null]", Keys.describe(new String[] {"x", null}));
    assertEquals("[]", Keys.describe(new long[0]));
  }

  @Test
  void describesNestedArrays() {
    assertEquals("[[1], [2, 3]]", Keys.describe(new int[][] {{1}, {2, 3}}));
    assertEquals("[a, [1, 2], [[b]]]",
        Keys.describe(new Object[] {"a", new byte[] {1, 2}, new Object[] {new String[] {"b"}}}));
  }

  @Test
  void describesSelfContainingArraysLikeDeepToString() {
    Object[] cycle = new Object[2];
    cycle[0] = 1;
    cycle[1] = cycle;
    assertEquals(Arrays.deepToString(cycle), Keys.describe(cycle));
    assertEquals("[1, [...]]", Keys.describe(cycle));
  }

  @TestFactory
  Stream<DynamicTest> shortArraysRenderExactlyLikeArraysToString() {
    return Property.forAll(
        1000,
        gen -> {
          int[] array = gen.intArrays(20);
          String expected = Arrays.toString(array);
          if (expected.length() <= 100) {
            assertEquals(expected, Keys.describe(array));
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> descriptionsAreShortPrefixesOfTheFullRendering() {
    return Property.forAll(
        1000,
        gen -> {
          long[] array = gen.longArrays(300);
          String full = Arrays.toString(array);
          String described = Keys.describe(array);
          assertTrue(described.length() <= 100, described);
          if (full.length() <= 100) {
            assertEquals(full, described);
          } else {
            assertTrue(described.endsWith("..."), described);
            assertEquals(full.substring(0, described.length() - 3), described.substring(0, 97));
          }
        });
  }

  @Test
  void truncatesLongStrings() {
    String longKey = "x".repeat(1000);
    String described = Keys.describe(longKey);
    assertEquals(100, described.length());
    assertEquals("\"" + "x".repeat(96) + "...", described);
  }

  @Test
  void keepsAStringThatFits() {
    String key = "y".repeat(98);
    assertEquals("\"" + key + "\"", Keys.describe(key));
    assertEquals(100, Keys.describe(key).length());
    assertEquals(100, Keys.describe(key + "z").length());
    assertTrue(Keys.describe(key + "z").endsWith("..."));
  }

  @Test
  void truncatesHugeArraysAndLongToStrings() {
    String described = Keys.describe(new int[10_000_000]);
    assertEquals(100, described.length());
    assertTrue(described.startsWith("[0, 0, 0"), described);
    assertTrue(described.endsWith("..."), described);

    Object verbose =
        new Object() {
          @Override
          public String toString() {
            return "v".repeat(500);
          }
        };
    assertEquals("v".repeat(97) + "...", Keys.describe(verbose));
  }

  /**
   * An array is rendered element by element only until the text is past the limit: here the
   * first 33 elements fill exactly 100 characters ("[abc" and 32 times ", a"), so the 34th is the
   * one that passes it, and no element after it is rendered at all.
   */
  @Test
  void rendersArrayElementsOnlyUntilPastTheLimit() {
    int[] rendered = {0};
    Object[] array = new Object[1_000];
    for (int i = 0; i < array.length; i++) {
      String text = i == 0 ? "abc" : "a";
      array[i] =
          new Object() {
            @Override
            public String toString() {
              rendered[0]++;
              return text;
            }
          };
    }
    String described = Keys.describe(array);
    assertEquals(34, rendered[0]);
    assertEquals("[abc" + ", a".repeat(31) + "...", described);
  }

  @Test
  void doesNotSplitSurrogatePairs() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    String key = "a".repeat(95) + emoji + "b".repeat(10);
    String described = Keys.describe(key);
    // "\"" + 95 a's = 96 chars, so the cut at 97 would fall between the two surrogates.
    assertEquals("\"" + "a".repeat(95) + "...", described);
  }

  @Test
  void survivesAThrowingToString() {
    Object broken = new Broken();
    String described = Keys.describe(broken);
    assertTrue(described.startsWith(Broken.class.getName() + "@"), described);
    // An element's toString that throws makes the whole array fall back to its identity.
    String array = Keys.describe(new Object[] {1, broken});
    assertTrue(array.startsWith("[Ljava.lang.Object;@"), array);
  }

  private static final class Broken {
    @Override
    public String toString() {
      throw new UnsupportedOperationException("no toString");
    }
  }
}
