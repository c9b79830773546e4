package dev.rchashmap.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.examples.entities.EntityStoreExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EntityStoreExampleTest {

  @Test
  void showsHandleAccessAndStaleHandleRejection() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EntityStoreExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("orc after three hits: orc(hp=0)"), out);
    assertTrue(out.contains("live? false"), out);
    assertTrue(out.contains("troll spawned in slot 0 (orc had slot 0)"), out);
    assertTrue(out.contains("stale handle rejected: stale handle Handle[index=0, generation=1]"), out);
    assertTrue(out.contains("lookup by id 1002: elf(hp=25)"), out);
    assertFalse(out.contains("BUG"), out);
  }
}
