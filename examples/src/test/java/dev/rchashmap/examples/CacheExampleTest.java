package dev.rchashmap.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rchashmap.examples.cache.CacheExample;
import dev.rchashmap.examples.cache.CacheExample.LogFile;
import dev.rchashmap.examples.cache.CacheExample.LogFileCache;
import dev.rchashmap.examples.cache.StringObjRcHashMap.Ref;
import dev.rchashmap.runtime.MapClosedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheExampleTest {

  @TempDir Path dir;

  private final List<String> events = new ArrayList<>();

  @Test
  void printsEventsInOrder() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CacheExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    List<String> numbered = out.lines().filter(line -> line.matches("\\s+\\d+\\. .*")).map(String::trim).toList();
    assertEquals(
        List.of(
            "1. opened access.log",
            "2. opened errors.log",
            "3. removal listener: last Ref to errors.log closed",
            "4. closed errors.log after 1 line(s)",
            "5. cache closed by its owner with 1 file(s) still held",
            "6. removal listener: last Ref to access.log closed",
            "7. closed access.log after 4 line(s)",
            "8. on-dispose: the cache's storage is released"),
        numbered,
        out);
    assertTrue(out.contains("web and api share one LogFile: true; cache size 2"), out);
    assertTrue(out.contains("still write; cache size 1"), out);
    assertTrue(out.contains("open(audit.log) on the closed cache: MapClosedException"), out);
    assertTrue(out.contains("access.log on disk: [GET /index.html 200, POST /api/login 302, GET /report.pdf 200, GET /logout 200]"), out);
    assertTrue(out.contains("cache size 0;"), out);
  }

  @Test
  void lastRefClosesTheFileAndRefsOutliveTheCache() throws IOException {
    LogFileCache cache = new LogFileCache(dir, events::add);
    Ref<LogFile> a = cache.open("a.log");
    Ref<LogFile> b = cache.open("a.log");
    LogFile file = a.value();
    assertSame(file, b.value());
    assertEquals(List.of("opened a.log"), events);

    a.close();
    assertFalse(file.isClosed());
    cache.close();
    assertThrows(MapClosedException.class, () -> cache.open("a.log"));
    assertThrows(MapClosedException.class, () -> cache.open("b.log"));

    Ref<LogFile> c = b.share(); // sharing still works after the owner let go
    c.value().append("kept alive");
    b.close();
    assertFalse(file.isClosed());
    assertEquals(1, cache.size());
    c.close();
    assertTrue(file.isClosed());
    assertEquals(0, cache.size());
    assertEquals(
        List.of(
            "opened a.log",
            "cache closed by its owner with 1 file(s) still held",
            "removal listener: last Ref to a.log closed",
            "closed a.log after 1 line(s)",
            "on-dispose: the cache's storage is released"),
        events);
    assertEquals(List.of("kept alive"), Files.readAllLines(dir.resolve("a.log")));
    assertThrows(IllegalStateException.class, () -> file.append("late"));
  }

  @Test
  void closingAnEmptyCacheDisposesAtOnce() {
    LogFileCache cache = new LogFileCache(dir, events::add);
    cache.open("x.log").close();
    cache.close();
    assertEquals("on-dispose: the cache's storage is released", events.get(events.size() - 1));
  }

  @Test
  void aFileThatFailsToOpenLeavesTheCacheUnchanged() {
    try (LogFileCache cache = new LogFileCache(dir, events::add)) {
      assertThrows(UncheckedIOException.class, () -> cache.open("no-such-dir/x.log"));
      assertEquals(0, cache.size());
      try (Ref<LogFile> ref = cache.open("x.log")) {
        assertEquals(1, cache.size());
        ref.value().append("ok");
      }
      assertEquals(0, cache.size());
    }
  }
}
