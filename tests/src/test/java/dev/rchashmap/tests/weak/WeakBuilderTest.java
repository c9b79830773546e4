package dev.rchashmap.tests.weak;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.runtime.Weakness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The builder refuses a weakness that counts on a side the map holds strongly because it is a
 * primitive (such an entry would stay for ever); a weakness that also counts on the reference
 * side is accepted and acts on that side alone.
 */
class WeakBuilderTest {

  @ParameterizedTest
  @EnumSource(value = Weakness.class, names = {"KEY", "KEY_OR_VALUE"})
  void aPrimitiveKeyMapRefusesWeaknessesThatCountOnKeys(Weakness weakness) {
    IntObjWeakHandleHashMap.Builder<Object> builder =
        IntObjWeakHandleHashMap.<Object>builder().weakness(weakness);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains(weakness.name()), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = Weakness.class, names = {"VALUE", "KEY_OR_VALUE"})
  void aPrimitiveValueMapRefusesWeaknessesThatCountOnValues(Weakness weakness) {
    StringIntWeakHandleHashMap.Builder builder =
        StringIntWeakHandleHashMap.builder().weakness(weakness);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains(weakness.name()), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = Weakness.class, names = {"VALUE", "KEY_AND_VALUE"})
  void aPrimitiveKeyMapAcceptsWeaknessesThatCountOnValues(Weakness weakness) {
    assertDoesNotThrow(() -> IntObjWeakHandleHashMap.<Object>builder().weakness(weakness).build());
  }

  @ParameterizedTest
  @EnumSource(value = Weakness.class, names = {"KEY", "KEY_AND_VALUE"})
  void aPrimitiveValueMapAcceptsWeaknessesThatCountOnKeys(Weakness weakness) {
    assertDoesNotThrow(() -> StringIntWeakHandleHashMap.builder().weakness(weakness).build());
  }

  @ParameterizedTest
  @EnumSource(Weakness.class)
  void aMapOfTwoReferenceTypesAcceptsEveryWeakness(Weakness weakness) {
    assertDoesNotThrow(
        () -> ObjObjWeakHandleHashMap.<Object, Object>builder().weakness(weakness).build());
  }

  @Test
  void aNullWeaknessIsRefused() {
    assertThrows(NullPointerException.class,
        () -> ObjObjWeakHandleHashMap.<Object, Object>builder().weakness(null));
  }
}
