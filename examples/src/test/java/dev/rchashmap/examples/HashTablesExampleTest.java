package dev.rchashmap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.examples.hashtables.HashTablesExample;
import dev.rchashmap.examples.hashtables.HashTablesExample.Lisp;
import dev.rchashmap.examples.hashtables.HashTablesExample.LispHashTable;
import dev.rchashmap.examples.hashtables.HashTablesExample.WeakLispHashTable;
import dev.rchashmap.runtime.Equivalence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashTablesExampleTest {

  /** The cells of the table row starting with {@code label}, split on runs of two or more spaces. */
  private static List<String> row(String out, String label) {
    return out.lines()
        .filter(line -> line.startsWith(label))
        .findFirst()
        .map(line -> Arrays.asList(line.substring(label.length()).trim().split("\\s{2,}")))
        .orElseThrow(() -> new AssertionError("no row " + label + " in\n" + out));
  }

  @Test
  void sameLookupsGiveDifferentAnswersPerTest() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HashTablesExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertEquals(List.of("eq", "eql", "equal", "case-fold"), row(out, "(gethash KEY table)"));
    assertEquals(List.of("nil", "nil", "fruit", "fruit"), row(out, "\"apple\" (another string)"));
    assertEquals(List.of("nil", "nil", "nil", "fruit"), row(out, "\"APPLE\""));
    assertEquals(List.of("nil", "float", "float", "float"), row(out, "1.5 (another float)"));
    assertEquals(List.of("nil", "nil", "nil", "nil"), row(out, "1.0 (1 is stored)"));
    assertEquals(List.of("nil", "nil", "list", "list"), row(out, "(1 \"two\") (another list)"));
    assertEquals(List.of("fruit", "fruit", "fruit", "fruit"), row(out, "the stored \"apple\" itself"));
    assertEquals(List.of("9", "8", "6", "5"), row(out, "count after puthash of each"));
    assertTrue(out.contains("error: Invalid hash table test: string-lessp"), out);
  }

  @Test
  void copyRemhashMaphashAndClrhashWorkOnACopyAlone() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HashTablesExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("(remhash \"apple\" copy) -> t, again -> nil"), out);
    assertTrue(out.contains("(hash-table-count copy) -> 5, (hash-table-count equal-table) -> 6"), out);
    assertTrue(out.contains("(maphash (lambda (k v) (princ k)) copy) -> 1.5 1 (1 \"two\") \"APPLE\" 1.0"), out);
    assertTrue(out.contains("(clrhash copy) -> count 0, the equal table still has 6"), out);
  }

  @Test
  void tableFunctionsMapToOneCallEach() {
    LispHashTable table = new Lisp().makeHashTable("equal");
    table.puthash("a", 1L);
    table.puthash("b", 2L);
    LispHashTable copy = table.copyHashTable();
    assertEquals("t", copy.remhash(new String("a")));
    assertEquals("nil", copy.remhash("a"));
    assertEquals(1L, table.gethash("a"), "the copy is independent");
    List<Object> keys = new java.util.ArrayList<>();
    table.maphash((key, value) -> keys.add(key + "=" + value));
    assertEquals(List.of("a=1", "b=2"), keys);
    table.clrhash();
    assertEquals(0, table.count());
    assertEquals(1, copy.count());
  }

  @Test
  void eqlComparesNumbersByTypeAndBits() {
    Equivalence<Object> eql = HashTablesExample.EQL;
    assertTrue(eql.equivalent(Long.valueOf(1L << 40), Long.valueOf(1L << 40)));
    assertFalse(eql.equivalent(1L, 1.0));
    assertFalse(eql.equivalent(0.0, -0.0));
    assertTrue(eql.equivalent(Double.NaN, Double.NaN));
    assertFalse(eql.equivalent(new String("a"), new String("a")));
    assertEquals(eql.hash(Double.valueOf(2.5)), eql.hash(Double.valueOf(2.5)));
  }

  @Test
  void equalIsStructuralOnNestedLists() {
    Equivalence<Object> equal = HashTablesExample.EQUAL;
    Object a = List.of(1L, List.of("x", 2.0), List.of());
    Object b = List.of(1L, List.of(new String("x"), 2.0), List.of());
    assertTrue(equal.equivalent(a, b));
    assertEquals(equal.hash(a), equal.hash(b));
    assertFalse(equal.equivalent(a, List.of(1L, List.of("x", 2L), List.of())));
    assertFalse(equal.equivalent(List.of(1L), List.of(1L, 2L)));
  }

  @Test
  void puthashReplacesTheValueOfAnEquivalentKey() {
    LispHashTable table = new Lisp().makeHashTable("equal");
    table.puthash("k", "v1");
    table.puthash(new String("k"), "v2");
    assertEquals(1, table.count());
    assertEquals("v2", table.gethash("k"));
    assertEquals("nil", table.gethash("K"));
  }

  @Test
  void userDefinedTestsCanBeDefinedAndRedefined() {
    Lisp lisp = new Lisp();
    assertThrows(IllegalArgumentException.class, () -> lisp.makeHashTable("mod10"));
    // Integers equal modulo 10; the hash agrees with it.
    lisp.defineHashTableTest("mod10", (a, b) -> (Long) a % 10 == (Long) b % 10, k -> (int) ((Long) k % 10));
    LispHashTable mod10 = lisp.makeHashTable("mod10");
    mod10.puthash(3L, "three");
    assertEquals("three", mod10.gethash(13L));
    assertEquals("nil", mod10.gethash(4L));
    // A table keeps the test it was made with; new tables see the redefinition.
    lisp.defineHashTableTest("mod10", Object::equals, Object::hashCode);
    assertEquals("nil", lisp.makeHashTable("mod10").gethash(13L));
    assertEquals("three", mod10.gethash(23L));
  }

  @Test
  void weakTablesLoseEntriesWhoseKeysNothingElseRefersTo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HashTablesExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("(setq props (make-hash-table :test 'eq :weakness 'key))"
        + " (puthash 'alpha 1 props) (puthash 'beta 2 props)"), out);
    assertTrue(out.contains("(unintern \"beta\") -> t; (garbage-collect)"), out);
    assertTrue(out.contains("(hash-table-count props) 2 -> 1, (gethash 'alpha props) -> 1,"
        + " (gethash (intern \"beta\") props) -> nil"), out);
    assertTrue(out.contains(":test 'eq :weakness 'key, (puthash s1 'one) (puthash s2 'two) with s1"
        + " equal to s2, then drop s1 and (garbage-collect): count 2 -> 1, (gethash s2) -> two"), out);
    assertTrue(out.contains(":test 'equal :weakness 'key, (puthash s1 'one) (puthash s2 'two) with s1"
        + " equal to s2, then drop s1 and (garbage-collect): count 1 -> 0, (gethash s2) -> nil"), out);
    assertTrue(out.contains(
        "(make-hash-table :weakness 'sometimes) -> error: Invalid hash table weakness: sometimes"), out);
  }

  @Test
  void aWeakPropertyTableKeepsTheEntriesOfInternedSymbols() {
    Lisp lisp = new Lisp();
    WeakLispHashTable props = lisp.makeHashTable("eq", "key");
    props.puthash(lisp.intern("alpha"), 1L);
    props.puthash(lisp.intern("beta"), 2L);
    assertEquals(2L, props.gethash(lisp.intern("beta")), "intern returns the same symbol");
    for (int round = 0; round < 5; round++) {
      System.gc();
      props.garbageCollect(2);
    }
    assertEquals(2, props.count(), "interned symbols are referred to by the obarray");
    assertEquals("t", lisp.unintern("beta"));
    assertEquals("nil", lisp.unintern("beta"));
    props.garbageCollect(1);
    assertEquals(1, props.count());
    assertEquals(1L, props.gethash(lisp.intern("alpha")));
  }

  @Test
  void garbageCollectFailsLoudlyWhenEntriesDoNotLeave() {
    Lisp lisp = new Lisp();
    WeakLispHashTable props = lisp.makeHashTable("eq", "key");
    props.puthash(lisp.intern("alpha"), 1L);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> props.garbageCollect(0, Duration.ofMillis(100)));
    assertTrue(e.getMessage().contains("left 1 entries, expected 0"), e.getMessage());
  }

  @Test
  void weaknessNamesAreEmacsOnes() {
    Lisp lisp = new Lisp();
    for (String weakness : List.of("key", "value", "key-or-value", "key-and-value", "t")) {
      WeakLispHashTable table = lisp.makeHashTable("equal", weakness);
      table.puthash("k", "v");
      assertEquals("v", table.gethash(new String("k")));
      assertEquals("t", table.remhash("k"));
      assertEquals(0, table.count());
    }
    assertThrows(IllegalArgumentException.class, () -> lisp.makeHashTable("equal", "nil"));
    assertThrows(IllegalArgumentException.class, () -> lisp.makeHashTable("string-lessp", "key"));
  }

  @Test
  void aValueWeakTableLosesEntriesWhoseValuesNothingElseRefersTo() {
    Lisp lisp = new Lisp();
    WeakLispHashTable cache = lisp.makeHashTable("equal", "value");
    Object[] values = {new StringBuilder("kept"), new StringBuilder("dropped")};
    cache.puthash("a", values[0]);
    cache.puthash("b", values[1]);
    values[1] = null;
    cache.garbageCollect(1);
    assertEquals(values[0], cache.gethash("a"));
    assertEquals("nil", cache.gethash("b"), "the key is held, its value was not");
  }
}
