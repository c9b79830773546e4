package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

  @Test
  void duplicateKeyNamesTheKey() {
    DuplicateKeyException e = DuplicateKeyException.of(42);
    assertInstanceOf(IllegalArgumentException.class, e);
    assertEquals("duplicate key: 42", e.getMessage());
    assertEquals(42, e.key());

    assertEquals("duplicate key: \"abc\"", DuplicateKeyException.of("abc").getMessage());
    assertEquals("duplicate key: 'x'", DuplicateKeyException.of('x').getMessage());
    assertEquals("duplicate key: [1, 2]", DuplicateKeyException.of(new byte[] {1, 2}).getMessage());
    assertEquals("duplicate key: null", DuplicateKeyException.of(null).getMessage());
  }

  @Test
  void duplicateKeyKeepsTheKeyInstance() {
    Object key = new Object();
    assertSame(key, DuplicateKeyException.of(key).key());
  }

  @Test
  void duplicateKeyFromMessageHasNoKey() {
    DuplicateKeyException e = new DuplicateKeyException("custom");
    assertEquals("custom", e.getMessage());
    assertNull(e.key());
  }

  @Test
  void duplicateKeySerializesWithoutTheKey() throws Exception {
    DuplicateKeyException copy = roundTrip(DuplicateKeyException.of(new Object()));
    assertNull(copy.key(), "the key is transient");
  }

  @Test
  void staleHandleNamesTheHandle() {
    long handle = Handles.of(3, 5);
    StaleHandleException e = StaleHandleException.of(handle);
    assertInstanceOf(IllegalStateException.class, e);
    assertEquals(
        "stale handle Handle[index=3, generation=5]: its entry was removed, the map was cleared,"
            + " or it belongs to another map",
        e.getMessage());
    assertEquals(handle, e.handle());
  }

  @Test
  void staleHandleForNoneSaysSo() {
    StaleHandleException e = StaleHandleException.of(Handles.NONE);
    assertEquals("handle is NONE (no entry)", e.getMessage());
    assertEquals(Handles.NONE, e.handle());
  }

  @Test
  void staleHandleFromMessage() throws Exception {
    StaleHandleException e = new StaleHandleException("custom");
    assertEquals("custom", e.getMessage());
    assertEquals(Handles.NONE, e.handle());
    assertEquals(Handles.of(1, 7), roundTrip(StaleHandleException.of(Handles.of(1, 7))).handle());
  }

  @Test
  void otherExceptionsHaveTheirSupertypesAndMessages() {
    WrongMapException wrong = new WrongMapException("wrong");
    assertInstanceOf(IllegalArgumentException.class, wrong);
    assertEquals("wrong", wrong.getMessage());

    MapClosedException closed = new MapClosedException("closed");
    assertInstanceOf(IllegalStateException.class, closed);
    assertEquals("closed", closed.getMessage());

    ReentrancyException reentered = new ReentrancyException("reentered");
    assertInstanceOf(IllegalStateException.class, reentered);
    assertEquals("reentered", reentered.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T roundTrip(T exception)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(exception);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      T copy = (T) in.readObject();
      assertEquals(exception.getMessage(), copy.getMessage());
      return copy;
    }
  }
}
