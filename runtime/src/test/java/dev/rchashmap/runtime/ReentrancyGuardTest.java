package dev.rchashmap.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReentrancyGuardTest {

  @Test
  void enterAndExitReturnTrueAndTrackTheState() {
    ReentrancyGuard guard = new ReentrancyGuard("IntLongHandleHashMap");
    assertFalse(guard.isInside());
    assertTrue(guard.enter("insert"));
    assertTrue(guard.isInside());
    assertTrue(guard.exit());
    assertFalse(guard.isInside());
  }

  @Test
  void secondEnterThrowsNamingBothOperations() {
    ReentrancyGuard guard = new ReentrancyGuard("IntLongHandleHashMap");
    guard.enter("insert");
    ReentrancyException e = assertThrows(ReentrancyException.class, () -> guard.enter("find"));
    assertEquals(
        "IntLongHandleHashMap.find was called from user hash or equality code while"
            + " IntLongHandleHashMap.insert was running; user code must not re-enter the map it"
            + " is called from",
        e.getMessage());
    // The rejected call leaves the outer operation's mark in place.
    assertTrue(guard.isInside());
    ReentrancyException again =
        assertThrows(ReentrancyException.class, () -> guard.enter("remove"));
    assertTrue(again.getMessage().contains("IntLongHandleHashMap.insert was running"));
  }

  @Test
  void checkPassesOutsideAndThrowsInsideWithoutChangingTheState() {
    ReentrancyGuard guard = new ReentrancyGuard("M");
    assertTrue(guard.check("remove"));
    assertFalse(guard.isInside());
    guard.enter("find");
    ReentrancyException e = assertThrows(ReentrancyException.class, () -> guard.check("remove"));
    assertEquals(
        "M.remove was called from user hash or equality code while M.find was running; user code"
            + " must not re-enter the map it is called from",
        e.getMessage());
    assertTrue(guard.isInside());
    guard.exit();
    assertTrue(guard.check("clear"));
  }

  @Test
  void exitAllowsEnteringAgain() {
    ReentrancyGuard guard = new ReentrancyGuard("M");
    guard.enter("find");
    guard.exit();
    assertTrue(guard.enter("insert"));
    ReentrancyException e = assertThrows(ReentrancyException.class, () -> guard.enter("clear"));
    assertTrue(e.getMessage().startsWith("M.clear was called"), e.getMessage());
    assertTrue(e.getMessage().contains("M.insert was running"), e.getMessage());
  }

  @Test
  void worksInTheAssertIdiomOfTheGeneratedMaps() {
    // Surefire enables assertions, as the project's tests require; the idiom must then guard.
    boolean assertionsOn = false;
    assert assertionsOn = true;
    ReentrancyGuard guard = new ReentrancyGuard("M");
    assert guard.enter("find");
    try {
      assertEquals(assertionsOn, guard.isInside());
      if (assertionsOn) {
        assertThrows(ReentrancyException.class, () -> {
          assert guard.enter("insert");
        });
      }
    } finally {
      assert guard.exit();
    }
    assertFalse(guard.isInside());
    assertTrue(assertionsOn, "tests must run with -ea");
  }
}
