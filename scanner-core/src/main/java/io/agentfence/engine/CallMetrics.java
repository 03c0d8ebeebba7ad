package io.agentfence.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for one scan: API calls (one per SDK operation invocation, pages included), attempts
 * (calls plus retries) and throttled responses, per {@code Service:Operation}.
 */
public final class CallMetrics {
  private final ConcurrentHashMap<String, Counter> byOperation = new ConcurrentHashMap<>();

  void call(String op) {
    counter(op).calls.increment();
  }

  void attempt(String op) {
    counter(op).attempts.increment();
  }

  void throttled(String op) {
    counter(op).throttles.increment();
  }

  private Counter counter(String op) {
    return byOperation.computeIfAbsent(op, k -> new Counter());
  }

  public long calls() {
    return byOperation.values().stream().mapToLong(c -> c.calls.sum()).sum();
  }

  public long retries() {
    return byOperation.values().stream().mapToLong(c -> Math.max(0, c.attempts.sum() - c.calls.sum())).sum();
  }

  public long throttles() {
    return byOperation.values().stream().mapToLong(c -> c.throttles.sum()).sum();
  }

  /** Calls per {@code Service:Operation}, sorted. */
  public Map<String, Long> callsByOperation() {
    Map<String, Long> out = new TreeMap<>();
    byOperation.forEach((k, v) -> out.put(k, v.calls.sum()));
    return out;
  }

  private static final class Counter {
    final LongAdder calls = new LongAdder();
    final LongAdder attempts = new LongAdder();
    final LongAdder throttles = new LongAdder();
  }
}
