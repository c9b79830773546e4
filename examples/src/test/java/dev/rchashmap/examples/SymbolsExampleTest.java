package dev.rchashmap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.examples.symbols.SymbolsExample;
import dev.rchashmap.examples.symbols.SymbolsExample.Form;
import dev.rchashmap.examples.symbols.SymbolsExample.Reader;
import dev.rchashmap.examples.symbols.SymbolsExample.Symbol;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SymbolsExampleTest {

  private final List<String> left = new ArrayList<>();

  private Reader reader() {
    return new Reader((name, symbol) -> left.add(name));
  }

  @Test
  void printsInterningAndRelease() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SymbolsExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("read (define (square x) (* x x))  ->  table [*, define, square, x]"), out);
    assertTrue(out.contains("the three x's are one Symbol object: true"), out);
    assertTrue(out.contains("'square' in both forms is one Symbol object: true"), out);
    assertTrue(out.contains("symbol y#9 leaves the table"), out);
    assertTrue(out.contains("syntax error: missing ) at end of input; table [*, area, define, pi, r, square, x]"), out);
    // Closing the square form releases x and only x: the other symbols are still used by area.
    String afterClose = out.substring(out.indexOf("closing (define (square x)"), out.indexOf("read (square x)"));
    assertEquals(1, afterClose.split("leaves the table", -1).length - 1, afterClose);
    assertTrue(afterClose.contains("symbol x#3 leaves the table"), afterClose);
    assertTrue(afterClose.contains("table [*, area, define, pi, r, square]"), afterClose);
    assertTrue(out.contains("x is a new Symbol x#10, the old one was x#3"), out);
    assertTrue(out.contains("table [], empty: true"), out);
    // 6 + 7 + 3 + 2 names in the four forms read; 10 symbols were new (define, square, x, *,
    // area, r, pi, display, y, and x again after it had left).
    assertTrue(out.contains("names read: 18, Strings made: 10 (one per new symbol;"), out);
  }

  @Test
  void aStringIsMadeOnlyForANewName() {
    try (Reader reader = reader()) {
      Form first = reader.read("(f x (g x) x)");
      assertEquals(5, reader.namesRead());
      assertEquals(3, reader.stringsMade()); // f, x, g
      for (int i = 0; i < 100; i++) {
        reader.read("(g (f x))").close(); // every name is held by the first form
      }
      assertEquals(305, reader.namesRead());
      assertEquals(3, reader.stringsMade());
      first.close();
      reader.read("(x)").close(); // x left with the first form: a new symbol, a new String
      assertEquals(4, reader.stringsMade());
    }
  }

  @Test
  void readsAFormFromASliceOfABufferWithoutCopyingIt() {
    char[] buffer = "junk (cons head tail) more junk".toCharArray();
    try (Reader reader = reader();
        Form form = reader.read(buffer, 5, 21)) {
      assertEquals("(cons head tail)", form.toString());
      java.util.Arrays.fill(buffer, '#'); // the reader's next chunk overwrites the buffer
      assertEquals(List.of("cons", "head", "tail"), form.symbols().stream().map(Symbol::name).toList());
      assertEquals(Set.of("cons", "head", "tail"), reader.interned());
    }
  }

  @Test
  void integersAndErrorsAreReadInPlaceToo() {
    try (Reader reader = reader();
        Form form = reader.read("(-12 x 3 - -x 9223372036854775807)")) {
      assertEquals("(-12 x 3 - -x 9223372036854775807)", form.toString());
      assertEquals(List.of("x", "-", "-x"), form.symbols().stream().map(Symbol::name).toList());
      IllegalArgumentException error =
          assertThrows(IllegalArgumentException.class, () -> reader.read("(a) bee"));
      assertEquals("unexpected bee after the form", error.getMessage());
      error = assertThrows(IllegalArgumentException.class, () -> reader.read("(a))"));
      assertEquals("unexpected ) after the form", error.getMessage());
    }
  }

  @Test
  void equalNamesShareOneSymbolAcrossForms() {
    try (Reader reader = reader();
        Form a = reader.read("(f x (g x))");
        Form b = reader.read("(h x)")) {
      List<Symbol> as = a.symbols();
      assertEquals(List.of("f", "x", "g", "x"), as.stream().map(Symbol::name).toList());
      assertSame(as.get(1), as.get(3));
      assertSame(as.get(1), b.symbols().get(1));
      assertEquals(Set.of("f", "g", "h", "x"), reader.interned());
      assertEquals("(f x (g x))", a.toString());
    }
  }

  @Test
  void closingAFormReleasesExactlyTheSymbolsOnlyItUsed() {
    try (Reader reader = reader()) {
      Form a = reader.read("(define (square x) (* x x))");
      Form b = reader.read("(square 3)");
      a.close();
      assertEquals(List.of("define", "*", "x"), left); // in the order their last occurrence closed
      assertEquals(Set.of("square"), reader.interned());
      a.close(); // closing twice releases nothing more
      assertEquals(3, left.size());
      b.close();
      assertEquals(List.of("define", "*", "x", "square"), left);
      assertTrue(reader.interned().isEmpty());
    }
  }

  @Test
  void aMalformedFormPinsNoSymbol() {
    try (Reader reader = reader()) {
      assertThrows(IllegalArgumentException.class, () -> reader.read("(a (b c)"));
      assertThrows(IllegalArgumentException.class, () -> reader.read("(a) b"));
      assertThrows(IllegalArgumentException.class, () -> reader.read(")"));
      assertTrue(reader.interned().isEmpty());
      assertEquals(List.of("a", "b", "c", "a"), left); // "b" after "(a)" was never interned
    }
  }

  @Test
  void numbersAreNotInternedAndSymbolsOutliveAClosedReader() {
    Reader reader = reader();
    Form form = reader.read("(+ 1 -2 ())");
    assertEquals("(+ 1 -2 ())", form.toString());
    assertEquals(Set.of("+"), reader.interned());
    Symbol plus = form.symbols().get(0);
    reader.close(); // the table's owner lets go; the form keeps its symbol alive
    assertSame(plus, form.symbols().get(0));
    assertTrue(left.isEmpty());
    form.close();
    assertEquals(List.of("+"), left);
  }

  @Test
  void aSymbolReadAfterItLeftIsANewObject() {
    try (Reader reader = reader()) {
      Symbol first;
      try (Form form = reader.read("(x)")) {
        first = form.symbols().get(0);
      }
      try (Form form = reader.read("(x)")) {
        assertNotSame(first, form.symbols().get(0));
      }
    }
  }
}
