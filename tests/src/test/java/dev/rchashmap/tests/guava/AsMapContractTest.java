package dev.rchashmap.tests.guava;

import com.google.common.collect.testing.MapTestSuiteBuilder;
import com.google.common.collect.testing.features.CollectionFeature;
import com.google.common.collect.testing.features.CollectionSize;
import com.google.common.collect.testing.features.Feature;
import com.google.common.collect.testing.features.MapFeature;
import com.google.common.collect.testing.testers.CollectionAddAllTester;
import com.google.common.collect.testing.testers.CollectionRetainAllTester;
import com.google.common.collect.testing.testers.MapPutAllTester;
import dev.rchashmap.runtime.Handles;
import dev.rchashmap.tests.combos.BooleanLongHandleHashMap;
import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.IntLongRcHashMap;
import dev.rchashmap.tests.layers.ObjObjCountedHashMap;
import dev.rchashmap.tests.layers.ObjObjHandleHashMap;
import dev.rchashmap.tests.layers.ObjObjRcHashMap;
import dev.rchashmap.tests.maps.DoubleDoubleHandleHashMap;
import dev.rchashmap.tests.maps.IntLongHandleHashMap;
import dev.rchashmap.tests.maps.StringIntHandleHashMap;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import junit.framework.Test;
import junit.framework.TestSuite;
import org.junit.runner.RunWith;
import org.junit.runners.AllTests;

/**
 * The {@code java.util.Map} contract of the {@code asMap()} views (SPEC 7.1), checked by Guava
 * testlib's {@link MapTestSuiteBuilder}: the map itself and its derived entry set, key set and
 * values collection, at sizes 0, 1 and 3. JUnit 3 suites, run on the JUnit Platform by the vintage
 * engine.
 *
 * <p><b>Handle layer</b> ({@link #handleFeatures}): a general-purpose map.
 *
 * <ul>
 *   <li>{@code GENERAL_PURPOSE}: put, remove and every default method built on them; the views'
 *       removal; {@code SUPPORTS_ITERATOR_REMOVE}.
 *   <li>{@code ALLOWS_ANY_NULL_QUERIES}: {@code get}, {@code containsKey}, {@code remove} of a
 *       {@code null} key answer {@code null}/{@code false}, and so do null value and null entry
 *       queries.
 *   <li>{@code ALLOWS_NULL_VALUES} for reference values only; primitive values reject a null
 *       value with {@code NullPointerException}, which Guava checks when the feature is absent.
 *   <li>{@code FAILS_FAST_ON_CONCURRENT_MODIFICATION}: iterators of the views throw
 *       {@code ConcurrentModificationException} after a structural change made elsewhere.
 *   <li>{@code KNOWN_ORDER}: iteration is slot order, and a map that was only filled hands out its
 *       slots in insertion order whatever its seed (see {@link ViewGenerator}), so Guava checks the
 *       order of every view. This is the order of these test maps, not a promise of insertion
 *       order: once slots are reused a new entry takes the place of an old one.
 *   <li>{@code CollectionSize.ANY}, except for {@code boolean} keys (below).
 * </ul>
 *
 * <p>Left out, as they do not apply: {@code ALLOWS_NULL_KEYS} (no map holds a {@code null} key:
 * {@code put(null, v)} throws {@code NullPointerException}, which Guava checks);
 * {@code SERIALIZABLE} and {@code SERIALIZABLE_INCLUDING_VIEWS} (neither maps nor views are
 * serializable); {@code REJECTS_DUPLICATES_AT_CREATION} (the test maps are filled with
 * {@code put}, the last value wins, as Guava expects without the feature);
 * {@code RESTRICTS_KEYS}/{@code RESTRICTS_VALUES} (left out so that Guava checks that queries with
 * keys and values of another type answer {@code false}/{@code null} instead of throwing);
 * {@code NON_STANDARD_TOSTRING} (the views print like {@code AbstractMap});
 * {@code SUPPORTS_ADD} (a map's collection views cannot add, as in every {@code Map}).
 *
 * <p><b>Counted and Rc layers</b> ({@link #readOnlyFeatures}): unmodifiable views, so without
 * {@code SUPPORTS_PUT}, {@code SUPPORTS_REMOVE} and {@code SUPPORTS_ITERATOR_REMOVE}: Guava checks
 * that every mutator, of the map, of its views, of their iterators and of the entries
 * ({@code setValue}), throws {@code UnsupportedOperationException} and changes nothing.
 * {@code FAILS_FAST_ON_CONCURRENT_MODIFICATION} is claimed but no Guava tester can exercise it
 * without {@code SUPPORTS_PUT} or {@code SUPPORTS_REMOVE}; the behaviour tests of the layers check
 * it.
 *
 * <p><b>{@code boolean} keys</b>: Guava needs five sample entries with distinct keys (three present
 * at size 3 and two more absent), and {@code boolean} has two values. So the suite runs at sizes 0
 * and 1 only, with samples {@code k0 = false, k1 = true, k2 = false, k3 = true, k4 = false}, as
 * two suites. At size 0 the absent keys {@code k3, k4} are distinct and every tester runs. At size 1
 * ({@code false} present) the three testers that need {@code k3} and {@code k4} both absent cannot
 * be served, {@code k4} being {@code false} again: they are suppressed in that suite only (see
 * {@link #BOOLEAN_SUPPRESSED}), because the samples collide, not because the map fails; they run in
 * every other suite. Size 3 is left out: there are no three distinct keys.
 */
@RunWith(AllTests.class)
public final class AsMapContractTest {

  private AsMapContractTest() {}

  /** Every suite; the vintage engine runs it. */
  public static Test suite() {
    TestSuite suite = new TestSuite("asMap views, Guava testlib");
    suite.addTest(intLongHandle());
    suite.addTest(objObjHandle());
    suite.addTest(stringIntHandle());
    suite.addTest(doubleDoubleHandle());
    suite.addTest(booleanLongHandle());
    suite.addTest(intLongCounted());
    suite.addTest(objObjCounted());
    suite.addTest(intLongRc());
    suite.addTest(objObjRc());
    return suite;
  }

  private static final Integer[] INT_KEYS = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 1 << 20};

  private static final Long[] LONG_VALUES = {Long.MIN_VALUE, 0L, -1L, Long.MAX_VALUE, 42L};

  private static final String[] STRING_KEYS = {"", "Aa", "BB", "one", "two"}; // "Aa", "BB" collide

  private static final String[] STRING_VALUES = {"A", "B", "C", "D", "E"};

  /** Keys that {@code Double.equals} tells apart, as the map does: NaN, signed zeros. */
  private static final Double[] DOUBLE_KEYS = {
    0.0, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE
  };

  private static final Double[] DOUBLE_VALUES = {Double.NaN, -0.0, 0.0, 1.5, Double.MAX_VALUE};

  private static final Integer[] INT_VALUES = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE};

  private static final Boolean[] BOOLEAN_KEYS = {false, true, false, true, false};

  static Feature<?>[] handleFeatures(boolean nullValues, CollectionSize... sizes) {
    List<Feature<?>> features = new ArrayList<>();
    features.add(MapFeature.GENERAL_PURPOSE);
    features.add(MapFeature.ALLOWS_ANY_NULL_QUERIES);
    features.add(MapFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION);
    features.add(CollectionFeature.SUPPORTS_ITERATOR_REMOVE);
    features.add(CollectionFeature.KNOWN_ORDER);
    if (nullValues) {
      features.add(MapFeature.ALLOWS_NULL_VALUES);
    }
    features.addAll(List.of(sizes));
    return features.toArray(new Feature<?>[0]);
  }

  static Feature<?>[] readOnlyFeatures(boolean nullValues) {
    List<Feature<?>> features = new ArrayList<>();
    features.add(MapFeature.ALLOWS_ANY_NULL_QUERIES);
    features.add(MapFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION);
    features.add(CollectionFeature.KNOWN_ORDER);
    if (nullValues) {
      features.add(MapFeature.ALLOWS_NULL_VALUES);
    }
    features.add(CollectionSize.ANY);
    return features.toArray(new Feature<?>[0]);
  }

  // -----------------------------------------------------------------------------------------------
  // Handle layer

  /** Expected size 0: the map grows under the view at once, index and slot storage. */
  static Test intLongHandle() {
    return MapTestSuiteBuilder.using(
            new ViewGenerator<>(
                Integer.class,
                Long.class,
                INT_KEYS,
                LONG_VALUES,
                ViewGenerator.putting(
                    () -> new IntLongHandleHashMap(0),
                    IntLongHandleHashMap::put,
                    IntLongHandleHashMap::asMap)))
        .named("IntLongHandleHashMap.asMap")
        .withFeatures(handleFeatures(false, CollectionSize.ANY))
        .createTestSuite();
  }

  static Test objObjHandle() {
    return MapTestSuiteBuilder.using(
            new ViewGenerator<>(
                String.class,
                String.class,
                STRING_KEYS,
                STRING_VALUES,
                ViewGenerator.<ObjObjHandleHashMap<String, String>, String, String>putting(
                    ObjObjHandleHashMap::new, ObjObjHandleHashMap::put, ObjObjHandleHashMap::asMap)))
        .named("ObjObjHandleHashMap[String,String].asMap")
        .withFeatures(handleFeatures(true, CollectionSize.ANY))
        .createTestSuite();
  }

  static Test stringIntHandle() {
    return MapTestSuiteBuilder.using(
            new ViewGenerator<>(
                String.class,
                Integer.class,
                STRING_KEYS,
                INT_VALUES,
                ViewGenerator.putting(
                    StringIntHandleHashMap::new,
                    StringIntHandleHashMap::put,
                    StringIntHandleHashMap::asMap)))
        .named("StringIntHandleHashMap.asMap")
        .withFeatures(handleFeatures(false, CollectionSize.ANY))
        .createTestSuite();
  }

  static Test doubleDoubleHandle() {
    return MapTestSuiteBuilder.using(
            new ViewGenerator<>(
                Double.class,
                Double.class,
                DOUBLE_KEYS,
                DOUBLE_VALUES,
                ViewGenerator.putting(
                    DoubleDoubleHandleHashMap::new,
                    DoubleDoubleHandleHashMap::put,
                    DoubleDoubleHandleHashMap::asMap)))
        .named("DoubleDoubleHandleHashMap.asMap")
        .withFeatures(handleFeatures(false, CollectionSize.ANY))
        .createTestSuite();
  }

  /** Sizes 0 and 1 only, as separate suites; see the class comment. */
  static Test booleanLongHandle() {
    TestSuite suite = new TestSuite("BooleanLongHandleHashMap.asMap");
    suite.addTest(
        booleanLongSuite()
            .named("BooleanLongHandleHashMap.asMap, empty")
            .withFeatures(handleFeatures(false, CollectionSize.ZERO))
            .createTestSuite());
    suite.addTest(
        booleanLongSuite()
            .named("BooleanLongHandleHashMap.asMap, one entry")
            .withFeatures(handleFeatures(false, CollectionSize.ONE))
            .suppressing(BOOLEAN_SUPPRESSED)
            .createTestSuite());
    return suite;
  }

  private static MapTestSuiteBuilder<Boolean, Long> booleanLongSuite() {
    return MapTestSuiteBuilder.using(
        new ViewGenerator<>(
            Boolean.class,
            Long.class,
            BOOLEAN_KEYS,
            LONG_VALUES,
            ViewGenerator.putting(
                BooleanLongHandleHashMap::new,
                BooleanLongHandleHashMap::put,
                BooleanLongHandleHashMap::asMap)));
  }

  /**
   * The testers that cannot run on {@code boolean} keys at size 1, where {@code k0} ({@code false})
   * is present: each needs {@code k3} and {@code k4} both absent, and {@code k4} is {@code false}
   * again. They pass with distinct samples in every other suite.
   *
   * <ul>
   *   <li>{@code putAll} of {@code {k3, k4}}, expected to add two entries;
   *   <li>{@code keySet().addAll({k3, k4})}, expected to leave {@code k4} missing;
   *   <li>{@code keySet().retainAll({k3, k4})}, expected to be disjoint from the keys.
   * </ul>
   */
  private static final Method[] BOOLEAN_SUPPRESSED = {
    method(MapPutAllTester.class, "testPutAll_supportedNonePresent"),
    method(CollectionAddAllTester.class, "testAddAll_unsupportedNonePresent"),
    method(CollectionRetainAllTester.class, "testRetainAll_disjointPreviouslyNonEmpty"),
  };

  private static Method method(Class<?> tester, String name) {
    try {
      return tester.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new AssertionError("Guava testlib has no " + tester.getSimpleName() + "." + name, e);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Counted and Rc layers: read-only views

  /** Counted maps are filled with {@code tryInsert}; a duplicate key takes the last value. */
  static Test intLongCounted() {
    return MapTestSuiteBuilder.using(
            new ViewGenerator<>(
                Integer.class,
                Long.class,
                INT_KEYS,
                LONG_VALUES,
                ViewGenerator.putting(
                    IntLongCountedHashMap::new,
                    (map, key, value) -> {
                      if (map.tryInsert(key, value) == Handles.NONE) {
                        long handle = map.find(key); // +1
                        map.setValue(handle, value);
                        map.release(handle); // back to 1
                      }
                    },
                    IntLongCountedHashMap::asMap)))
        .named("IntLongCountedHashMap.asMap")
        .withFeatures(readOnlyFeatures(false))
        .createTestSuite();
  }

  static Test objObjCounted() {
    return MapTestSuiteBuilder.using(
            new ViewGenerator<>(
                String.class,
                String.class,
                STRING_KEYS,
                STRING_VALUES,
                ViewGenerator.<ObjObjCountedHashMap<String, String>, String, String>putting(
                    ObjObjCountedHashMap::new,
                    (map, key, value) -> {
                      if (map.tryInsert(key, value) == Handles.NONE) {
                        long handle = map.find(key);
                        map.setValue(handle, value);
                        map.release(handle);
                      }
                    },
                    ObjObjCountedHashMap::asMap)))
        .named("ObjObjCountedHashMap[String,String].asMap")
        .withFeatures(readOnlyFeatures(true))
        .createTestSuite();
  }

  /**
   * The {@code Ref}s that keep the entries of the Rc test maps, closed after each test of the
   * suites that made them; those of the derived suites (which Guava runs without the tear-down)
   * are closed after the next test that has one, or stay reachable here, so none is reported as a
   * leak.
   */
  private static final List<AutoCloseable> OPEN_REFS = new ArrayList<>();

  private static void closeRefs() {
    for (AutoCloseable ref : OPEN_REFS) {
      try {
        ref.close();
      } catch (Exception e) {
        throw new AssertionError("closing a Ref", e);
      }
    }
    OPEN_REFS.clear();
  }

  static Test intLongRc() {
    return MapTestSuiteBuilder.using(
            new ViewGenerator<>(
                Integer.class,
                Long.class,
                INT_KEYS,
                LONG_VALUES,
                entries -> {
                  IntLongRcHashMap map = new IntLongRcHashMap();
                  Map<Integer, IntLongRcHashMap.Ref> refs = new HashMap<>();
                  for (Map.Entry<Integer, Long> entry : entries) {
                    IntLongRcHashMap.Ref ref = refs.get(entry.getKey());
                    if (ref == null) {
                      ref = map.insert(entry.getKey(), entry.getValue());
                      refs.put(entry.getKey(), ref);
                      OPEN_REFS.add(ref);
                    } else {
                      ref.setValue(entry.getValue());
                    }
                  }
                  return map.asMap();
                }))
        .named("IntLongRcHashMap.asMap")
        .withFeatures(readOnlyFeatures(false))
        .withTearDown(AsMapContractTest::closeRefs)
        .createTestSuite();
  }

  static Test objObjRc() {
    return MapTestSuiteBuilder.using(
            new ViewGenerator<>(
                String.class,
                String.class,
                STRING_KEYS,
                STRING_VALUES,
                entries -> {
                  ObjObjRcHashMap<String, String> map = new ObjObjRcHashMap<>();
                  Map<String, ObjObjRcHashMap.Ref<String, String>> refs = new HashMap<>();
                  for (Map.Entry<String, String> entry : entries) {
                    ObjObjRcHashMap.Ref<String, String> ref = refs.get(entry.getKey());
                    if (ref == null) {
                      ref = map.insert(entry.getKey(), entry.getValue());
                      refs.put(entry.getKey(), ref);
                      OPEN_REFS.add(ref);
                    } else {
                      ref.setValue(entry.getValue());
                    }
                  }
                  return map.asMap();
                }))
        .named("ObjObjRcHashMap[String,String].asMap")
        .withFeatures(readOnlyFeatures(true))
        .withTearDown(AsMapContractTest::closeRefs)
        .createTestSuite();
  }
}
