package io.agentfence.engine;

import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;

/**
 * The {@code --concurrency} limit: API calls on the wire at the same time, across every client of a
 * scan (member accounts, the organization walk, AssumeRole). A call takes a slot after it has its
 * rate-budget token and gives it back when the response arrives or the attempt fails. Counting
 * calls rather than (account, region) units is what lets a unit that is waiting for its budget
 * (e.g. an AgentCore region with more Gets than the burst) leave the slot to another unit: with a
 * slot per unit, a rate-limited unit idled its slot while it slept. The engine runs more units than
 * slots for that reason (see ScanEngine).
 */
final class InFlight {
  private static final ExecutionAttribute<Boolean> HELD = new ExecutionAttribute<>("agentfence.inFlightSlot");

  private final Semaphore slots;

  InFlight(int concurrency) {
    // Fair: a unit that gave its slot back to wait for the budget queues behind the others.
    this.slots = new Semaphore(concurrency, true);
  }

  void acquire(ExecutionAttributes attributes) throws InterruptedException {
    slots.acquire();
    attributes.putAttribute(HELD, Boolean.TRUE);
  }

  /** Gives the attempt's slot back, if it holds one; safe to call more than once. */
  void release(ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(HELD))) {
      attributes.putAttribute(HELD, Boolean.FALSE);
      slots.release();
    }
  }
}
