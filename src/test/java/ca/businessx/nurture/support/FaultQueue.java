package ca.businessx.nurture.support;

import java.util.ArrayDeque;
import java.util.Deque;

/** Faults a fake server applies to its next requests, one per request, in the order injected. */
public final class FaultQueue<F> {
  private final Deque<F> pending = new ArrayDeque<>();

  public synchronized void inject(F fault, int times) {
    for (int i = 0; i < times; i++) {
      pending.addLast(fault);
    }
  }

  /** The fault for the request now arriving, or null when it should be served normally. */
  public synchronized F next() {
    return pending.pollFirst();
  }

  public synchronized void clear() {
    pending.clear();
  }
}
