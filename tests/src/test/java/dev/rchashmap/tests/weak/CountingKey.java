package dev.rchashmap.tests.weak;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A key that counts the calls of its {@code hashCode} and {@code equals} and records the threads
 * they run on, so that tests can check that a weak map runs no user code where it promises not
 * to: while expunging, and on the collector's or the reference handler's threads.
 */
final class CountingKey {
  /** Every thread that ever ran {@code hashCode} or {@code equals} of any {@code CountingKey}. */
  static final Set<Thread> THREADS = ConcurrentHashMap.newKeySet();

  final int id;
  private final AtomicInteger calls = new AtomicInteger();

  CountingKey(int id) {
    this.id = id;
  }

  /** The calls of {@code hashCode} and {@code equals} on {@code key} so far. */
  static int calls(CountingKey key) {
    return key.calls.get();
  }

  /** Forgets the calls counted so far on {@code key}. */
  static void reset(CountingKey key) {
    key.calls.set(0);
  }

  @Override
  public boolean equals(Object other) {
    calls.incrementAndGet();
    THREADS.add(Thread.currentThread());
    return other instanceof CountingKey && ((CountingKey) other).id == id;
  }

  @Override
  public int hashCode() {
    calls.incrementAndGet();
    THREADS.add(Thread.currentThread());
    return Integer.hashCode(id);
  }

  @Override
  public String toString() {
    return "CountingKey(" + id + ")";
  }
}
