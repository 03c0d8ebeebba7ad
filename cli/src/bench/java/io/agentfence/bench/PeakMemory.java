package io.agentfence.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Memory figures of this JVM. Two heap numbers, because they answer different questions:
 * <ul>
 *   <li>peak heap used: the sum of every heap pool's peak (MemoryPoolMXBean), i.e. the most the
 *       heap ever held, garbage included; it depends on when the collector happened to run;</li>
 *   <li>peak live heap: the largest heap in use right after a collection (GC notifications), i.e.
 *       what the scan really retains at its busiest; this is the number that must grow linearly.</li>
 * </ul>
 * Plus the process's peak resident set (VmHWM from /proc/self/status): heap, metaspace, threads,
 * code cache and direct buffers together.
 */
final class PeakMemory {
  private final AtomicLong peakAfterGc = new AtomicLong();

  PeakMemory() {
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((n, h) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
          }
          var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long used = 0;
          for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (isHeap(e.getKey())) {
              used += e.getValue().getUsed();
            }
          }
          peakAfterGc.accumulateAndGet(used, Math::max);
        }, null, null);
      }
    }
  }

  private static boolean isHeap(String pool) {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getName().equals(pool)) {
        return p.getType() == MemoryType.HEAP;
      }
    }
    return false;
  }

  /** Forgets earlier peaks (pools and the GC listener); VmHWM cannot be reset from Java. */
  void reset() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    peakAfterGc.set(0);
  }

  long peakHeapUsed() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Largest heap in use after any collection; a final full GC makes sure there is at least one. */
  long peakLiveHeap() {
    return peakAfterGc.get();
  }

  static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  /** Peak resident set size of this process in bytes (Linux), or -1 elsewhere. */
  static long peakRss() {
    return statusKb("VmHWM:");
  }

  static long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  static String mb(long bytes) {
    return bytes < 0 ? "n/a" : String.format("%.0f MB", bytes / 1024.0 / 1024.0);
  }
}
