package dev.rchashmap.tests.borrowed;

import dev.rchashmap.runtime.Weakness;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operations a borrowed-lookup model run performs, over the handle, weak and counted layers
 * of the {@code Name} and {@code CollidingName} specializations, so that one {@link BorrowedRun}
 * checks them all. {@link #counts()} tells the counted layer apart: its {@code find} adds a count
 * and {@link #drop} releases one, where the other layers' {@code find} counts nothing and {@code
 * drop} removes the entry.
 */
interface Table {

  /** Whether {@code find}/{@code findOrInsert} add a count and {@link #drop} releases one. */
  boolean counts();

  long insert(String key, long value);

  /** {@code findOrInsert(key, factory)}; the factory records its key in {@code calls}. */
  long findOrInsert(String key, long value, List<String> calls);

  /** {@code findOrInsert(probe, factory)}; the factory records its key in {@code calls}. */
  long findOrInsert(CharSequence probe, long value, List<String> calls);

  long find(String key);

  long find(CharSequence probe);

  boolean containsKey(String key);

  boolean containsKey(CharSequence probe);

  long getOrDefault(CharSequence probe, long defaultValue);

  /** {@code removeKey}: the handle and weak layers only. */
  boolean removeKey(String key);

  /** {@code remove(handle)}, or {@code release(handle)} for the counted layer. */
  boolean drop(long handle);

  boolean contains(long handle);

  String key(long handle);

  long value(long handle);

  void setValue(long handle, long value);

  /** The count of a counted entry; 1 for the other layers. */
  int refCount(long handle);

  int size();

  /** A new empty table of each kind, by name. */
  static List<Supplier<Table>> all() {
    return List.of(
        Table::nameHandle,
        Table::collidingHandle,
        Table::nameWeak,
        Table::collidingWeak,
        Table::nameCounted,
        Table::collidingCounted);
  }

  static Table nameHandle() {
    NameHandleHashMap map = new NameHandleHashMap();
    return new Table() {
      @Override
      public boolean counts() {
        return false;
      }

      @Override
      public long insert(String key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long findOrInsert(String key, long value, List<String> calls) {
        return map.findOrInsert(key, k -> record(calls, k, value));
      }

      @Override
      public long findOrInsert(CharSequence probe, long value, List<String> calls) {
        return map.findOrInsert(probe, k -> record(calls, k, value));
      }

      @Override
      public long find(String key) {
        return map.find(key);
      }

      @Override
      public long find(CharSequence probe) {
        return map.find(probe);
      }

      @Override
      public boolean containsKey(String key) {
        return map.containsKey(key);
      }

      @Override
      public boolean containsKey(CharSequence probe) {
        return map.containsKey(probe);
      }

      @Override
      public long getOrDefault(CharSequence probe, long defaultValue) {
        return map.getOrDefault(probe, defaultValue);
      }

      @Override
      public boolean removeKey(String key) {
        return map.removeKey(key);
      }

      @Override
      public boolean drop(long handle) {
        return map.remove(handle);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public String key(long handle) {
        return map.key(handle);
      }

      @Override
      public long value(long handle) {
        return map.value(handle);
      }

      @Override
      public void setValue(long handle, long value) {
        map.setValue(handle, value);
      }

      @Override
      public int refCount(long handle) {
        map.key(handle); // throws for a stale handle, as the counted layer's refCount does
        return 1;
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public String toString() {
        return "NameHandleHashMap";
      }
    };
  }

  static Table collidingHandle() {
    CollidingNameHandleHashMap map = new CollidingNameHandleHashMap();
    return new Table() {
      @Override
      public boolean counts() {
        return false;
      }

      @Override
      public long insert(String key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long findOrInsert(String key, long value, List<String> calls) {
        return map.findOrInsert(key, k -> record(calls, k, value));
      }

      @Override
      public long findOrInsert(CharSequence probe, long value, List<String> calls) {
        return map.findOrInsert(probe, k -> record(calls, k, value));
      }

      @Override
      public long find(String key) {
        return map.find(key);
      }

      @Override
      public long find(CharSequence probe) {
        return map.find(probe);
      }

      @Override
      public boolean containsKey(String key) {
        return map.containsKey(key);
      }

      @Override
      public boolean containsKey(CharSequence probe) {
        return map.containsKey(probe);
      }

      @Override
      public long getOrDefault(CharSequence probe, long defaultValue) {
        return map.getOrDefault(probe, defaultValue);
      }

      @Override
      public boolean removeKey(String key) {
        return map.removeKey(key);
      }

      @Override
      public boolean drop(long handle) {
        return map.remove(handle);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public String key(long handle) {
        return map.key(handle);
      }

      @Override
      public long value(long handle) {
        return map.value(handle);
      }

      @Override
      public void setValue(long handle, long value) {
        map.setValue(handle, value);
      }

      @Override
      public int refCount(long handle) {
        map.key(handle);
        return 1;
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public String toString() {
        return "CollidingNameHandleHashMap";
      }
    };
  }

  /** Weak keys, held strongly by the model run, so no entry is collected. */
  static Table nameWeak() {
    NameWeakHandleHashMap map = NameWeakHandleHashMap.builder().weakness(Weakness.KEY).build();
    return new Table() {
      @Override
      public boolean counts() {
        return false;
      }

      @Override
      public long insert(String key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long findOrInsert(String key, long value, List<String> calls) {
        return map.findOrInsert(key, k -> record(calls, k, value));
      }

      @Override
      public long findOrInsert(CharSequence probe, long value, List<String> calls) {
        return map.findOrInsert(probe, k -> record(calls, k, value));
      }

      @Override
      public long find(String key) {
        return map.find(key);
      }

      @Override
      public long find(CharSequence probe) {
        return map.find(probe);
      }

      @Override
      public boolean containsKey(String key) {
        return map.containsKey(key);
      }

      @Override
      public boolean containsKey(CharSequence probe) {
        return map.containsKey(probe);
      }

      @Override
      public long getOrDefault(CharSequence probe, long defaultValue) {
        return map.getOrDefault(probe, defaultValue);
      }

      @Override
      public boolean removeKey(String key) {
        return map.removeKey(key);
      }

      @Override
      public boolean drop(long handle) {
        return map.remove(handle);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public String key(long handle) {
        return map.key(handle);
      }

      @Override
      public long value(long handle) {
        return map.value(handle);
      }

      @Override
      public void setValue(long handle, long value) {
        map.setValue(handle, value);
      }

      @Override
      public int refCount(long handle) {
        map.key(handle);
        return 1;
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public String toString() {
        return "NameWeakHandleHashMap";
      }
    };
  }

  /** Weak keys, every hash the same constant; keys held strongly by the model run. */
  static Table collidingWeak() {
    CollidingNameWeakHandleHashMap map =
        CollidingNameWeakHandleHashMap.builder().weakness(Weakness.KEY).build();
    return new Table() {
      @Override
      public boolean counts() {
        return false;
      }

      @Override
      public long insert(String key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long findOrInsert(String key, long value, List<String> calls) {
        return map.findOrInsert(key, k -> record(calls, k, value));
      }

      @Override
      public long findOrInsert(CharSequence probe, long value, List<String> calls) {
        return map.findOrInsert(probe, k -> record(calls, k, value));
      }

      @Override
      public long find(String key) {
        return map.find(key);
      }

      @Override
      public long find(CharSequence probe) {
        return map.find(probe);
      }

      @Override
      public boolean containsKey(String key) {
        return map.containsKey(key);
      }

      @Override
      public boolean containsKey(CharSequence probe) {
        return map.containsKey(probe);
      }

      @Override
      public long getOrDefault(CharSequence probe, long defaultValue) {
        return map.getOrDefault(probe, defaultValue);
      }

      @Override
      public boolean removeKey(String key) {
        return map.removeKey(key);
      }

      @Override
      public boolean drop(long handle) {
        return map.remove(handle);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public String key(long handle) {
        return map.key(handle);
      }

      @Override
      public long value(long handle) {
        return map.value(handle);
      }

      @Override
      public void setValue(long handle, long value) {
        map.setValue(handle, value);
      }

      @Override
      public int refCount(long handle) {
        map.key(handle);
        return 1;
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public String toString() {
        return "CollidingNameWeakHandleHashMap";
      }
    };
  }

  static Table nameCounted() {
    NameCountedHashMap map = new NameCountedHashMap();
    return new Table() {
      @Override
      public boolean counts() {
        return true;
      }

      @Override
      public long insert(String key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long findOrInsert(String key, long value, List<String> calls) {
        return map.findOrInsert(key, k -> record(calls, k, value));
      }

      @Override
      public long findOrInsert(CharSequence probe, long value, List<String> calls) {
        return map.findOrInsert(probe, k -> record(calls, k, value));
      }

      @Override
      public long find(String key) {
        return map.find(key);
      }

      @Override
      public long find(CharSequence probe) {
        return map.find(probe);
      }

      @Override
      public boolean containsKey(String key) {
        return map.containsKey(key);
      }

      @Override
      public boolean containsKey(CharSequence probe) {
        return map.containsKey(probe);
      }

      @Override
      public long getOrDefault(CharSequence probe, long defaultValue) {
        return map.getOrDefault(probe, defaultValue);
      }

      @Override
      public boolean removeKey(String key) {
        throw new UnsupportedOperationException("the counted layer has no removeKey");
      }

      @Override
      public boolean drop(long handle) {
        return map.release(handle);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public String key(long handle) {
        return map.key(handle);
      }

      @Override
      public long value(long handle) {
        return map.value(handle);
      }

      @Override
      public void setValue(long handle, long value) {
        map.setValue(handle, value);
      }

      @Override
      public int refCount(long handle) {
        return map.refCount(handle);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public String toString() {
        return "NameCountedHashMap";
      }
    };
  }

  static Table collidingCounted() {
    CollidingNameCountedHashMap map = new CollidingNameCountedHashMap();
    return new Table() {
      @Override
      public boolean counts() {
        return true;
      }

      @Override
      public long insert(String key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long findOrInsert(String key, long value, List<String> calls) {
        return map.findOrInsert(key, k -> record(calls, k, value));
      }

      @Override
      public long findOrInsert(CharSequence probe, long value, List<String> calls) {
        return map.findOrInsert(probe, k -> record(calls, k, value));
      }

      @Override
      public long find(String key) {
        return map.find(key);
      }

      @Override
      public long find(CharSequence probe) {
        return map.find(probe);
      }

      @Override
      public boolean containsKey(String key) {
        return map.containsKey(key);
      }

      @Override
      public boolean containsKey(CharSequence probe) {
        return map.containsKey(probe);
      }

      @Override
      public long getOrDefault(CharSequence probe, long defaultValue) {
        return map.getOrDefault(probe, defaultValue);
      }

      @Override
      public boolean removeKey(String key) {
        throw new UnsupportedOperationException("the counted layer has no removeKey");
      }

      @Override
      public boolean drop(long handle) {
        return map.release(handle);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public String key(long handle) {
        return map.key(handle);
      }

      @Override
      public long value(long handle) {
        return map.value(handle);
      }

      @Override
      public void setValue(long handle, long value) {
        map.setValue(handle, value);
      }

      @Override
      public int refCount(long handle) {
        return map.refCount(handle);
      }

      @Override
      public int size() {
        return map.size();
      }

      @Override
      public String toString() {
        return "CollidingNameCountedHashMap";
      }
    };
  }

  /** A factory's body: records the key it was given, returns {@code value}. */
  private static long record(List<String> calls, String key, long value) {
    calls.add(key);
    return value;
  }
}
