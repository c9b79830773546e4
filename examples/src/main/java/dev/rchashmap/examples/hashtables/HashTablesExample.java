package dev.rchashmap.examples.hashtables;

import dev.rchashmap.runtime.Equivalence;
import java.io.PrintStream;
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
 * integers {@code Long}s, floats {@code Double}s, lists {@code List}s.
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

  /** The Lisp side: the registry of hash table tests by name, and {@code make-hash-table}. */
  public static final class Lisp {
    private final ObjObjHandleHashMap<String, Equivalence<Object>> tests = new ObjObjHandleHashMap<>();

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
