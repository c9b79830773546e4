package dev.rchashmap.tests.borrowed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Handles;
import dev.rchashmap.runtime.StaleHandleException;
import dev.rchashmap.tests.model.Coverage;
import dev.rchashmap.tests.model.Picks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a list of {@link BorrowedOp}s against a {@link Table} and a model: a {@link HashMap} from
 * name to handle, value and count (the count stays 1 outside the counted layer). Operations by
 * key and by probe are mixed, so that an entry made by one is found, counted, released by the
 * other. After every step it checks, as the model tests of {@code dev.rchashmap.tests.model} do:
 *
 * <ul>
 *   <li>size;
 *   <li>a rotating window of live entries (by every kind of probe: {@code containsKey}, {@code
 *       getOrDefault}, and {@code find} where it counts nothing; by handle: {@code key}, {@code
 *       value}, {@code refCount}), of names of the domain ({@code containsKey} by probe) and of
 *       stale handles ({@code contains} false), or all of them while there are fewer than
 *       {@value #SMALL}; an accessor of a stale handle, which must throw {@link
 *       StaleHandleException}, every step while the map is small and every {@value
 *       #THROWING_EVERY}th after;
 *   <li>right away, each handle that just became stale, and the stale handle whose slot a new
 *       entry has just reused;
 *   <li>everything every {@value #FULL_CHECK_EVERY} steps and at the end.
 * </ul>
 *
 * <p>The run holds each key the map made (not an equal copy) in its model, so the weak layer,
 * whose keys are weak, keeps every entry.
 */
final class BorrowedRun {

  static final int FULL_CHECK_EVERY = 1000;
  static final int SMALL = 48;
  static final int THROWING_EVERY = 8;
  private static final int LIVE_WINDOW = 4;
  private static final int NAME_WINDOW = 2;
  private static final int STALE_WINDOW = 8;
  private static final int STALE_KEPT = 4096;
  private static final int THROWING_SAMPLE = 32;

  /** The model's view of one entry; {@code key} is the map's own key object. */
  static final class Entry {
    final long handle;
    final String key;
    long value;
    int count = 1;

    Entry(long handle, String key, long value) {
      this.handle = handle;
      this.key = key;
      this.value = value;
    }
  }

  private final Table table;
  private final int names;
  private final Map<String, Entry> model = new HashMap<>();
  private final Picks<String> live = new Picks<>();
  private final long[] stale = new long[STALE_KEPT];
  private int staleCount;
  private final Map<Integer, Long> staleBySlot = new HashMap<>();
  private final Coverage coverage = new Coverage();
  private final List<String> factoryCalls = new ArrayList<>();
  private int step;
  private int liveCursor;
  private int nameCursor;
  private int staleCursor;

  private BorrowedRun(Table table, int names) {
    this.table = table;
    this.names = names;
  }

  /** Runs {@code ops} on the new, empty {@code table}; names are {@code name(0..names-1)}. */
  static Coverage check(Table table, int names, List<BorrowedOp> ops) {
    BorrowedRun run = new BorrowedRun(table, names);
    run.checkAll();
    for (BorrowedOp op : ops) {
      op.applyTo(run);
      run.afterStep();
    }
    run.checkAll();
    return run.coverage;
  }

  // ---------------------------------------------------------------------------------------------
  // The names

  /** Names with equal {@code String.hashCode}s: two-character blocks "Aa" and "BB" combined. */
  private static final String[] SPECIAL = specialNames();

  private static String[] specialNames() {
    List<String> names = new ArrayList<>(List.of("", "Aa", "BB"));
    for (int blocks = 2; blocks <= 4; blocks++) {
      for (int bits = 0; bits < 1 << blocks; bits++) {
        StringBuilder name = new StringBuilder();
        for (int b = 0; b < blocks; b++) {
          name.append((bits >> b & 1) == 0 ? "Aa" : "BB");
        }
        names.add(name.toString());
      }
    }
    return names.toArray(new String[0]); // 3 + 4 + 8 + 16 = 31
  }

  /** The name of seed {@code n}: a colliding special name, else {@code "name" + n}. */
  static String name(int n) {
    return n < SPECIAL.length ? SPECIAL[n] : "name" + n;
  }

  // ---------------------------------------------------------------------------------------------
  // What operations use

  Table table() {
    return table;
  }

  Entry entry(String name) {
    return model.get(name);
  }

  String pickLive(int pick) {
    return live.pick(pick);
  }

  long pickStale(int pick) {
    return staleCount == 0 ? Handles.NONE : stale[pick % Math.min(staleCount, STALE_KEPT)];
  }

  /** The factory calls of the current operation, which it checks and the step then clears. */
  List<String> factoryCalls() {
    return factoryCalls;
  }

  /** The map added {@code name} with {@code value} and count 1 under {@code handle}. */
  void added(String name, long value, long handle) {
    assertNotEquals(Handles.NONE, handle, () -> "handle of new " + name);
    coverage.issued(handle);
    String key = table.key(handle);
    assertEquals(name, key, "key of the new entry");
    model.put(name, new Entry(handle, key, value));
    live.add(name);
    Long previous = staleBySlot.remove(Handles.index(handle));
    if (previous != null) {
      assertFalse(table.contains(previous), () -> "reused slot's old " + Handles.toString(previous));
    }
  }

  /** The entry of {@code name} has left the map; its handle is stale from now on. */
  void removed(String name) {
    Entry entry = model.remove(name);
    live.remove(name);
    stale[staleCount++ % STALE_KEPT] = entry.handle;
    staleBySlot.put(Handles.index(entry.handle), entry.handle);
    assertFalse(table.contains(entry.handle), () -> "contains just-removed " + name);
    assertEquals(Handles.NONE, table.find(Probe.CHAR_BUFFER.of(name)) , () -> "find removed " + name);
  }

  // ---------------------------------------------------------------------------------------------
  // The checks

  private void afterStep() {
    step++;
    factoryCalls.clear();
    coverage.step(model.size());
    assertEquals(model.size(), table.size(), "size");
    int kept = Math.min(staleCount, STALE_KEPT);
    if (step % FULL_CHECK_EVERY == 0) {
      checkAll();
      return;
    }
    boolean small = model.size() + kept < SMALL;
    if (small) {
      for (String name : live.all()) {
        checkLive(name);
      }
      for (int n = 0; n < Math.min(names, SMALL); n++) {
        checkName(name(n), Probe.values()[n % 3]);
      }
      for (int i = 0; i < kept; i++) {
        long handle = stale[i];
        assertFalse(table.contains(handle), () -> "contains stale " + Handles.toString(handle));
      }
    } else {
      List<String> all = live.all();
      for (int i = 0; i < LIVE_WINDOW && !all.isEmpty(); i++) {
        checkLive(all.get(liveCursor++ % all.size()));
      }
      for (int i = 0; i < NAME_WINDOW; i++) {
        int n = nameCursor++ % names;
        checkName(name(n), Probe.values()[nameCursor % 3]);
      }
      for (int i = 0; i < STALE_WINDOW && kept > 0; i++) {
        long handle = stale[staleCursor++ % kept];
        assertFalse(table.contains(handle), () -> "contains stale " + Handles.toString(handle));
      }
    }
    if (kept > 0 && (small || step % THROWING_EVERY == 0)) {
      checkStaleThrows(stale[staleCursor++ % kept], staleCursor % 3);
    }
  }

  private void checkAll() {
    assertEquals(model.size(), table.size(), "size");
    for (String name : live.all()) {
      checkLive(name);
    }
    for (int n = 0; n < names; n++) {
      checkName(name(n), Probe.values()[n % 3]);
    }
    assertFalse(table.contains(Handles.NONE), "contains NONE");
    int kept = Math.min(staleCount, STALE_KEPT);
    for (int i = 0; i < kept; i++) {
      long handle = stale[i];
      assertFalse(table.contains(handle), () -> "contains stale " + Handles.toString(handle));
    }
    int stride = Math.max(1, kept / THROWING_SAMPLE);
    for (int i = step % stride; i < kept; i += stride) {
      checkStaleThrows(stale[i], i % 3);
    }
  }

  /** A live entry, by every kind of probe and by handle; changes no count. */
  private void checkLive(String name) {
    Entry entry = model.get(name);
    long h = entry.handle;
    for (Probe kind : Probe.values()) {
      assertTrue(table.containsKey(kind.of(name)), () -> kind + " containsKey " + name);
      assertEquals(
          entry.value, table.getOrDefault(kind.of(name), ~entry.value), () -> kind + " get " + name);
      if (!table.counts()) {
        assertEquals(h, table.find(kind.of(name)), () -> kind + " find " + name);
      }
    }
    assertTrue(table.contains(h), () -> "contains " + name + " at " + Handles.toString(h));
    assertSame(entry.key, table.key(h), () -> "key of " + name);
    assertEquals(entry.value, table.value(h), () -> "value of " + name);
    assertEquals(entry.count, table.refCount(h), () -> "count of " + name);
  }

  /** Presence of a name of the domain, by probe and by key; changes no count. */
  private void checkName(String name, Probe kind) {
    boolean present = model.containsKey(name);
    assertEquals(present, table.containsKey(kind.of(name)), () -> kind + " containsKey " + name);
    assertEquals(present, table.containsKey(name), () -> "containsKey " + name);
  }

  /** One accessor of a stale handle, which must throw. */
  private void checkStaleThrows(long handle, int which) {
    switch (which) {
      case 0:
        assertThrows(StaleHandleException.class, () -> table.key(handle));
        break;
      case 1:
        assertThrows(StaleHandleException.class, () -> table.value(handle));
        break;
      default:
        assertThrows(StaleHandleException.class, () -> table.setValue(handle, 0L));
        break;
    }
  }
}
