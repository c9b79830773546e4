package dev.rchashmap.examples.symbols;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Symbol interning for a small Lisp reader. The reader interns every symbol name through a
 * {@code StringObjRcHashMap<Symbol>} with {@code findOrInsert}, so equal names share one {@link
 * Symbol} object, and each parsed {@link Form} holds one {@code Ref} per symbol occurrence.
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

  /** Reads s-expressions of lists, integers and symbols, interning the symbols in its table. */
  public static final class Reader implements AutoCloseable {
    private static final Pattern TOKEN = Pattern.compile("[()]|[^\\s()]+");
    private final StringObjRcHashMap<Symbol> table;
    private int nextId = 1;

    /** Creates a reader; {@code left} hears of each symbol that leaves the table. */
    public Reader(StringObjRcHashMap.RemovalListener<Symbol> left) {
      table = StringObjRcHashMap.<Symbol>builder().removalListener(left).build();
    }

    /**
     * Reads one form. On a syntax error the symbols interned so far are released again.
     *
     * @param source the text of exactly one form
     * @return the form; close it to release its symbols
     */
    public Form read(String source) {
      List<String> tokens = new ArrayList<>();
      for (Matcher m = TOKEN.matcher(source); m.find(); ) {
        tokens.add(m.group());
      }
      List<StringObjRcHashMap.Ref<Symbol>> refs = new ArrayList<>();
      try {
        int[] pos = {0};
        Object tree = parse(tokens, pos, refs);
        if (pos[0] != tokens.size()) {
          throw new IllegalArgumentException("unexpected " + tokens.get(pos[0]) + " after the form");
        }
        return new Form(tree, refs);
      } catch (RuntimeException e) {
        refs.forEach(StringObjRcHashMap.Ref::close); // a half-read form must not pin symbols
        throw e;
      }
    }

    private Object parse(List<String> tokens, int[] pos, List<StringObjRcHashMap.Ref<Symbol>> refs) {
      if (pos[0] == tokens.size()) {
        throw new IllegalArgumentException("missing ) at end of input");
      }
      String token = tokens.get(pos[0]++);
      if (token.equals(")")) {
        throw new IllegalArgumentException("unexpected )");
      }
      if (token.equals("(")) {
        List<Object> list = new ArrayList<>();
        while (pos[0] == tokens.size() || !tokens.get(pos[0]).equals(")")) {
          list.add(parse(tokens, pos, refs));
        }
        pos[0]++;
        return list;
      }
      if (token.matches("-?\\d+")) {
        return Long.parseLong(token);
      }
      // Interning: the first occurrence of a name creates its Symbol, later ones share it.
      StringObjRcHashMap.Ref<Symbol> ref = table.findOrInsert(token, name -> new Symbol(name, nextId++));
      refs.add(ref);
      return ref;
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
    }
  }
}
