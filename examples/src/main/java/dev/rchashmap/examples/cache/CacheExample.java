package dev.rchashmap.examples.cache;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A cache of open log files on a {@code StringObjRcHashMap<LogFile>}. Clients hold {@code Ref}s;
 * when the last {@code Ref} to a file closes, the removal listener closes the file. Closing the
 * cache while clients still hold {@code Ref}s keeps those entries alive: the {@code Ref}s still
 * read, write and share, while {@code find}/{@code insert} throw {@code MapClosedException}. When
 * the last client lets go, the last file is closed and the on-dispose callback runs.
 */
public final class CacheExample {

  /** An open, appendable log file: the resource the cache shares. */
  public static final class LogFile implements AutoCloseable {
    private final Path path;
    private final BufferedWriter writer;
    private final Consumer<String> events;
    private int lines;
    private boolean closed;

    private LogFile(Path path, Consumer<String> events) throws IOException {
      this.path = path;
      this.writer = Files.newBufferedWriter(path);
      this.events = events;
      events.accept("opened " + path.getFileName());
    }

    /** Appends one line (buffered until the file is closed). */
    public void append(String line) {
      if (closed) {
        throw new IllegalStateException(path.getFileName() + " is closed");
      }
      try {
        writer.write(line);
        writer.newLine();
        lines++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Tells whether the file was closed. */
    public boolean isClosed() {
      return closed;
    }

    /** Flushes and closes the file. */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        try {
          writer.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        events.accept("closed " + path.getFileName() + " after " + lines + " line(s)");
      }
    }
  }

  /** One open {@link LogFile} per name, shared by every client holding a {@code Ref} to it. */
  public static final class LogFileCache implements AutoCloseable {
    private final Path dir;
    private final Consumer<String> events;
    private final StringObjRcHashMap<LogFile> files;

    /** Creates a cache of files in {@code dir} that reports what happens to {@code events}. */
    public LogFileCache(Path dir, Consumer<String> events) {
      this.dir = dir;
      this.events = events;
      this.files =
          StringObjRcHashMap.<LogFile>builder()
              .removalListener(
                  (name, file) -> {
                    events.accept("removal listener: last Ref to " + name + " closed");
                    file.close();
                  })
              .onDispose(() -> events.accept("on-dispose: the cache's storage is released"))
              .build();
    }

    /** Returns a new {@code Ref} to the open file {@code name}, opening it on first use. */
    public StringObjRcHashMap.Ref<LogFile> open(String name) {
      return files.findOrInsert(
          name,
          n -> {
            try {
              return new LogFile(dir.resolve(n), events);
            } catch (IOException e) {
              throw new UncheckedIOException(e); // the map is left unchanged
            }
          });
    }

    /** Returns the number of open files, including those kept alive after {@link #close()}. */
    public int size() {
      return files.size();
    }

    /** The owner lets go; files still held by clients stay open until their last Ref closes. */
    @Override
    public void close() {
      events.accept("cache closed by its owner with " + files.size() + " file(s) still held");
      files.close();
    }
  }

  private CacheExample() {}

  /**
   * Runs the example.
   *
   * @param out where to print what it shows
   */
  public static void run(PrintStream out) {
    int[] step = {0};
    Consumer<String> events = event -> out.println("  " + ++step[0] + ". " + event);
    try {
      Path dir = Files.createTempDirectory("rchashmap-cache");
      LogFileCache cache = new LogFileCache(dir, events);

      out.println("web and api open access.log; batch opens errors.log:");
      StringObjRcHashMap.Ref<LogFile> web = cache.open("access.log");
      StringObjRcHashMap.Ref<LogFile> api = cache.open("access.log");
      StringObjRcHashMap.Ref<LogFile> batch = cache.open("errors.log");
      out.println("web and api share one LogFile: " + (web.value() == api.value()) + "; cache size " + cache.size());
      web.value().append("GET /index.html 200");
      api.value().append("POST /api/login 302");
      batch.value().append("disk 91% full");

      out.println("batch is done with errors.log:");
      batch.close();
      out.println("cache size " + cache.size());

      cache.close();
      // The owner is gone, but the entry web and api hold lives on: read, write, share.
      StringObjRcHashMap.Ref<LogFile> worker = web.share();
      worker.value().append("GET /report.pdf 200");
      api.value().append("GET /logout 200");
      out.println("after close: web, api and a worker they shared it with still write; cache size " + cache.size());
      try {
        cache.open("audit.log");
      } catch (IllegalStateException e) {
        out.println("open(audit.log) on the closed cache: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }

      out.println("web and api let go, then the worker:");
      web.close();
      api.close();
      worker.close();
      out.println("cache size " + cache.size() + "; access.log on disk: " + Files.readAllLines(dir.resolve("access.log")));
      out.println("errors.log on disk: " + Files.readAllLines(dir.resolve("errors.log")));

      Files.delete(dir.resolve("access.log"));
      Files.delete(dir.resolve("errors.log"));
      Files.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
