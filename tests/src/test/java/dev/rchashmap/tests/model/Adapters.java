package dev.rchashmap.tests.model;

import dev.rchashmap.tests.layers.ObjObjHandleHashMap;
import dev.rchashmap.tests.maps.CollidingIntLongHandleHashMap;
import dev.rchashmap.tests.maps.DoubleDoubleHandleHashMap;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.LongObjHandleHashMap;
import dev.rchashmap.tests.maps.ObjIntHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One {@link HandleMap} adapter per specialization under model test. Each method forwards to the
 * generated map unchanged (boxing aside), so a failure seen through an adapter is the map's.
 */
final class Adapters {

  private Adapters() {}

  /** Wraps a new map: the no-argument constructor when {@code expectedSize < 0}. */
  static HandleMap<Integer, Long> intLong(int expectedSize) {
    return new IntLongAdapter(
        expectedSize < 0 ? new IntLongHandleHashMap() : new IntLongHandleHashMap(expectedSize));
  }

  static HandleMap<Integer, Long> collidingIntLong(int expectedSize) {
    return new CollidingIntLongAdapter(
        expectedSize < 0
            ? new CollidingIntLongHandleHashMap()
            : new CollidingIntLongHandleHashMap(expectedSize));
  }

  static HandleMap<Long, String> longObj(int expectedSize) {
    return new LongObjAdapter(
        expectedSize < 0 ? new LongObjHandleHashMap<>() : new LongObjHandleHashMap<>(expectedSize));
  }

  static HandleMap<String, Integer> objInt(int expectedSize) {
    return new ObjIntAdapter(
        expectedSize < 0 ? new ObjIntHandleHashMap<>() : new ObjIntHandleHashMap<>(expectedSize));
  }

  /** {@code String} to {@code int}: a final reference key class, a primitive value. */
  static HandleMap<String, Integer> stringInt(int expectedSize) {
    return new StringIntAdapter(
        expectedSize < 0 ? new StringIntHandleHashMap() : new StringIntHandleHashMap(expectedSize));
  }

  /** {@code Object} to {@code Object}, here {@code Long} keys and {@code String} values. */
  static HandleMap<Long, String> objObj(int expectedSize) {
    return new ObjObjAdapter(
        expectedSize < 0 ? new ObjObjHandleHashMap<>() : new ObjObjHandleHashMap<>(expectedSize));
  }

  static HandleMap<Double, Double> doubleDouble(int expectedSize) {
    return new DoubleDoubleAdapter(
        expectedSize < 0
            ? new DoubleDoubleHandleHashMap()
            : new DoubleDoubleHandleHashMap(expectedSize));
  }

  private static final class IntLongAdapter implements HandleMap<Integer, Long> {
    private final IntLongHandleHashMap map;

    IntLongAdapter(IntLongHandleHashMap map) {
      this.map = map;
    }

    @Override
    public long insert(Integer key, Long value) {
      return map.insert(key, value);
    }

    @Override
    public long tryInsert(Integer key, Long value) {
      return map.tryInsert(key, value);
    }

    @Override
    public long insertWith(Integer key, Function<Integer, Long> factory) {
      return map.insertWith(key, k -> factory.apply(k));
    }

    @Override
    public long find(Integer key) {
      return map.find(key);
    }

    @Override
    public boolean containsKey(Integer key) {
      return map.containsKey(key);
    }

    @Override
    public Long getOrDefault(Integer key, Long defaultValue) {
      return map.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean contains(long handle) {
      return map.contains(handle);
    }

    @Override
    public Integer key(long handle) {
      return map.key(handle);
    }

    @Override
    public Long value(long handle) {
      return map.value(handle);
    }

    @Override
    public void setValue(long handle, Long value) {
      map.setValue(handle, value);
    }

    @Override
    public boolean remove(long handle) {
      return map.remove(handle);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public void clear() {
      map.clear();
    }

    @Override
    public void walkCursor(Consumer<CursorView<Integer, Long>> visitor) {
      var cursor = map.cursor();
      CursorView<Integer, Long> view =
          new CursorView<>() {
            @Override
            public long handle() {
              return cursor.handle();
            }

            @Override
            public Integer key() {
              return cursor.key();
            }

            @Override
            public Long value() {
              return cursor.value();
            }

            @Override
            public void setValue(Long value) {
              cursor.setValue(value);
            }

            @Override
            public void remove() {
              cursor.remove();
            }
          };
      while (cursor.next()) {
        visitor.accept(view);
      }
    }

    @Override
    public void forEach(EntryVisitor<Integer, Long> visitor) {
      map.forEach(visitor::accept);
    }

    @Override
    public long put(Integer key, Long value) {
      return map.put(key, value);
    }

    @Override
    public boolean removeKey(Integer key) {
      return map.removeKey(key);
    }

    @Override
    public long findOrInsert(Integer key, Function<Integer, Long> factory) {
      return map.findOrInsert(key, k -> factory.apply(k));
    }

    @Override
    public Long addAndGet(Integer key, Long delta) {
      return map.addAndGet(key, delta);
    }

    @Override
    public void putAll(HandleMap<Integer, Long> other) {
      map.putAll(((IntLongAdapter) other).map);
    }

    @Override
    public HandleMap<Integer, Long> copy() {
      return new IntLongAdapter(map.copy());
    }

    @Override
    public HandleMap<Integer, Long> newMap() {
      return new IntLongAdapter(new IntLongHandleHashMap());
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      map.ensureCapacity(expectedSize);
    }

    @Override
    public void trimToSize() {
      map.trimToSize();
    }

    @Override
    public Object generated() {
      return map;
    }

    @Override
    public Map<Integer, Long> asMap() {
      return map.asMap();
    }

    @Override
    public String toString() {
      return map.toString();
    }
  }

  private static final class CollidingIntLongAdapter implements HandleMap<Integer, Long> {
    private final CollidingIntLongHandleHashMap map;

    CollidingIntLongAdapter(CollidingIntLongHandleHashMap map) {
      this.map = map;
    }

    @Override
    public long insert(Integer key, Long value) {
      return map.insert(key, value);
    }

    @Override
    public long tryInsert(Integer key, Long value) {
      return map.tryInsert(key, value);
    }

    @Override
    public long insertWith(Integer key, Function<Integer, Long> factory) {
      return map.insertWith(key, k -> factory.apply(k));
    }

    @Override
    public long find(Integer key) {
      return map.find(key);
    }

    @Override
    public boolean containsKey(Integer key) {
      return map.containsKey(key);
    }

    @Override
    public Long getOrDefault(Integer key, Long defaultValue) {
      return map.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean contains(long handle) {
      return map.contains(handle);
    }

    @Override
    public Integer key(long handle) {
      return map.key(handle);
    }

    @Override
    public Long value(long handle) {
      return map.value(handle);
    }

    @Override
    public void setValue(long handle, Long value) {
      map.setValue(handle, value);
    }

    @Override
    public boolean remove(long handle) {
      return map.remove(handle);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public void clear() {
      map.clear();
    }

    @Override
    public void walkCursor(Consumer<CursorView<Integer, Long>> visitor) {
      var cursor = map.cursor();
      CursorView<Integer, Long> view =
          new CursorView<>() {
            @Override
            public long handle() {
              return cursor.handle();
            }

            @Override
            public Integer key() {
              return cursor.key();
            }

            @Override
            public Long value() {
              return cursor.value();
            }

            @Override
            public void setValue(Long value) {
              cursor.setValue(value);
            }

            @Override
            public void remove() {
              cursor.remove();
            }
          };
      while (cursor.next()) {
        visitor.accept(view);
      }
    }

    @Override
    public void forEach(EntryVisitor<Integer, Long> visitor) {
      map.forEach(visitor::accept);
    }

    @Override
    public long put(Integer key, Long value) {
      return map.put(key, value);
    }

    @Override
    public boolean removeKey(Integer key) {
      return map.removeKey(key);
    }

    @Override
    public long findOrInsert(Integer key, Function<Integer, Long> factory) {
      return map.findOrInsert(key, k -> factory.apply(k));
    }

    @Override
    public Long addAndGet(Integer key, Long delta) {
      return map.addAndGet(key, delta);
    }

    @Override
    public void putAll(HandleMap<Integer, Long> other) {
      map.putAll(((CollidingIntLongAdapter) other).map);
    }

    @Override
    public HandleMap<Integer, Long> copy() {
      return new CollidingIntLongAdapter(map.copy());
    }

    @Override
    public HandleMap<Integer, Long> newMap() {
      return new CollidingIntLongAdapter(new CollidingIntLongHandleHashMap());
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      map.ensureCapacity(expectedSize);
    }

    @Override
    public void trimToSize() {
      map.trimToSize();
    }

    @Override
    public Object generated() {
      return map;
    }

    @Override
    public Map<Integer, Long> asMap() {
      return map.asMap();
    }

    @Override
    public String toString() {
      return map.toString();
    }
  }

  private static final class LongObjAdapter implements HandleMap<Long, String> {
    private final LongObjHandleHashMap<String> map;

    LongObjAdapter(LongObjHandleHashMap<String> map) {
      this.map = map;
    }

    @Override
    public long insert(Long key, String value) {
      return map.insert(key, value);
    }

    @Override
    public long tryInsert(Long key, String value) {
      return map.tryInsert(key, value);
    }

    @Override
    public long insertWith(Long key, Function<Long, String> factory) {
      return map.insertWith(key, k -> factory.apply(k));
    }

    @Override
    public long find(Long key) {
      return map.find(key);
    }

    @Override
    public boolean containsKey(Long key) {
      return map.containsKey(key);
    }

    @Override
    public String getOrDefault(Long key, String defaultValue) {
      return map.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean contains(long handle) {
      return map.contains(handle);
    }

    @Override
    public Long key(long handle) {
      return map.key(handle);
    }

    @Override
    public String value(long handle) {
      return map.value(handle);
    }

    @Override
    public void setValue(long handle, String value) {
      map.setValue(handle, value);
    }

    @Override
    public boolean remove(long handle) {
      return map.remove(handle);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public void clear() {
      map.clear();
    }

    @Override
    public void walkCursor(Consumer<CursorView<Long, String>> visitor) {
      var cursor = map.cursor();
      CursorView<Long, String> view =
          new CursorView<>() {
            @Override
            public long handle() {
              return cursor.handle();
            }

            @Override
            public Long key() {
              return cursor.key();
            }

            @Override
            public String value() {
              return cursor.value();
            }

            @Override
            public void setValue(String value) {
              cursor.setValue(value);
            }

            @Override
            public void remove() {
              cursor.remove();
            }
          };
      while (cursor.next()) {
        visitor.accept(view);
      }
    }

    @Override
    public void forEach(EntryVisitor<Long, String> visitor) {
      map.forEach(visitor::accept);
    }

    @Override
    public long put(Long key, String value) {
      return map.put(key, value);
    }

    @Override
    public boolean removeKey(Long key) {
      return map.removeKey(key);
    }

    @Override
    public long findOrInsert(Long key, Function<Long, String> factory) {
      return map.findOrInsert(key, k -> factory.apply(k));
    }

    @Override
    public String addAndGet(Long key, String delta) {
      throw new UnsupportedOperationException("no addAndGet for reference values");
    }

    @Override
    public void putAll(HandleMap<Long, String> other) {
      map.putAll(((LongObjAdapter) other).map);
    }

    @Override
    public HandleMap<Long, String> copy() {
      return new LongObjAdapter(map.copy());
    }

    @Override
    public HandleMap<Long, String> newMap() {
      return new LongObjAdapter(new LongObjHandleHashMap<>());
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      map.ensureCapacity(expectedSize);
    }

    @Override
    public void trimToSize() {
      map.trimToSize();
    }

    @Override
    public Object generated() {
      return map;
    }

    @Override
    public Map<Long, String> asMap() {
      return map.asMap();
    }

    @Override
    public String toString() {
      return map.toString();
    }
  }

  private static final class ObjIntAdapter implements HandleMap<String, Integer> {
    private final ObjIntHandleHashMap<String> map;

    ObjIntAdapter(ObjIntHandleHashMap<String> map) {
      this.map = map;
    }

    @Override
    public long insert(String key, Integer value) {
      return map.insert(key, value);
    }

    @Override
    public long tryInsert(String key, Integer value) {
      return map.tryInsert(key, value);
    }

    @Override
    public long insertWith(String key, Function<String, Integer> factory) {
      return map.insertWith(key, k -> factory.apply(k));
    }

    @Override
    public long find(String key) {
      return map.find(key);
    }

    @Override
    public boolean containsKey(String key) {
      return map.containsKey(key);
    }

    @Override
    public Integer getOrDefault(String key, Integer defaultValue) {
      return map.getOrDefault(key, defaultValue);
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
    public Integer value(long handle) {
      return map.value(handle);
    }

    @Override
    public void setValue(long handle, Integer value) {
      map.setValue(handle, value);
    }

    @Override
    public boolean remove(long handle) {
      return map.remove(handle);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public void clear() {
      map.clear();
    }

    @Override
    public void walkCursor(Consumer<CursorView<String, Integer>> visitor) {
      var cursor = map.cursor();
      CursorView<String, Integer> view =
          new CursorView<>() {
            @Override
            public long handle() {
              return cursor.handle();
            }

            @Override
            public String key() {
              return cursor.key();
            }

            @Override
            public Integer value() {
              return cursor.value();
            }

            @Override
            public void setValue(Integer value) {
              cursor.setValue(value);
            }

            @Override
            public void remove() {
              cursor.remove();
            }
          };
      while (cursor.next()) {
        visitor.accept(view);
      }
    }

    @Override
    public void forEach(EntryVisitor<String, Integer> visitor) {
      map.forEach(visitor::accept);
    }

    @Override
    public long put(String key, Integer value) {
      return map.put(key, value);
    }

    @Override
    public boolean removeKey(String key) {
      return map.removeKey(key);
    }

    @Override
    public long findOrInsert(String key, Function<String, Integer> factory) {
      return map.findOrInsert(key, k -> factory.apply(k));
    }

    @Override
    public Integer addAndGet(String key, Integer delta) {
      return map.addAndGet(key, delta);
    }

    @Override
    public void putAll(HandleMap<String, Integer> other) {
      map.putAll(((ObjIntAdapter) other).map);
    }

    @Override
    public HandleMap<String, Integer> copy() {
      return new ObjIntAdapter(map.copy());
    }

    @Override
    public HandleMap<String, Integer> newMap() {
      return new ObjIntAdapter(new ObjIntHandleHashMap<>());
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      map.ensureCapacity(expectedSize);
    }

    @Override
    public void trimToSize() {
      map.trimToSize();
    }

    @Override
    public Object generated() {
      return map;
    }

    @Override
    public Map<String, Integer> asMap() {
      return map.asMap();
    }

    @Override
    public String toString() {
      return map.toString();
    }
  }

  private static final class DoubleDoubleAdapter implements HandleMap<Double, Double> {
    private final DoubleDoubleHandleHashMap map;

    DoubleDoubleAdapter(DoubleDoubleHandleHashMap map) {
      this.map = map;
    }

    @Override
    public long insert(Double key, Double value) {
      return map.insert(key, value);
    }

    @Override
    public long tryInsert(Double key, Double value) {
      return map.tryInsert(key, value);
    }

    @Override
    public long insertWith(Double key, Function<Double, Double> factory) {
      return map.insertWith(key, k -> factory.apply(k));
    }

    @Override
    public long find(Double key) {
      return map.find(key);
    }

    @Override
    public boolean containsKey(Double key) {
      return map.containsKey(key);
    }

    @Override
    public Double getOrDefault(Double key, Double defaultValue) {
      return map.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean contains(long handle) {
      return map.contains(handle);
    }

    @Override
    public Double key(long handle) {
      return map.key(handle);
    }

    @Override
    public Double value(long handle) {
      return map.value(handle);
    }

    @Override
    public void setValue(long handle, Double value) {
      map.setValue(handle, value);
    }

    @Override
    public boolean remove(long handle) {
      return map.remove(handle);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public void clear() {
      map.clear();
    }

    @Override
    public void walkCursor(Consumer<CursorView<Double, Double>> visitor) {
      var cursor = map.cursor();
      CursorView<Double, Double> view =
          new CursorView<>() {
            @Override
            public long handle() {
              return cursor.handle();
            }

            @Override
            public Double key() {
              return cursor.key();
            }

            @Override
            public Double value() {
              return cursor.value();
            }

            @Override
            public void setValue(Double value) {
              cursor.setValue(value);
            }

            @Override
            public void remove() {
              cursor.remove();
            }
          };
      while (cursor.next()) {
        visitor.accept(view);
      }
    }

    @Override
    public void forEach(EntryVisitor<Double, Double> visitor) {
      map.forEach(visitor::accept);
    }

    @Override
    public long put(Double key, Double value) {
      return map.put(key, value);
    }

    @Override
    public boolean removeKey(Double key) {
      return map.removeKey(key);
    }

    @Override
    public long findOrInsert(Double key, Function<Double, Double> factory) {
      return map.findOrInsert(key, k -> factory.apply(k));
    }

    @Override
    public Double addAndGet(Double key, Double delta) {
      return map.addAndGet(key, delta);
    }

    @Override
    public void putAll(HandleMap<Double, Double> other) {
      map.putAll(((DoubleDoubleAdapter) other).map);
    }

    @Override
    public HandleMap<Double, Double> copy() {
      return new DoubleDoubleAdapter(map.copy());
    }

    @Override
    public HandleMap<Double, Double> newMap() {
      return new DoubleDoubleAdapter(new DoubleDoubleHandleHashMap());
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      map.ensureCapacity(expectedSize);
    }

    @Override
    public void trimToSize() {
      map.trimToSize();
    }

    @Override
    public Object generated() {
      return map;
    }

    @Override
    public Map<Double, Double> asMap() {
      return map.asMap();
    }

    @Override
    public String toString() {
      return map.toString();
    }
  }

  private static final class StringIntAdapter implements HandleMap<String, Integer> {
    private final StringIntHandleHashMap map;

    StringIntAdapter(StringIntHandleHashMap map) {
      this.map = map;
    }

    @Override
    public long insert(String key, Integer value) {
      return map.insert(key, value);
    }

    @Override
    public long tryInsert(String key, Integer value) {
      return map.tryInsert(key, value);
    }

    @Override
    public long insertWith(String key, Function<String, Integer> factory) {
      return map.insertWith(key, k -> factory.apply(k));
    }

    @Override
    public long find(String key) {
      return map.find(key);
    }

    @Override
    public boolean containsKey(String key) {
      return map.containsKey(key);
    }

    @Override
    public Integer getOrDefault(String key, Integer defaultValue) {
      return map.getOrDefault(key, defaultValue);
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
    public Integer value(long handle) {
      return map.value(handle);
    }

    @Override
    public void setValue(long handle, Integer value) {
      map.setValue(handle, value);
    }

    @Override
    public boolean remove(long handle) {
      return map.remove(handle);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public void clear() {
      map.clear();
    }

    @Override
    public void walkCursor(Consumer<CursorView<String, Integer>> visitor) {
      var cursor = map.cursor();
      CursorView<String, Integer> view =
          new CursorView<>() {
            @Override
            public long handle() {
              return cursor.handle();
            }

            @Override
            public String key() {
              return cursor.key();
            }

            @Override
            public Integer value() {
              return cursor.value();
            }

            @Override
            public void setValue(Integer value) {
              cursor.setValue(value);
            }

            @Override
            public void remove() {
              cursor.remove();
            }
          };
      while (cursor.next()) {
        visitor.accept(view);
      }
    }

    @Override
    public void forEach(EntryVisitor<String, Integer> visitor) {
      map.forEach(visitor::accept);
    }

    @Override
    public long put(String key, Integer value) {
      return map.put(key, value);
    }

    @Override
    public boolean removeKey(String key) {
      return map.removeKey(key);
    }

    @Override
    public long findOrInsert(String key, Function<String, Integer> factory) {
      return map.findOrInsert(key, k -> factory.apply(k));
    }

    @Override
    public Integer addAndGet(String key, Integer delta) {
      return map.addAndGet(key, delta);
    }

    @Override
    public void putAll(HandleMap<String, Integer> other) {
      map.putAll(((StringIntAdapter) other).map);
    }

    @Override
    public HandleMap<String, Integer> copy() {
      return new StringIntAdapter(map.copy());
    }

    @Override
    public HandleMap<String, Integer> newMap() {
      return new StringIntAdapter(new StringIntHandleHashMap());
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      map.ensureCapacity(expectedSize);
    }

    @Override
    public void trimToSize() {
      map.trimToSize();
    }

    @Override
    public Object generated() {
      return map;
    }

    @Override
    public Map<String, Integer> asMap() {
      return map.asMap();
    }

    @Override
    public String toString() {
      return map.toString();
    }
  }

  private static final class ObjObjAdapter implements HandleMap<Long, String> {
    private final ObjObjHandleHashMap<Long, String> map;

    ObjObjAdapter(ObjObjHandleHashMap<Long, String> map) {
      this.map = map;
    }

    @Override
    public long insert(Long key, String value) {
      return map.insert(key, value);
    }

    @Override
    public long tryInsert(Long key, String value) {
      return map.tryInsert(key, value);
    }

    @Override
    public long insertWith(Long key, Function<Long, String> factory) {
      return map.insertWith(key, k -> factory.apply(k));
    }

    @Override
    public long find(Long key) {
      return map.find(key);
    }

    @Override
    public boolean containsKey(Long key) {
      return map.containsKey(key);
    }

    @Override
    public String getOrDefault(Long key, String defaultValue) {
      return map.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean contains(long handle) {
      return map.contains(handle);
    }

    @Override
    public Long key(long handle) {
      return map.key(handle);
    }

    @Override
    public String value(long handle) {
      return map.value(handle);
    }

    @Override
    public void setValue(long handle, String value) {
      map.setValue(handle, value);
    }

    @Override
    public boolean remove(long handle) {
      return map.remove(handle);
    }

    @Override
    public int size() {
      return map.size();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public void clear() {
      map.clear();
    }

    @Override
    public void walkCursor(Consumer<CursorView<Long, String>> visitor) {
      var cursor = map.cursor();
      CursorView<Long, String> view =
          new CursorView<>() {
            @Override
            public long handle() {
              return cursor.handle();
            }

            @Override
            public Long key() {
              return cursor.key();
            }

            @Override
            public String value() {
              return cursor.value();
            }

            @Override
            public void setValue(String value) {
              cursor.setValue(value);
            }

            @Override
            public void remove() {
              cursor.remove();
            }
          };
      while (cursor.next()) {
        visitor.accept(view);
      }
    }

    @Override
    public void forEach(EntryVisitor<Long, String> visitor) {
      map.forEach(visitor::accept);
    }

    @Override
    public long put(Long key, String value) {
      return map.put(key, value);
    }

    @Override
    public boolean removeKey(Long key) {
      return map.removeKey(key);
    }

    @Override
    public long findOrInsert(Long key, Function<Long, String> factory) {
      return map.findOrInsert(key, k -> factory.apply(k));
    }

    @Override
    public String addAndGet(Long key, String delta) {
      throw new UnsupportedOperationException("no addAndGet for reference values");
    }

    @Override
    public void putAll(HandleMap<Long, String> other) {
      map.putAll(((ObjObjAdapter) other).map);
    }

    @Override
    public HandleMap<Long, String> copy() {
      return new ObjObjAdapter(map.copy());
    }

    @Override
    public HandleMap<Long, String> newMap() {
      return new ObjObjAdapter(new ObjObjHandleHashMap<>());
    }

    @Override
    public void ensureCapacity(int expectedSize) {
      map.ensureCapacity(expectedSize);
    }

    @Override
    public void trimToSize() {
      map.trimToSize();
    }

    @Override
    public Object generated() {
      return map;
    }

    @Override
    public Map<Long, String> asMap() {
      return map.asMap();
    }

    @Override
    public String toString() {
      return map.toString();
    }
  }
}
