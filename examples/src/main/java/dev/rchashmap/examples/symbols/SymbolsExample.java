package dev.rchashmap.examples.symbols;

import java.io.PrintStream;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Symbol interning for a small Lisp reader. The reader reads its source from a {@code char[]} and
 * interns every symbol name through a {@code StringObjRcHashMap<Symbol>} with {@code
 * findOrInsert}, by a borrowed form: a {@code CharBuffer} over the name where it lies in the
 * buffer ({@code @GenerateMaps(..., borrowed = CharSequenceKeys.class)}). So equal names share one
 * {@link Symbol} object, a {@code String} is made only for a new name, and each parsed {@link Form}
 * holds one {@code Ref} per symbol occurrence.
 * Closing a form closes its {@code Ref}s: a symbol no other form uses leaves the table (the
 * removal listener reports it), a symbol another form still uses stays, the same object.
 */
public final class SymbolsExample {

  /** A Lisp symbol: one object per name for as long as some form uses it; compared by identity. */
  public static final class Symbol {
    private final String name;
    private final int id;

    Symbol(String name, int id) {
      this.name = name;
      this.id = id;
    }

    /** Returns the symbol's name. */
    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name + "#" + id;
    }
  }

  /** A parsed form: a tree of {@code Long}s, {@code Ref<Symbol>}s and lists, owning its Refs. */
  public static final class Form implements AutoCloseable {
    private final Object tree;
    private final List<StringObjRcHashMap.Ref<Symbol>> refs;

    Form(Object tree, List<StringObjRcHashMap.Ref<Symbol>> refs) {
      this.tree = tree;
      this.refs = refs;
    }

    /** Returns the symbols of the form, one per occurrence, in reading order. */
    public List<Symbol> symbols() {
      List<Symbol> symbols = new ArrayList<>();
      refs.forEach(ref -> symbols.add(ref.value()));
      return symbols;
    }

    /** Drops the form: every symbol occurrence gives its count back. */
    @Override
    public void close() {
      refs.forEach(StringObjRcHashMap.Ref::close);
    }

    @Override
    public String toString() {
      return print(tree, new StringBuilder()).toString();
    }

    private static StringBuilder print(Object node, StringBuilder text) {
      if (node instanceof List<?>) {
        String separator = "(";
        for (Object child : (List<?>) node) {
          print(child, text.append(separator));
          separator = " ";
        }
        return text.append(separator.equals("(") ? "()" : ")");
      }
      if (node instanceof StringObjRcHashMap.Ref<?>) {
        return text.append(((Symbol) ((StringObjRcHashMap.Ref<?>) node).value()).name());
      }
      return text.append(node);
    }
  }

  /**
   * Reads s-expressions of lists, integers and symbols from a {@code char[]}, interning the symbols
   * in its table by a borrowed form: one {@link CharBuffer} over the buffer, its position and limit
   * moved onto each name, is looked up with {@code findOrInsert(CharSequence, factory)}, so a
   * {@code String} is made only for a name the table does not hold yet.
   */
  public static final class Reader implements AutoCloseable {
    private final StringObjRcHashMap<Symbol> table;
    private final StringObjRcHashMap.ValueFactory<Symbol> newSymbol;
    private int nextId = 1;
    private int namesRead;
    private int stringsMade;

    // The source being read, the position in it, and the one probe over it.
    private char[] text;
    private int pos;
    private int end;
    private CharBuffer probe;

    /** Creates a reader; {@code left} hears of each symbol that leaves the table. */
    public Reader(StringObjRcHashMap.RemovalListener<Symbol> left) {
      table = StringObjRcHashMap.<Symbol>builder().removalListener(left).build();
      // Runs only for a new name, with the String the table just made of it.
      newSymbol =
          name -> {
            stringsMade++;
            return new Symbol(name, nextId++);
          };
    }

    /**
     * Reads one form.
     *
     * @param source the text of exactly one form
     * @return the form; close it to release its symbols
     */
    public Form read(String source) {
      return read(source.toCharArray(), 0, source.length());
    }

    /**
     * Reads one form from {@code buffer[start..end)}. On a syntax error the symbols interned so far
     * are released again.
     *
     * @param buffer the characters, as a reader of a file holds them
     * @param start where the form begins
     * @param end where the text of exactly one form ends
     * @return the form; close it to release its symbols
     */
    public Form read(char[] buffer, int start, int end) {
      text = buffer;
      pos = start;
      this.end = end;
      probe = CharBuffer.wrap(buffer);
      List<StringObjRcHashMap.Ref<Symbol>> refs = new ArrayList<>();
      try {
        Object tree = parse(refs);
        skipSpace();
        if (pos != end) {
          throw new IllegalArgumentException("unexpected " + nextToken() + " after the form");
        }
        return new Form(tree, refs);
      } catch (RuntimeException e) {
        refs.forEach(StringObjRcHashMap.Ref::close); // a half-read form must not pin symbols
        throw e;
      } finally {
        text = null;
        probe = null;
      }
    }

    private Object parse(List<StringObjRcHashMap.Ref<Symbol>> refs) {
      skipSpace();
      if (pos == end) {
        throw new IllegalArgumentException("missing ) at end of input");
      }
      char c = text[pos];
      if (c == ')') {
        throw new IllegalArgumentException("unexpected )");
      }
      if (c == '(') {
        pos++;
        List<Object> list = new ArrayList<>();
        while (true) {
          skipSpace();
          if (pos == end) {
            throw new IllegalArgumentException("missing ) at end of input");
          }
          if (text[pos] == ')') {
            pos++;
            return list;
          }
          list.add(parse(refs));
        }
      }
      int start = pos;
      while (pos < end && !isDelimiter(text[pos])) {
        pos++;
      }
      // The probe now shows text[start..pos): the token, read in place.
      probe.limit(pos).position(start);
      if (isInteger(start, pos)) {
        return Long.parseLong(probe, 0, probe.length(), 10);
      }
      // Interning: the first occurrence of a name makes its String and its Symbol, later ones
      // find them by the characters in the buffer and make nothing.
      namesRead++;
      StringObjRcHashMap.Ref<Symbol> ref = table.findOrInsert(probe, newSymbol);
      refs.add(ref);
      return ref;
    }

    private void skipSpace() {
      while (pos < end && isSpace(text[pos])) {
        pos++;
      }
    }

    /** The next token as a String, for an error message. */
    private String nextToken() {
      int start = pos;
      if (text[pos] == '(' || text[pos] == ')') {
        return String.valueOf(text[pos]);
      }
      int stop = start;
      while (stop < end && !isDelimiter(text[stop])) {
        stop++;
      }
      return new String(text, start, stop - start);
    }

    private boolean isInteger(int start, int stop) {
      int digits = text[start] == '-' ? start + 1 : start;
      if (digits == stop) {
        return false;
      }
      for (int i = digits; i < stop; i++) {
        if (text[i] < '0' || text[i] > '9') {
          return false;
        }
      }
      return true;
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isDelimiter(char c) {
      return c == '(' || c == ')' || isSpace(c);
    }

    /** Returns how many symbol names this reader has read, in every form. */
    public int namesRead() {
      return namesRead;
    }

    /** Returns how many Strings interning made: one per new symbol, none for a known name. */
    public int stringsMade() {
      return stringsMade;
    }

    /** Returns the names in the symbol table, sorted. */
    public TreeSet<String> interned() {
      TreeSet<String> names = new TreeSet<>();
      for (StringObjRcHashMap<Symbol>.Cursor c = table.cursor(); c.next(); ) {
        names.add(c.key());
      }
      return names;
    }

    /** Closes the symbol table; symbols still used by open forms live on until those close. */
    @Override
    public void close() {
      table.close();
    }
  }

  private SymbolsExample() {}

  /**
   * Runs the example.
   *
   * @param out where to print what it shows
   */
  public static void run(PrintStream out) {
    try (Reader reader = new Reader((name, symbol) -> out.println("    symbol " + symbol + " leaves the table"))) {
      Form square = reader.read("(define (square x) (* x x))");
      List<Symbol> s = square.symbols(); // define, square, x, *, x, x
      out.println("read " + square + "  ->  table " + reader.interned());
      out.println("  the three x's are one Symbol object: " + (s.get(2) == s.get(4) && s.get(4) == s.get(5)));

      Form area = reader.read("(define (area r) (* pi (square r)))");
      out.println("read " + area + "  ->  table " + reader.interned());
      out.println("  'square' in both forms is one Symbol object: " + (area.symbols().get(5) == s.get(1)));

      out.println("read (display (square y): the symbols it interned leave again on the error:");
      try {
        reader.read("(display (square y)").close();
      } catch (IllegalArgumentException e) {
        out.println("  syntax error: " + e.getMessage() + "; table " + reader.interned());
      }

      out.println("closing " + square + " (x is used only there):");
      square.close();
      out.println("  table " + reader.interned());

      Form again = reader.read("(square x)");
      out.println("read " + again + ": x is a new Symbol " + again.symbols().get(1) + ", the old one was " + s.get(2));

      out.println("closing the remaining forms:");
      area.close();
      again.close();
      out.println("  table " + reader.interned() + ", empty: " + reader.interned().isEmpty());
      out.println(
          "names read: " + reader.namesRead() + ", Strings made: " + reader.stringsMade()
              + " (one per new symbol; a known name is looked up in the char[] it was read into)");
    }
  }
}
