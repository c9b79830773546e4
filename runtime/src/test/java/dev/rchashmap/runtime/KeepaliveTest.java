package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeepaliveTest {

  @Test
  void startsWithTheOwnersUnit() {
    AtomicInteger runs = new AtomicInteger();
    Keepalive keepalive = new Keepalive(runs::incrementAndGet);
    assertEquals(1, keepalive.units());
    assertFalse(keepalive.isReleased());
    assertEquals("Keepalive[units=1]", keepalive.toString());
    assertEquals(0, runs.get());
  }

  @Test
  void rejectsANullAction() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> new Keepalive(null));
    assertEquals("onRelease", e.getMessage());
  }

  @Test
  void countsAcquiresAndReleases() {
    AtomicInteger runs = new AtomicInteger();
    Keepalive keepalive = new Keepalive(runs::incrementAndGet);
    keepalive.acquire();
    keepalive.acquire();
    assertEquals(3, keepalive.units());
    assertEquals("Keepalive[units=3]", keepalive.toString());
    assertFalse(keepalive.release());
    assertEquals(2, keepalive.units());
    keepalive.acquire();
    assertEquals(3, keepalive.units());
    assertFalse(keepalive.release());
    assertFalse(keepalive.release());
    assertEquals(1, keepalive.units());
    assertFalse(keepalive.isReleased());
    assertEquals(0, runs.get());
  }

  @Test
  void lastReleaseRunsTheActionExactlyOnce() {
    AtomicInteger runs = new AtomicInteger();
    Keepalive[] self = new Keepalive[1];
    Keepalive keepalive =
        new Keepalive(
            () -> {
              // The action sees the keepalive already released.
              assertTrue(self[0].isReleased());
              runs.incrementAndGet();
            });
    self[0] = keepalive;
    keepalive.acquire();
    assertFalse(keepalive.release()); // the owner lets go; the entry keeps the storage
    assertEquals(0, runs.get());
    assertTrue(keepalive.release()); // the entry's unit is the last one
    assertEquals(1, runs.get());
    assertTrue(keepalive.isReleased());
    assertEquals(0, keepalive.units());
    assertEquals("Keepalive[released]", keepalive.toString());
  }

  @Test
  void releaseAfterReleasedThrowsAndDoesNotRunTheActionAgain() {
    AtomicInteger runs = new AtomicInteger();
    Keepalive keepalive = new Keepalive(runs::incrementAndGet);
    assertTrue(keepalive.release());
    IllegalStateException e = assertThrows(IllegalStateException.class, keepalive::release);
    assertTrue(e.getMessage().contains("already released"), e.getMessage());
    assertEquals(1, runs.get());
    assertEquals(0, keepalive.units());
  }

  @Test
  void acquireAfterReleasedThrows() {
    AtomicInteger runs = new AtomicInteger();
    Keepalive keepalive = new Keepalive(runs::incrementAndGet);
    assertTrue(keepalive.release());
    IllegalStateException e = assertThrows(IllegalStateException.class, keepalive::acquire);
    assertTrue(e.getMessage().contains("already released"), e.getMessage());
    assertEquals(0, keepalive.units());
    assertTrue(keepalive.isReleased());
    assertEquals(1, runs.get());
  }

  @Test
  void anActionThatThrowsLeavesTheKeepaliveReleased() {
    AtomicInteger runs = new AtomicInteger();
    IllegalArgumentException failure = new IllegalArgumentException("dispose failed");
    Keepalive keepalive =
        new Keepalive(
            () -> {
              runs.incrementAndGet();
              throw failure;
            });
    keepalive.acquire();
    assertFalse(keepalive.release());
    assertSame(failure, assertThrows(IllegalArgumentException.class, keepalive::release));
    assertTrue(keepalive.isReleased());
    assertEquals(0, keepalive.units());
    assertThrows(IllegalStateException.class, keepalive::release);
    assertThrows(IllegalStateException.class, keepalive::acquire);
    assertEquals(1, runs.get());
  }

  @Test
  void acquireRefusesToOverflowAndNamesTheCount() throws ReflectiveOperationException {
    Keepalive keepalive = new Keepalive(() -> {});
    // Reaching Integer.MAX_VALUE by acquiring would take billions of calls; set the count.
    Field units = Keepalive.class.getDeclaredField("units");
    units.setAccessible(true);
    units.setInt(keepalive, Integer.MAX_VALUE - 1);
    keepalive.acquire();
    assertEquals(Integer.MAX_VALUE, keepalive.units());
    IllegalStateException e = assertThrows(IllegalStateException.class, keepalive::acquire);
    assertTrue(e.getMessage().contains(Integer.toString(Integer.MAX_VALUE)), e.getMessage());
    assertEquals(Integer.MAX_VALUE, keepalive.units());
    assertFalse(keepalive.release());
    assertEquals(Integer.MAX_VALUE - 1, keepalive.units());
  }
}
