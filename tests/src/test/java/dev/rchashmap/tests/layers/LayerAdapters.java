package dev.rchashmap.tests.layers;

import java.lang.reflect.Field;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;

/**
 * One interface over the {@code int}-to-{@code long} specializations of each layer, so that a
 * model test runs unchanged on the default-hash map and on the constant-hash {@code Colliding}
 * one. Each method forwards to the generated method of the same name. The {@code ObjObj} maps
 * run with {@code Integer} keys and {@code Long} values; the {@code StringInt} maps with the
 * keys {@code "k0", "k1", ...} and values in the {@code int} range, converted on the way.
 */
final class LayerAdapters {

  private LayerAdapters() {}

  /** Receives removal-listener calls. */
  interface Listener {
    void removed(int key, long value);
  }

  /** A {@code CountedHashMap} from {@code int} to {@code long}. */
  interface Counted {
    long insert(int key, long value);

    long tryInsert(int key, long value);

    long insertWith(int key, IntToLongFunction factory);

    long find(int key);

    long findOrInsert(int key, IntToLongFunction factory);

    boolean containsKey(int key);

    long getOrDefault(int key, long defaultValue);

    boolean contains(long handle);

    int key(long handle);

    long value(long handle);

    void setValue(long handle, long value);

    long retain(long handle);

    boolean release(long handle);

    int refCount(long handle);

    int size();

    boolean isEmpty();

    /** Key to count of every entry, read with the cursor; checks handle, key and value agree. */
    Map<Integer, Integer> countsByCursor();

    /** The read-only {@code asMap()} view. */
    Map<Integer, Long> asMap();
  }

  /** An {@code RcHashMap} from {@code int} to {@code long}, with its {@code Ref} type. */
  interface Rc<R> {
    R insert(int key, long value);

    R insertWith(int key, IntToLongFunction factory);

    R find(int key);

    R findOrInsert(int key, IntToLongFunction factory);

    boolean containsKey(int key);

    long getOrDefault(int key, long defaultValue);

    /** The read-only {@code asMap()} view. */
    Map<Integer, Long> asMap();

    int size();

    boolean isEmpty();

    void close();

    boolean isClosed();

    R share(R ref);

    boolean sameEntry(R ref, R other);

    void close(R ref);

    boolean isClosed(R ref);

    int key(R ref);

    long value(R ref);

    void setValue(R ref, long value);

    int refCount(R ref);

    /** {@code ref.key()}: the accessors without a map argument read the Ref's own map. */
    int ownKey(R ref);

    /** {@code ref.value()}. */
    long ownValue(R ref);

    /** {@code ref.setValue(value)}. */
    void setOwnValue(R ref, long value);

    /** {@code ref.key(map)} with the generated map of {@code map}, maybe another than the Ref's. */
    int keyIn(Rc<R> map, R ref);

    /** {@code ref.value(map)}. */
    long valueIn(Rc<R> map, R ref);

    /** {@code ref.setValue(map, value)}. */
    void setValueIn(Rc<R> map, R ref, long value);

    /** {@code refs()}: a new Ref to each entry. */
    Iterator<R> refs();

    /** Walks {@code cursor()} to the end, showing each position to {@code visitor}. */
    void walkCursor(Consumer<RcCursor<R>> visitor);

    /** The generated map. */
    Object generated();

    /**
     * The handle of the entry in the map's counted layer, which the API does not show: read from
     * the {@code Ref}'s private {@code handle} field, only so that the model test can see slots
     * being reused. If the generator renames that field, rename it here.
     */
    default long handle(R ref) {
      try {
        Field field = ref.getClass().getDeclaredField("handle");
        field.setAccessible(true);
        return field.getLong(ref);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot read the handle of " + ref.getClass(), e);
      }
    }
  }

  /** A position of an Rc map's {@code Cursor}. */
  interface RcCursor<R> {
    int key();

    long value();

    void setValue(long value);

    /** A new Ref to the entry at the cursor. */
    R ref();
  }

  static Counted intLongCounted(Listener listener) {
    IntLongCountedHashMap map =
        IntLongCountedHashMap.builder().removalListener(listener::removed).build();
    return new Counted() {
      @Override
      public long insert(int key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long tryInsert(int key, long value) {
        return map.tryInsert(key, value);
      }

      @Override
      public long insertWith(int key, IntToLongFunction factory) {
        return map.insertWith(key, factory::applyAsLong);
      }

      @Override
      public long find(int key) {
        return map.find(key);
      }

      @Override
      public long findOrInsert(int key, IntToLongFunction factory) {
        return map.findOrInsert(key, factory::applyAsLong);
      }

      @Override
      public boolean containsKey(int key) {
        return map.containsKey(key);
      }

      @Override
      public long getOrDefault(int key, long defaultValue) {
        return map.getOrDefault(key, defaultValue);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public int key(long handle) {
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
      public long retain(long handle) {
        return map.retain(handle);
      }

      @Override
      public boolean release(long handle) {
        return map.release(handle);
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
      public boolean isEmpty() {
        return map.isEmpty();
      }

      @Override
      public Map<Integer, Integer> countsByCursor() {
        Map<Integer, Integer> counts = new HashMap<>();
        IntLongCountedHashMap.Cursor cursor = map.cursor();
        while (cursor.next()) {
          if (map.key(cursor.handle()) != cursor.key() || map.value(cursor.handle()) != cursor.value()) {
            throw new AssertionError("cursor disagrees with its handle at key " + cursor.key());
          }
          if (counts.put(cursor.key(), cursor.refCount()) != null) {
            throw new AssertionError("cursor visited key " + cursor.key() + " twice");
          }
        }
        return counts;
      }

      @Override
      public Map<Integer, Long> asMap() {
        return map.asMap();
      }
    };
  }

  static Counted collidingCounted(Listener listener) {
    CollidingCountedHashMap map =
        CollidingCountedHashMap.builder().removalListener(listener::removed).build();
    return new Counted() {
      @Override
      public long insert(int key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long tryInsert(int key, long value) {
        return map.tryInsert(key, value);
      }

      @Override
      public long insertWith(int key, IntToLongFunction factory) {
        return map.insertWith(key, factory::applyAsLong);
      }

      @Override
      public long find(int key) {
        return map.find(key);
      }

      @Override
      public long findOrInsert(int key, IntToLongFunction factory) {
        return map.findOrInsert(key, factory::applyAsLong);
      }

      @Override
      public boolean containsKey(int key) {
        return map.containsKey(key);
      }

      @Override
      public long getOrDefault(int key, long defaultValue) {
        return map.getOrDefault(key, defaultValue);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public int key(long handle) {
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
      public long retain(long handle) {
        return map.retain(handle);
      }

      @Override
      public boolean release(long handle) {
        return map.release(handle);
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
      public boolean isEmpty() {
        return map.isEmpty();
      }

      @Override
      public Map<Integer, Integer> countsByCursor() {
        Map<Integer, Integer> counts = new HashMap<>();
        CollidingCountedHashMap.Cursor cursor = map.cursor();
        while (cursor.next()) {
          if (map.key(cursor.handle()) != cursor.key() || map.value(cursor.handle()) != cursor.value()) {
            throw new AssertionError("cursor disagrees with its handle at key " + cursor.key());
          }
          if (counts.put(cursor.key(), cursor.refCount()) != null) {
            throw new AssertionError("cursor visited key " + cursor.key() + " twice");
          }
        }
        return counts;
      }

      @Override
      public Map<Integer, Long> asMap() {
        return map.asMap();
      }
    };
  }

  static Rc<IntLongRcHashMap.Ref> intLongRc(Listener listener, Runnable onDispose) {
    IntLongRcHashMap map =
        IntLongRcHashMap.builder().removalListener(listener::removed).onDispose(onDispose).build();
    return new Rc<>() {
      @Override
      public IntLongRcHashMap.Ref insert(int key, long value) {
        return map.insert(key, value);
      }

      @Override
      public IntLongRcHashMap.Ref insertWith(int key, IntToLongFunction factory) {
        return map.insertWith(key, factory::applyAsLong);
      }

      @Override
      public IntLongRcHashMap.Ref find(int key) {
        return map.find(key);
      }

      @Override
      public IntLongRcHashMap.Ref findOrInsert(int key, IntToLongFunction factory) {
        return map.findOrInsert(key, factory::applyAsLong);
      }

      @Override
      public boolean containsKey(int key) {
        return map.containsKey(key);
      }

      @Override
      public long getOrDefault(int key, long defaultValue) {
        return map.getOrDefault(key, defaultValue);
      }

      @Override
      public Map<Integer, Long> asMap() {
        return map.asMap();
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
      public void close() {
        map.close();
      }

      @Override
      public boolean isClosed() {
        return map.isClosed();
      }

      @Override
      public IntLongRcHashMap.Ref share(IntLongRcHashMap.Ref ref) {
        return ref.share();
      }

      @Override
      public boolean sameEntry(IntLongRcHashMap.Ref ref, IntLongRcHashMap.Ref other) {
        return ref.sameEntry(other);
      }

      @Override
      public void close(IntLongRcHashMap.Ref ref) {
        ref.close();
      }

      @Override
      public boolean isClosed(IntLongRcHashMap.Ref ref) {
        return ref.isClosed();
      }

      @Override
      public int key(IntLongRcHashMap.Ref ref) {
        return ref.key(map);
      }

      @Override
      public long value(IntLongRcHashMap.Ref ref) {
        return ref.value(map);
      }

      @Override
      public void setValue(IntLongRcHashMap.Ref ref, long value) {
        ref.setValue(map, value);
      }

      @Override
      public int refCount(IntLongRcHashMap.Ref ref) {
        return ref.refCount();
      }

      @Override
      public int ownKey(IntLongRcHashMap.Ref ref) {
        return ref.key();
      }

      @Override
      public long ownValue(IntLongRcHashMap.Ref ref) {
        return ref.value();
      }

      @Override
      public void setOwnValue(IntLongRcHashMap.Ref ref, long value) {
        ref.setValue(value);
      }

      @Override
      public int keyIn(Rc<IntLongRcHashMap.Ref> other, IntLongRcHashMap.Ref ref) {
        return ref.key((IntLongRcHashMap) other.generated());
      }

      @Override
      public long valueIn(Rc<IntLongRcHashMap.Ref> other, IntLongRcHashMap.Ref ref) {
        return ref.value((IntLongRcHashMap) other.generated());
      }

      @Override
      public void setValueIn(Rc<IntLongRcHashMap.Ref> other, IntLongRcHashMap.Ref ref, long value) {
        ref.setValue((IntLongRcHashMap) other.generated(), value);
      }

      @Override
      public Iterator<IntLongRcHashMap.Ref> refs() {
        return map.refs();
      }

      @Override
      public void walkCursor(Consumer<RcCursor<IntLongRcHashMap.Ref>> visitor) {
        IntLongRcHashMap.Cursor cursor = map.cursor();
        RcCursor<IntLongRcHashMap.Ref> view =
            new RcCursor<>() {
              @Override
              public int key() {
                return cursor.key();
              }

              @Override
              public long value() {
                return cursor.value();
              }

              @Override
              public void setValue(long value) {
                cursor.setValue(value);
              }

              @Override
              public IntLongRcHashMap.Ref ref() {
                return cursor.ref();
              }
            };
        while (cursor.next()) {
          visitor.accept(view);
        }
      }

      @Override
      public Object generated() {
        return map;
      }
    };
  }

  static Rc<CollidingRcHashMap.Ref> collidingRc(Listener listener, Runnable onDispose) {
    CollidingRcHashMap map =
        CollidingRcHashMap.builder().removalListener(listener::removed).onDispose(onDispose).build();
    return new Rc<>() {
      @Override
      public CollidingRcHashMap.Ref insert(int key, long value) {
        return map.insert(key, value);
      }

      @Override
      public CollidingRcHashMap.Ref insertWith(int key, IntToLongFunction factory) {
        return map.insertWith(key, factory::applyAsLong);
      }

      @Override
      public CollidingRcHashMap.Ref find(int key) {
        return map.find(key);
      }

      @Override
      public CollidingRcHashMap.Ref findOrInsert(int key, IntToLongFunction factory) {
        return map.findOrInsert(key, factory::applyAsLong);
      }

      @Override
      public boolean containsKey(int key) {
        return map.containsKey(key);
      }

      @Override
      public long getOrDefault(int key, long defaultValue) {
        return map.getOrDefault(key, defaultValue);
      }

      @Override
      public Map<Integer, Long> asMap() {
        return map.asMap();
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
      public void close() {
        map.close();
      }

      @Override
      public boolean isClosed() {
        return map.isClosed();
      }

      @Override
      public CollidingRcHashMap.Ref share(CollidingRcHashMap.Ref ref) {
        return ref.share();
      }

      @Override
      public boolean sameEntry(CollidingRcHashMap.Ref ref, CollidingRcHashMap.Ref other) {
        return ref.sameEntry(other);
      }

      @Override
      public void close(CollidingRcHashMap.Ref ref) {
        ref.close();
      }

      @Override
      public boolean isClosed(CollidingRcHashMap.Ref ref) {
        return ref.isClosed();
      }

      @Override
      public int key(CollidingRcHashMap.Ref ref) {
        return ref.key(map);
      }

      @Override
      public long value(CollidingRcHashMap.Ref ref) {
        return ref.value(map);
      }

      @Override
      public void setValue(CollidingRcHashMap.Ref ref, long value) {
        ref.setValue(map, value);
      }

      @Override
      public int refCount(CollidingRcHashMap.Ref ref) {
        return ref.refCount();
      }

      @Override
      public int ownKey(CollidingRcHashMap.Ref ref) {
        return ref.key();
      }

      @Override
      public long ownValue(CollidingRcHashMap.Ref ref) {
        return ref.value();
      }

      @Override
      public void setOwnValue(CollidingRcHashMap.Ref ref, long value) {
        ref.setValue(value);
      }

      @Override
      public int keyIn(Rc<CollidingRcHashMap.Ref> other, CollidingRcHashMap.Ref ref) {
        return ref.key((CollidingRcHashMap) other.generated());
      }

      @Override
      public long valueIn(Rc<CollidingRcHashMap.Ref> other, CollidingRcHashMap.Ref ref) {
        return ref.value((CollidingRcHashMap) other.generated());
      }

      @Override
      public void setValueIn(Rc<CollidingRcHashMap.Ref> other, CollidingRcHashMap.Ref ref, long value) {
        ref.setValue((CollidingRcHashMap) other.generated(), value);
      }

      @Override
      public Iterator<CollidingRcHashMap.Ref> refs() {
        return map.refs();
      }

      @Override
      public void walkCursor(Consumer<RcCursor<CollidingRcHashMap.Ref>> visitor) {
        CollidingRcHashMap.Cursor cursor = map.cursor();
        RcCursor<CollidingRcHashMap.Ref> view =
            new RcCursor<>() {
              @Override
              public int key() {
                return cursor.key();
              }

              @Override
              public long value() {
                return cursor.value();
              }

              @Override
              public void setValue(long value) {
                cursor.setValue(value);
              }

              @Override
              public CollidingRcHashMap.Ref ref() {
                return cursor.ref();
              }
            };
        while (cursor.next()) {
          visitor.accept(view);
        }
      }

      @Override
      public Object generated() {
        return map;
      }
    };
  }

  static Counted objObjCounted(Listener listener) {
    ObjObjCountedHashMap<Integer, Long> map =
        ObjObjCountedHashMap.<Integer, Long>builder()
            .removalListener((key, value) -> listener.removed(key, value))
            .build();
    return new Counted() {
      @Override
      public long insert(int key, long value) {
        return map.insert(key, value);
      }

      @Override
      public long tryInsert(int key, long value) {
        return map.tryInsert(key, value);
      }

      @Override
      public long insertWith(int key, IntToLongFunction factory) {
        return map.insertWith(key, k -> factory.applyAsLong(k));
      }

      @Override
      public long find(int key) {
        return map.find(key);
      }

      @Override
      public long findOrInsert(int key, IntToLongFunction factory) {
        return map.findOrInsert(key, k -> factory.applyAsLong(k));
      }

      @Override
      public boolean containsKey(int key) {
        return map.containsKey(key);
      }

      @Override
      public long getOrDefault(int key, long defaultValue) {
        return map.getOrDefault(key, defaultValue);
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public int key(long handle) {
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
      public long retain(long handle) {
        return map.retain(handle);
      }

      @Override
      public boolean release(long handle) {
        return map.release(handle);
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
      public boolean isEmpty() {
        return map.isEmpty();
      }

      @Override
      public Map<Integer, Integer> countsByCursor() {
        Map<Integer, Integer> counts = new HashMap<>();
        ObjObjCountedHashMap<Integer, Long>.Cursor cursor = map.cursor();
        while (cursor.next()) {
          if (!map.key(cursor.handle()).equals(cursor.key())
              || !map.value(cursor.handle()).equals(cursor.value())) {
            throw new AssertionError("cursor disagrees with its handle at key " + cursor.key());
          }
          if (counts.put(cursor.key(), cursor.refCount()) != null) {
            throw new AssertionError("cursor visited key " + cursor.key() + " twice");
          }
        }
        return counts;
      }

      @Override
      public Map<Integer, Long> asMap() {
        return map.asMap();
      }
    };
  }

  static Rc<ObjObjRcHashMap.Ref<Integer, Long>> objObjRc(Listener listener, Runnable onDispose) {
    ObjObjRcHashMap<Integer, Long> map =
        ObjObjRcHashMap.<Integer, Long>builder()
            .removalListener((key, value) -> listener.removed(key, value))
            .onDispose(onDispose)
            .build();
    return new Rc<>() {
      @Override
      public ObjObjRcHashMap.Ref<Integer, Long> insert(int key, long value) {
        return map.insert(key, value);
      }

      @Override
      public ObjObjRcHashMap.Ref<Integer, Long> insertWith(int key, IntToLongFunction factory) {
        return map.insertWith(key, k -> factory.applyAsLong(k));
      }

      @Override
      public ObjObjRcHashMap.Ref<Integer, Long> find(int key) {
        return map.find(key);
      }

      @Override
      public ObjObjRcHashMap.Ref<Integer, Long> findOrInsert(int key, IntToLongFunction factory) {
        return map.findOrInsert(key, k -> factory.applyAsLong(k));
      }

      @Override
      public boolean containsKey(int key) {
        return map.containsKey(key);
      }

      @Override
      public long getOrDefault(int key, long defaultValue) {
        return map.getOrDefault(key, defaultValue);
      }

      @Override
      public Map<Integer, Long> asMap() {
        return map.asMap();
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
      public void close() {
        map.close();
      }

      @Override
      public boolean isClosed() {
        return map.isClosed();
      }

      @Override
      public ObjObjRcHashMap.Ref<Integer, Long> share(ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.share();
      }

      @Override
      public boolean sameEntry(ObjObjRcHashMap.Ref<Integer, Long> ref, ObjObjRcHashMap.Ref<Integer, Long> other) {
        return ref.sameEntry(other);
      }

      @Override
      public void close(ObjObjRcHashMap.Ref<Integer, Long> ref) {
        ref.close();
      }

      @Override
      public boolean isClosed(ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.isClosed();
      }

      @Override
      public int key(ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.key(map);
      }

      @Override
      public long value(ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.value(map);
      }

      @Override
      public void setValue(ObjObjRcHashMap.Ref<Integer, Long> ref, long value) {
        ref.setValue(map, value);
      }

      @Override
      public int refCount(ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.refCount();
      }

      @Override
      public int ownKey(ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.key();
      }

      @Override
      public long ownValue(ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.value();
      }

      @Override
      public void setOwnValue(ObjObjRcHashMap.Ref<Integer, Long> ref, long value) {
        ref.setValue(value);
      }

      @Override
      @SuppressWarnings("unchecked") // the generated map of an adapter of this kind
      public int keyIn(Rc<ObjObjRcHashMap.Ref<Integer, Long>> other, ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.key((ObjObjRcHashMap<Integer, Long>) other.generated());
      }

      @Override
      @SuppressWarnings("unchecked") // the generated map of an adapter of this kind
      public long valueIn(Rc<ObjObjRcHashMap.Ref<Integer, Long>> other, ObjObjRcHashMap.Ref<Integer, Long> ref) {
        return ref.value((ObjObjRcHashMap<Integer, Long>) other.generated());
      }

      @Override
      @SuppressWarnings("unchecked") // the generated map of an adapter of this kind
      public void setValueIn(Rc<ObjObjRcHashMap.Ref<Integer, Long>> other, ObjObjRcHashMap.Ref<Integer, Long> ref, long value) {
        ref.setValue((ObjObjRcHashMap<Integer, Long>) other.generated(), value);
      }

      @Override
      public Iterator<ObjObjRcHashMap.Ref<Integer, Long>> refs() {
        return map.refs();
      }

      @Override
      public void walkCursor(Consumer<RcCursor<ObjObjRcHashMap.Ref<Integer, Long>>> visitor) {
        ObjObjRcHashMap<Integer, Long>.Cursor cursor = map.cursor();
        RcCursor<ObjObjRcHashMap.Ref<Integer, Long>> view =
            new RcCursor<>() {
              @Override
              public int key() {
                return cursor.key();
              }

              @Override
              public long value() {
                return cursor.value();
              }

              @Override
              public void setValue(long value) {
                cursor.setValue(value);
              }

              @Override
              public ObjObjRcHashMap.Ref<Integer, Long> ref() {
                return cursor.ref();
              }
            };
        while (cursor.next()) {
          visitor.accept(view);
        }
      }

      @Override
      public Object generated() {
        return map;
      }
    };
  }

  static Counted stringIntCounted(Listener listener) {
    StringIntCountedHashMap map =
        StringIntCountedHashMap.builder()
            .removalListener((key, value) -> listener.removed(intKey(key), value))
            .build();
    return new Counted() {
      @Override
      public long insert(int key, long value) {
        return map.insert(stringKey(key), intValue(value));
      }

      @Override
      public long tryInsert(int key, long value) {
        return map.tryInsert(stringKey(key), intValue(value));
      }

      @Override
      public long insertWith(int key, IntToLongFunction factory) {
        return map.insertWith(stringKey(key), k -> intValue(factory.applyAsLong(intKey(k))));
      }

      @Override
      public long find(int key) {
        return map.find(stringKey(key));
      }

      @Override
      public long findOrInsert(int key, IntToLongFunction factory) {
        return map.findOrInsert(stringKey(key), k -> intValue(factory.applyAsLong(intKey(k))));
      }

      @Override
      public boolean containsKey(int key) {
        return map.containsKey(stringKey(key));
      }

      @Override
      public long getOrDefault(int key, long defaultValue) {
        return map.getOrDefault(stringKey(key), intValue(defaultValue));
      }

      @Override
      public boolean contains(long handle) {
        return map.contains(handle);
      }

      @Override
      public int key(long handle) {
        return intKey(map.key(handle));
      }

      @Override
      public long value(long handle) {
        return map.value(handle);
      }

      @Override
      public void setValue(long handle, long value) {
        map.setValue(handle, intValue(value));
      }

      @Override
      public long retain(long handle) {
        return map.retain(handle);
      }

      @Override
      public boolean release(long handle) {
        return map.release(handle);
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
      public boolean isEmpty() {
        return map.isEmpty();
      }

      @Override
      public Map<Integer, Integer> countsByCursor() {
        Map<Integer, Integer> counts = new HashMap<>();
        StringIntCountedHashMap.Cursor cursor = map.cursor();
        while (cursor.next()) {
          if (!map.key(cursor.handle()).equals(cursor.key())
              || map.value(cursor.handle()) != cursor.value()) {
            throw new AssertionError("cursor disagrees with its handle at key " + cursor.key());
          }
          if (counts.put(intKey(cursor.key()), cursor.refCount()) != null) {
            throw new AssertionError("cursor visited key " + cursor.key() + " twice");
          }
        }
        return counts;
      }

      @Override
      public Map<Integer, Long> asMap() {
        return new IntLongView(map.asMap());
      }
    };
  }

  static Rc<StringIntRcHashMap.Ref> stringIntRc(Listener listener, Runnable onDispose) {
    StringIntRcHashMap map =
        StringIntRcHashMap.builder()
            .removalListener((key, value) -> listener.removed(intKey(key), value))
            .onDispose(onDispose)
            .build();
    return new Rc<>() {
      @Override
      public StringIntRcHashMap.Ref insert(int key, long value) {
        return map.insert(stringKey(key), intValue(value));
      }

      @Override
      public StringIntRcHashMap.Ref insertWith(int key, IntToLongFunction factory) {
        return map.insertWith(stringKey(key), k -> intValue(factory.applyAsLong(intKey(k))));
      }

      @Override
      public StringIntRcHashMap.Ref find(int key) {
        return map.find(stringKey(key));
      }

      @Override
      public StringIntRcHashMap.Ref findOrInsert(int key, IntToLongFunction factory) {
        return map.findOrInsert(stringKey(key), k -> intValue(factory.applyAsLong(intKey(k))));
      }

      @Override
      public boolean containsKey(int key) {
        return map.containsKey(stringKey(key));
      }

      @Override
      public long getOrDefault(int key, long defaultValue) {
        return map.getOrDefault(stringKey(key), intValue(defaultValue));
      }

      @Override
      public Map<Integer, Long> asMap() {
        return new IntLongView(map.asMap());
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
      public void close() {
        map.close();
      }

      @Override
      public boolean isClosed() {
        return map.isClosed();
      }

      @Override
      public StringIntRcHashMap.Ref share(StringIntRcHashMap.Ref ref) {
        return ref.share();
      }

      @Override
      public boolean sameEntry(StringIntRcHashMap.Ref ref, StringIntRcHashMap.Ref other) {
        return ref.sameEntry(other);
      }

      @Override
      public void close(StringIntRcHashMap.Ref ref) {
        ref.close();
      }

      @Override
      public boolean isClosed(StringIntRcHashMap.Ref ref) {
        return ref.isClosed();
      }

      @Override
      public int key(StringIntRcHashMap.Ref ref) {
        return intKey(ref.key(map));
      }

      @Override
      public long value(StringIntRcHashMap.Ref ref) {
        return ref.value(map);
      }

      @Override
      public void setValue(StringIntRcHashMap.Ref ref, long value) {
        ref.setValue(map, intValue(value));
      }

      @Override
      public int refCount(StringIntRcHashMap.Ref ref) {
        return ref.refCount();
      }

      @Override
      public int ownKey(StringIntRcHashMap.Ref ref) {
        return intKey(ref.key());
      }

      @Override
      public long ownValue(StringIntRcHashMap.Ref ref) {
        return ref.value();
      }

      @Override
      public void setOwnValue(StringIntRcHashMap.Ref ref, long value) {
        ref.setValue(intValue(value));
      }

      @Override
      public int keyIn(Rc<StringIntRcHashMap.Ref> other, StringIntRcHashMap.Ref ref) {
        return intKey(ref.key((StringIntRcHashMap) other.generated()));
      }

      @Override
      public long valueIn(Rc<StringIntRcHashMap.Ref> other, StringIntRcHashMap.Ref ref) {
        return ref.value((StringIntRcHashMap) other.generated());
      }

      @Override
      public void setValueIn(Rc<StringIntRcHashMap.Ref> other, StringIntRcHashMap.Ref ref, long value) {
        ref.setValue((StringIntRcHashMap) other.generated(), intValue(value));
      }

      @Override
      public Iterator<StringIntRcHashMap.Ref> refs() {
        return map.refs();
      }

      @Override
      public void walkCursor(Consumer<RcCursor<StringIntRcHashMap.Ref>> visitor) {
        StringIntRcHashMap.Cursor cursor = map.cursor();
        RcCursor<StringIntRcHashMap.Ref> view =
            new RcCursor<>() {
              @Override
              public int key() {
                return intKey(cursor.key());
              }

              @Override
              public long value() {
                return cursor.value();
              }

              @Override
              public void setValue(long value) {
                cursor.setValue(intValue(value));
              }

              @Override
              public StringIntRcHashMap.Ref ref() {
                return cursor.ref();
              }
            };
        while (cursor.next()) {
          visitor.accept(view);
        }
      }

      @Override
      public Object generated() {
        return map;
      }
    };
  }

  /** The {@code String} key of the {@code StringInt} maps for the model's {@code int} key. */
  static String stringKey(int key) {
    return "k" + key;
  }

  /** The model's {@code int} key for a key of the {@code StringInt} maps. */
  static int intKey(String key) {
    if (!key.startsWith("k")) {
      throw new AssertionError("not a key the model made: " + key);
    }
    return Integer.parseInt(key.substring(1));
  }

  /**
   * A model value for an {@code int}-valued map: the model tests of those maps draw their values
   * as {@code int}s ({@code CountedOp.mix(keys, gen -> gen.ints())}), so this never throws.
   */
  static int intValue(long value) {
    return Math.toIntExact(value);
  }

  /**
   * The {@code asMap()} view of a {@code StringInt} map seen as the model's {@code Map<Integer,
   * Long>}: every call goes to the generated view, keys and values converted; {@code equals} and
   * {@code hashCode} are {@link AbstractMap}'s, over the generated view's entry iterator.
   */
  static final class IntLongView extends AbstractMap<Integer, Long> {
    private final Map<String, Integer> view;

    IntLongView(Map<String, Integer> view) {
      this.view = view;
    }

    private static Long widen(Integer value) {
      return value == null ? null : Long.valueOf(value);
    }

    @Override
    public int size() {
      return view.size();
    }

    @Override
    public boolean containsKey(Object key) {
      return view.containsKey(stringKey((Integer) key));
    }

    @Override
    public Long get(Object key) {
      return widen(view.get(stringKey((Integer) key)));
    }

    @Override
    public Long getOrDefault(Object key, Long defaultValue) {
      return widen(view.getOrDefault(stringKey((Integer) key), intValue(defaultValue)));
    }

    @Override
    public Long put(Integer key, Long value) {
      return widen(view.put(stringKey(key), intValue(value)));
    }

    @Override
    public Long putIfAbsent(Integer key, Long value) {
      return widen(view.putIfAbsent(stringKey(key), intValue(value)));
    }

    @Override
    public Long remove(Object key) {
      return widen(view.remove(stringKey((Integer) key)));
    }

    @Override
    public Set<Map.Entry<Integer, Long>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return view.size();
        }

        @Override
        public Iterator<Map.Entry<Integer, Long>> iterator() {
          Iterator<Map.Entry<String, Integer>> entries = view.entrySet().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return entries.hasNext();
            }

            @Override
            public Map.Entry<Integer, Long> next() {
              Map.Entry<String, Integer> entry = entries.next();
              return new Map.Entry<>() {
                @Override
                public Integer getKey() {
                  return intKey(entry.getKey());
                }

                @Override
                public Long getValue() {
                  return widen(entry.getValue());
                }

                @Override
                public Long setValue(Long value) {
                  return widen(entry.setValue(intValue(value)));
                }

                @Override
                public boolean equals(Object other) {
                  return other instanceof Map.Entry<?, ?> that
                      && getKey().equals(that.getKey())
                      && getValue().equals(that.getValue());
                }

                @Override
                public int hashCode() {
                  return getKey().hashCode() ^ getValue().hashCode();
                }
              };
            }
          };
        }
      };
    }
  }
}
