package dev.rchashmap.examples.hashtables;

import dev.rchashmap.runtime.Equivalence;
import dev.rchashmap.runtime.Weakness;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;

/**
 * Lisp hash tables with {@code :test} {@code eq}, {@code eql}, {@code equal} and a user-defined
 * test, as in Emacs' {@code define-hash-table-test}: a name, a user comparison function and a user
 * hash function. Every table is the same generated {@code ObjObjHandleHashMap<Object, Object>};
 * only the {@link Equivalence} given to its builder differs. Lisp strings are Java {@code String}s,
 * integers {@code Long}s, floats {@code Double}s, lists {@code List}s, symbols {@link Symbol}s.
 *
 * <p>{@code (make-hash-table :test test :weakness weakness)} makes a {@link WeakLispHashTable} on
 * the generated {@code ObjObjWeakHandleHashMap}: its entries leave once their key (or value, as
 * the weakness says) is no longer referred to from outside the table, at the next {@code
 * (garbage-collect)}.
 */
public final class HashTablesExample {

  /** {@code eql}: identity, except that numbers of the same type are compared by value. */
  public static final Equivalence<Object> EQL =
      new Equivalence<>() {
        @Override
        public int hash(Object value) {
          return value instanceof Number ? value.hashCode() : System.identityHashCode(value);
        }

        @Override
        public boolean equivalent(Object a, Object b) {
          // Double.equals compares bits, exactly like Lisp eql: (eql 0.0 -0.0) is nil, NaN is eql NaN.
          return a == b || (a instanceof Number && a.getClass() == b.getClass() && a.equals(b));
        }
      };

  /** {@code equal}: strings by contents, lists element by element, anything else by {@code eql}. */
  public static final Equivalence<Object> EQUAL =
      new Equivalence<>() {
        @Override
        public int hash(Object value) {
          if (value instanceof List<?>) {
            int hash = 1;
            for (Object element : (List<?>) value) {
              hash = 31 * hash + hash(element);
            }
            return hash;
          }
          return value instanceof String ? value.hashCode() : EQL.hash(value);
        }

        @Override
        public boolean equivalent(Object a, Object b) {
          if (a instanceof List<?> && b instanceof List<?>) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            for (int i = 0; i < x.size() && x.size() == y.size(); i++) {
              if (!equivalent(x.get(i), y.get(i))) {
                return false;
              }
            }
            return x.size() == y.size();
          }
          return a instanceof String && b instanceof String ? a.equals(b) : EQL.equivalent(a, b);
        }
      };

  /**
   * A Lisp symbol: a name, unique in the obarray that interned it, so symbols are compared by
   * identity ({@code eq}), as {@code Object.equals} does.
   */
  public static final class Symbol {
    private final String name;

    Symbol(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The Lisp side: the registry of hash table tests by name, {@code make-hash-table}, and the
   * obarray of interned symbols.
   */
  public static final class Lisp {
    private final ObjObjHandleHashMap<String, Equivalence<Object>> tests = new ObjObjHandleHashMap<>();
    private final ObjObjHandleHashMap<String, Symbol> obarray = new ObjObjHandleHashMap<>();

    /** Creates a Lisp that knows the tests {@code eq}, {@code eql} and {@code equal}. */
    public Lisp() {
      tests.insert("eq", Equivalence.identity());
      tests.insert("eql", EQL);
      tests.insert("equal", EQUAL);
    }

    /** {@code (define-hash-table-test name test hash)}: the hash must agree with the test. */
    public void defineHashTableTest(String name, BiPredicate<Object, Object> test, ToIntFunction<Object> hash) {
      Equivalence<Object> equivalence =
          new Equivalence<>() {
            @Override
            public int hash(Object value) {
              return hash.applyAsInt(value);
            }

            @Override
            public boolean equivalent(Object a, Object b) {
              return test.test(a, b);
            }
          };
      tests.put(name, equivalence); // redefining a test replaces it, as Emacs allows
    }

    /** {@code (make-hash-table :test test)}; an unknown test is an error. */
    public LispHashTable makeHashTable(String test) {
      Equivalence<Object> equivalence = tests.getOrDefault(test, null);
      if (equivalence == null) {
        throw new IllegalArgumentException("Invalid hash table test: " + test);
      }
      return new LispHashTable(ObjObjHandleHashMap.<Object, Object>builder().equivalence(equivalence).build());
    }

    /**
     * {@code (make-hash-table :test test :weakness weakness)}: {@code key}, {@code value}, {@code
     * key-or-value}, {@code key-and-value} (or {@code t}, as in Emacs); anything else is an error.
     */
    public WeakLispHashTable makeHashTable(String test, String weakness) {
      Equivalence<Object> equivalence = tests.getOrDefault(test, null);
      if (equivalence == null) {
        throw new IllegalArgumentException("Invalid hash table test: " + test);
      }
      return new WeakLispHashTable(
          ObjObjWeakHandleHashMap.<Object, Object>builder()
              .equivalence(equivalence)
              .weakness(weakness(weakness))
              .build());
    }

    private static Weakness weakness(String weakness) {
      switch (weakness) {
        case "key":
          return Weakness.KEY;
        case "value":
          return Weakness.VALUE;
        case "key-or-value":
          return Weakness.KEY_OR_VALUE;
        case "key-and-value":
        case "t":
          return Weakness.KEY_AND_VALUE;
        default:
          throw new IllegalArgumentException("Invalid hash table weakness: " + weakness);
      }
    }

    /** {@code (intern name)}: the symbol of that name, made on first use; the obarray keeps it. */
    public Symbol intern(String name) {
      return obarray.value(obarray.findOrInsert(name, Symbol::new));
    }

    /** {@code (unintern name)}: the obarray lets go of the symbol; {@code t} if there was one. */
    public String unintern(String name) {
      return obarray.removeKey(name) ? "t" : "nil";
    }
  }

  /**
   * A Lisp hash table: {@code puthash}, {@code gethash}, {@code remhash}, {@code clrhash}, {@code
   * maphash}, {@code copy-hash-table} and {@code hash-table-count}, each one call of the map.
   */
  public static final class LispHashTable {
    private final ObjObjHandleHashMap<Object, Object> map;

    LispHashTable(ObjObjHandleHashMap<Object, Object> map) {
      this.map = map;
    }

    /** {@code (puthash key value table)}: adds, or replaces the value of an equivalent key. */
    public void puthash(Object key, Object value) {
      map.put(key, value); // an existing entry keeps its first key, as in Lisp
    }

    /** {@code (remhash key table)}: removes the entry of an equivalent key; {@code t} if there was one. */
    public String remhash(Object key) {
      return map.removeKey(key) ? "t" : "nil";
    }

    /** {@code (clrhash table)}: removes every entry. */
    public void clrhash() {
      map.clear();
    }

    /** {@code (maphash function table)}: calls {@code function} with each key and value. */
    public void maphash(BiConsumer<Object, Object> function) {
      map.forEach((handle, key, value) -> function.accept(key, value));
    }

    /** {@code (copy-hash-table table)}: a new table with the same test and entries. */
    public LispHashTable copyHashTable() {
      return new LispHashTable(map.copy());
    }

    /** {@code (gethash key table)}: the value, or {@code "nil"}. */
    public Object gethash(Object key) {
      return map.getOrDefault(key, "nil");
    }

    /** {@code (hash-table-count table)}. */
    public int count() {
      return map.size();
    }
  }

  /**
   * A Lisp hash table made with {@code :weakness}: {@code puthash}, {@code gethash}, {@code
   * remhash} and {@code hash-table-count}, each one call of the weak map, and {@code
   * garbage-collect}.
   */
  public static final class WeakLispHashTable {
    private final ObjObjWeakHandleHashMap<Object, Object> map;

    WeakLispHashTable(ObjObjWeakHandleHashMap<Object, Object> map) {
      this.map = map;
    }

    /** {@code (puthash key value table)}. */
    public void puthash(Object key, Object value) {
      map.put(key, value);
    }

    /** {@code (gethash key table)}: the value, or {@code "nil"}. */
    public Object gethash(Object key) {
      return map.getOrDefault(key, "nil");
    }

    /** {@code (remhash key table)}: {@code t} if there was an entry. */
    public String remhash(Object key) {
      return map.removeKey(key) ? "t" : "nil";
    }

    /**
     * {@code (hash-table-count table)}: the entries not yet expunged, as in Emacs, where a weak
     * table's count drops at the next garbage collection.
     */
    public int count() {
      return map.size();
    }

    /**
     * {@code (garbage-collect)}, as this table sees it: asks the JVM for a collection and expunges
     * the entries it took, until the table is down to {@code expectedCount}. {@code System.gc()}
     * is only a request, and the collector hands cleared references over a little later, so this
     * tries for at most {@link #GC_SECONDS} seconds and then fails loudly rather than let the
     * example print a count that depends on the collector's mood.
     *
     * @throws IllegalStateException if the entries did not leave in time (for instance under
     *     {@code -XX:+DisableExplicitGC})
     */
    public void garbageCollect(int expectedCount) {
      garbageCollect(expectedCount, Duration.ofSeconds(GC_SECONDS));
    }

    /** {@link #garbageCollect(int)} with another bound. */
    public void garbageCollect(int expectedCount, Duration bound) {
      long deadline = System.nanoTime() + bound.toNanos();
      while (true) {
        map.expungeStaleEntries();
        if (map.size() <= expectedCount) {
          return;
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("(garbage-collect) left " + map.size()
              + " entries, expected " + expectedCount + ", after " + bound.toMillis()
              + " ms of System.gc()");
        }
        System.gc();
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted in (garbage-collect)", e);
        }
      }
    }
  }

  /** The longest {@link WeakLispHashTable#garbageCollect} waits for the collector. */
  public static final long GC_SECONDS = 10;

  private HashTablesExample() {}

  /**
   * Runs the example.
   *
   * @param out where to print what it shows
   */
  public static void run(PrintStream out) {
    Lisp lisp = new Lisp();
    // The Emacs manual's example: case-insensitive string keys (other keys compared as by equal).
    lisp.defineHashTableTest(
        "case-fold",
        (a, b) -> a instanceof String && b instanceof String ? upcase(a).equals(upcase(b)) : EQUAL.equivalent(a, b),
        key -> key instanceof String ? upcase(key).hashCode() : EQUAL.hash(key));
    out.println("(define-hash-table-test 'case-fold <compare upcased strings> <hash upcased strings>)");

    String[] testNames = {"eq", "eql", "equal", "case-fold"};
    List<LispHashTable> tables = new ArrayList<>();
    String apple = "apple";
    for (String test : testNames) {
      LispHashTable table = lisp.makeHashTable(test);
      table.puthash(apple, "fruit");
      table.puthash(1.5, "float");
      table.puthash(1L, "one");
      table.puthash(List.of(1L, "two"), "list");
      tables.add(table);
    }
    out.println("each table: (puthash \"apple\" 'fruit) (puthash 1.5 'float) (puthash 1 'one) (puthash '(1 \"two\") 'list)");

    // Each lookup key is a new object; only the same "apple" object is eq to a stored key.
    Object[] keys = {new String(apple.toCharArray()), "APPLE", Double.valueOf("1.5"), 1.0, List.of(1L, "two"), apple};
    String[] labels = {"\"apple\" (another string)", "\"APPLE\"", "1.5 (another float)", "1.0 (1 is stored)",
        "(1 \"two\") (another list)", "the stored \"apple\" itself"};
    out.println(row("(gethash KEY table)", (Object[]) testNames));
    for (int k = 0; k < keys.length; k++) {
      Object[] found = new Object[tables.size()];
      for (int t = 0; t < tables.size(); t++) {
        found[t] = tables.get(t).gethash(keys[k]);
      }
      out.println(row(labels[k], found));
    }

    // Putting the lookup keys shows the other side of the coin: how many distinct keys each test sees.
    Object[] counts = new Object[tables.size()];
    for (int t = 0; t < tables.size(); t++) {
      for (Object key : keys) {
        tables.get(t).puthash(key, "again");
      }
      counts[t] = tables.get(t).count();
    }
    out.println(row("count after puthash of each", counts));

    // The rest of the hash table API, on the equal table.
    LispHashTable equal = tables.get(2);
    LispHashTable copy = equal.copyHashTable();
    out.println("(setq copy (copy-hash-table equal-table))");
    out.println("(remhash \"apple\" copy) -> " + copy.remhash("apple")
        + ", again -> " + copy.remhash("apple"));
    out.println("(hash-table-count copy) -> " + copy.count()
        + ", (hash-table-count equal-table) -> " + equal.count());
    StringBuilder entries = new StringBuilder();
    copy.maphash((key, value) -> entries.append(entries.length() == 0 ? "" : " ").append(lisp(key)));
    out.println("(maphash (lambda (k v) (princ k)) copy) -> " + entries);
    copy.clrhash();
    out.println("(clrhash copy) -> count " + copy.count() + ", the equal table still has "
        + equal.count() + ", (gethash \"apple\" equal-table) -> " + equal.gethash("apple"));

    try {
      lisp.makeHashTable("string-lessp");
    } catch (IllegalArgumentException e) {
      out.println("(make-hash-table :test 'string-lessp) -> error: " + e.getMessage());
    }

    weakness(lisp, out);
  }

  /**
   * {@code :weakness}: a property table of symbols whose entry leaves once its symbol is
   * uninterned, and weak keys under {@code eq} and {@code equal}. What must be collectable is
   * never kept in a local variable here (an interpreted frame would keep it alive): symbols are
   * reached through the obarray, strings through an array whose element is cleared.
   */
  private static void weakness(Lisp lisp, PrintStream out) {
    WeakLispHashTable props = lisp.makeHashTable("eq", "key");
    props.puthash(lisp.intern("alpha"), 1L);
    props.puthash(lisp.intern("beta"), 2L);
    out.println("(setq props (make-hash-table :test 'eq :weakness 'key))"
        + " (puthash 'alpha 1 props) (puthash 'beta 2 props)");
    int before = props.count();
    out.println("(unintern \"beta\") -> " + lisp.unintern("beta") + "; (garbage-collect)");
    props.garbageCollect(1);
    out.println("(hash-table-count props) " + before + " -> " + props.count()
        + ", (gethash 'alpha props) -> " + props.gethash(lisp.intern("alpha"))
        + ", (gethash (intern \"beta\") props) -> " + props.gethash(lisp.intern("beta")));

    // Two equal but distinct strings: two keys under eq, one under equal.
    for (String test : new String[] {"eq", "equal"}) {
      WeakLispHashTable table = lisp.makeHashTable(test, "key");
      Object[] strings = {new String("sym"), new String("sym")};
      table.puthash(strings[0], "one");
      table.puthash(strings[1], "two");
      int count = table.count();
      strings[0] = null; // the string put first is the key an equal table keeps
      table.garbageCollect(test.equals("eq") ? 1 : 0);
      out.println(":test '" + test + " :weakness 'key, (puthash s1 'one) (puthash s2 'two) with s1 equal"
          + " to s2, then drop s1 and (garbage-collect): count " + count + " -> " + table.count()
          + ", (gethash s2) -> " + table.gethash(strings[1]));
    }

    try {
      lisp.makeHashTable("eq", "sometimes");
    } catch (IllegalArgumentException e) {
      out.println("(make-hash-table :weakness 'sometimes) -> error: " + e.getMessage());
    }
  }

  private static String row(String label, Object... cells) {
    StringBuilder text = new StringBuilder(String.format("%-30s", label));
    for (Object cell : cells) {
      text.append(String.format("%-10s", cell));
    }
    return text.toString().stripTrailing();
  }

  /** A Lisp object as Lisp prints it: strings quoted, lists in parentheses. */
  private static String lisp(Object object) {
    if (object instanceof String) {
      return "\"" + object + "\"";
    }
    if (object instanceof List<?>) {
      StringBuilder text = new StringBuilder("(");
      for (Object element : (List<?>) object) {
        text.append(text.length() == 1 ? "" : " ").append(lisp(element));
      }
      return text.append(')').toString();
    }
    return String.valueOf(object);
  }

  private static String upcase(Object string) {
    return ((String) string).toUpperCase(Locale.ROOT);
  }
}
