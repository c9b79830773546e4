package dev.rchashmap.tests.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.tests.layers.IntLongCountedHashMap;
import dev.rchashmap.tests.layers.IntLongHandleHashMap;
import dev.rchashmap.tests.layers.IntLongRcHashMap;
import dev.rchashmap.tests.layers.ObjObjCountedHashMap;
import dev.rchashmap.tests.layers.ObjObjHandleHashMap;
import dev.rchashmap.tests.layers.ObjObjRcHashMap;
import dev.rchashmap.tests.weak.IntObjWeakHandleHashMap;
import dev.rchashmap.tests.weak.ObjObjWeakHandleHashMap;
import dev.rchashmap.tests.weak.StringIntWeakHandleHashMap;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No member of a generated class lets other code in the user's package read a vacant slot or
 * change the map behind its back (SPEC 7.4): every member is public or private, except the one
 * read-only hook the Rc layer needs of its counted map.
 */
class GeneratedApiShapeTest {
  private static final List<Class<?>> MAPS =
      List.of(
          IntLongHandleHashMap.class,
          IntLongCountedHashMap.class,
          IntLongRcHashMap.class,
          ObjObjHandleHashMap.class,
          ObjObjCountedHashMap.class,
          ObjObjRcHashMap.class,
          ObjObjWeakHandleHashMap.class,
          StringIntWeakHandleHashMap.class,
          IntObjWeakHandleHashMap.class);

  /** The counted map's {@code notReentered(String)}: it only reads the reentrancy guard. */
  private static final Set<String> ALLOWED = Set.of("notReentered");

  @Test
  void everyMemberIsPublicOrPrivate() {
    List<String> packageVisible = new ArrayList<>();
    for (Class<?> map : MAPS) {
      for (Class<?> type : withNested(map)) {
        Stream.of(type.getDeclaredMethods(), type.getDeclaredFields(), type.getDeclaredConstructors())
            .flatMap(Stream::of)
            .map(member -> (Member) member)
            .filter(member -> !member.isSynthetic())
            .filter(member -> !Modifier.isPublic(member.getModifiers()) && !Modifier.isPrivate(member.getModifiers()))
            .filter(member -> !(type.isInterface()))
            .filter(member -> !ALLOWED.contains(member.getName()))
            .forEach(member -> packageVisible.add(type.getName() + "." + member.getName()));
      }
    }
    assertEquals(List.of(), packageVisible, "members other code in the package could use");
  }

  @Test
  void theOnlyHookIsTheCountedMapsReentrancyCheck() throws ReflectiveOperationException {
    Member hook = IntLongCountedHashMap.class.getDeclaredMethod("notReentered", String.class);
    assertTrue(!Modifier.isPublic(hook.getModifiers()) && !Modifier.isPrivate(hook.getModifiers()));
    assertEquals(boolean.class, IntLongCountedHashMap.class.getDeclaredMethod("notReentered", String.class).getReturnType());
  }

  /** Each layer's ValueFactory stands alone: none extends another layer's. */
  @Test
  void valueFactoriesOfTheLayersAreAlike() {
    assertEquals(0, IntLongHandleHashMap.ValueFactory.class.getInterfaces().length);
    assertEquals(0, IntLongCountedHashMap.ValueFactory.class.getInterfaces().length);
    assertEquals(0, IntLongRcHashMap.ValueFactory.class.getInterfaces().length);
  }

  private static List<Class<?>> withNested(Class<?> map) {
    List<Class<?>> types = new ArrayList<>(List.of(map));
    types.addAll(List.of(map.getDeclaredClasses()));
    return types;
  }
}
