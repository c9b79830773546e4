package dev.rchashmap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rchashmap.runtime.Handles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The maps with assertions disabled, as in production: the reentrancy guard is off, but "insert
 * re-checks modCount after probing, so re-entry that changed the map can never corrupt it"
 * (DESIGN.md). Surefire runs with {@code -ea}, so the map class is loaded again by a class loader
 * whose default assertion status is off.
 */
class AssertionsOffTest {

  private static final String MAP_CLASS = "dev.rchashmap.tests.maps.ObjIntHandleHashMap";

  private Object map;
  private Class<?> mapClass;

  @BeforeEach
  void loadMapWithoutAssertions() throws ReflectiveOperationException {
    mapClass = new AssertionsOffLoader(getClass().getClassLoader()).loadClass(MAP_CLASS);
    map = mapClass.getConstructor().newInstance();
  }

  @Test
  void theMapClassReallyRunsWithoutAssertions() {
    assertFalse(mapClass.desiredAssertionStatus());
    TrapKey stored = TrapKey.named("stored");
    insert(stored, 1);
    Runnable reenter = () -> call("find", TrapKey.named("other"));
    stored.beforeEquals(reenter);
    TrapKey probe = TrapKey.named("stored").beforeEquals(reenter);

    // With assertions on this throws ReentrancyException (see UserCodeTest); here it just works.
    assertNotEquals(Handles.NONE, call("find", probe));
    assertTrue(stored.equalsCalls() + probe.equalsCalls() > 0, "the re-entering equals ran");
  }

  @Test
  void insertFromEqualsThatGrowsTheIndexCannotCorruptTheMap() {
    TrapKey aa = TrapKey.named("Aa");
    TrapKey bb = TrapKey.named("BB");
    assertEquals(aa.hashCode(), bb.hashCode(), "precondition: colliding names");
    insert(aa, 0);
    List<TrapKey> intruders = new ArrayList<>();
    bb.beforeEquals(
        () -> {
          bb.disarm();
          for (int i = 0; i < 100; i++) { // enough to grow the index
            TrapKey intruder = TrapKey.named("intruder " + i);
            insert(intruder, i + 1);
            intruders.add(intruder);
          }
        });

    Object outcome = callCatching("insert", bb, -1);

    assertTrue(
        outcome instanceof Long || outcome instanceof ConcurrentModificationException,
        "the outer insert either succeeds or refuses with ConcurrentModificationException, got "
            + outcome);
    int expectedSize = 1 + intruders.size() + (outcome instanceof Long ? 1 : 0);
    assertEquals(expectedSize, call("size"));
    assertFindable(aa, 0);
    for (int i = 0; i < intruders.size(); i++) {
      assertFindable(intruders.get(i), i + 1);
    }
    if (outcome instanceof Long) {
      assertFindable(bb, -1);
    } else {
      assertEquals(Handles.NONE, call("find", bb));
    }
  }

  /**
   * A lookup whose user equality code changes the map throws {@link
   * ConcurrentModificationException} rather than answer from an index that moved under it (SPEC
   * 7.4): before, {@code find} returned whatever the half-walked index held.
   */
  @Test
  void lookupsWhoseEqualsChangesTheMapThrowConcurrentModification() {
    TrapKey aa = TrapKey.named("Aa");
    insert(aa, 0);
    for (String lookup : new String[] {"find", "containsKey", "getOrDefault"}) {
      TrapKey bb = TrapKey.named("BB");
      assertEquals(aa.hashCode(), bb.hashCode(), "precondition: colliding names");
      int[] intruder = {0};
      bb.beforeEquals(
          () -> {
            bb.disarm();
            insert(TrapKey.named(lookup + " intruder " + intruder[0]++), -1);
          });
      Object outcome =
          lookup.equals("getOrDefault") ? callCatching(lookup, bb, -2) : callCatching(lookup, bb);
      assertTrue(
          outcome instanceof ConcurrentModificationException,
          lookup + " must refuse its result, got " + outcome);
    }
    assertFindable(aa, 0);
    assertEquals(4, call("size"));
  }

  private void assertFindable(TrapKey key, int value) {
    long handle = (Long) call("find", key);
    assertNotEquals(Handles.NONE, handle, key + " lost");
    assertEquals(value, call("value", handle), "value of " + key);
  }

  private void insert(TrapKey key, int value) {
    call("insert", key, value);
  }

  /** Calls a public method of the map; an exception it throws is rethrown as it is. */
  private Object call(String name, Object... args) {
    Object result = callCatching(name, args);
    if (result instanceof RuntimeException) {
      throw (RuntimeException) result;
    }
    return result;
  }

  /** Calls a public method of the map; returns its result, or the exception it threw. */
  private Object callCatching(String name, Object... args) {
    Method method = method(name, args.length);
    try {
      return method.invoke(map, args);
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (IllegalAccessException e) {
      return fail(e);
    }
  }

  private Method method(String name, int parameterCount) {
    for (Method method : mapClass.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == parameterCount) {
        return method;
      }
    }
    return fail("no method " + name + "/" + parameterCount);
  }

  /**
   * Defines the generated map classes itself, with assertions disabled; everything else (the
   * runtime, {@link TrapKey}) comes from the test's own class loader.
   */
  private static final class AssertionsOffLoader extends ClassLoader {
    private static final String PREFIX = MAP_CLASS.substring(0, MAP_CLASS.lastIndexOf('.') + 1);

    AssertionsOffLoader(ClassLoader parent) {
      super(parent);
      setDefaultAssertionStatus(false);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PREFIX)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          byte[] bytes = classBytes(name);
          loaded = defineClass(name, bytes, 0, bytes.length);
        }
        return loaded;
      }
    }

    private byte[] classBytes(String name) throws ClassNotFoundException {
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new ClassNotFoundException(name);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
