package dev.rchashmap.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Bindings#argumentsIn} hands JavaPoet exactly the named arguments a fragment uses. */
class BindingsTest {
  private final Bindings bindings =
      new Bindings(List.of())
          .put("key", TypeName.INT)
          .put("value", TypeName.LONG)
          .put("hashing", ClassName.get("dev.rchashmap.runtime", "Hashing"))
          .put("simpleName", "IntLongHandleHashMap")
          .put("unused_2", "never referred to");

  @Test
  void onlyTheNamesTheFormatRefersToInTheOrderItUsesThem() {
    String format = "$value:T v = ($value:T) $hashing:T.mix($key:T.MAX_VALUE, seed);\n";
    assertEquals(List.of("value", "hashing", "key"), List.copyOf(bindings.argumentsIn(format).keySet()));
  }

  @Test
  void escapedDollarsPositionalArgumentsAndUnboundNamesAreNotArguments() {
    assertEquals(Map.of(), bindings.argumentsIn("String s = \"$$key:T\";\n"));
    assertEquals(Map.of(), bindings.argumentsIn("$<$>$W$L"));
    assertEquals(Map.of(), bindings.argumentsIn("$nope:T x; $key"));
    assertEquals(Map.of("key", TypeName.INT), bindings.argumentsIn("$$$key:T"));
  }

  @Test
  void theFilledFragmentIsWhatAllArgumentsGive() {
    String format = "$simpleName:L map = new $simpleName:L(); // $$ $key:T\n";
    Map<String, Object> all =
        Map.of("key", TypeName.INT, "value", TypeName.LONG, "simpleName", "IntLongHandleHashMap");
    assertEquals(
        CodeBlock.builder().addNamed(format, all).build().toString(),
        CodeBlock.builder().addNamed(format, bindings.argumentsIn(format)).build().toString());
  }

  @Test
  void aNameThatIsNotBoundIsStillAnError() {
    String format = "$missing:T x;\n";
    assertThrows(
        IllegalArgumentException.class,
        () -> CodeBlock.builder().addNamed(format, bindings.argumentsIn(format)));
  }
}
