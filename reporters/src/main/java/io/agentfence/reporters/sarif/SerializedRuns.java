package io.agentfence.reporters.sarif;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JsonGenerator;

/**
 * Serialises SARIF runs one after the other, each exactly once, and measures each run's gzipped
 * size from those same bytes: a raw deflater at gzip's default level, as {@link GZIPOutputStream}
 * uses, plus gzip's 18 bytes of header and trailer. Deflating is what measuring costs (about half
 * of writing SARIF), so it runs on a second thread while this one serialises the next run: two
 * run buffers, never more, are held at a time.
 *
 * @param <T> what a run is made from
 */
final class SerializedRuns<T> implements AutoCloseable {
  /** Writes one run's JSON. */
  interface Serializer<T> {
    void write(T run, JsonGenerator g);
  }

  /** Receives each run, in order, once its size is known. */
  interface Sink<T> {
    void accept(T run, Serialized bytes) throws IOException;
  }

  static final int GZIP_HEADER_AND_TRAILER = 18;

  /** One run's bytes and gzipped size; valid only during {@link Sink#accept}. */
  static final class Serialized {
    private final Buffer buffer = new Buffer();
    private Future<Long> gzipped;

    long gzippedSize() {
      try {
        return gzipped.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while measuring SARIF", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("measuring SARIF failed", e.getCause());
      }
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(buffer.array(), 0, buffer.size());
    }

    byte[] copy() {
      return buffer.toByteArray();
    }
  }

  private final ExecutorService deflating = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "agentfence-sarif-gzip");
    t.setDaemon(true);
    return t;
  });
  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final byte[] scratch = new byte[1 << 16];

  private final Serializer<T> serializer;
  private final JsonGenerators generators;

  /** How a run's generator is made (the SARIF mapper's settings). */
  interface JsonGenerators {
    JsonGenerator create(OutputStream out);
  }

  SerializedRuns(Serializer<T> serializer, JsonGenerators generators) {
    this.serializer = serializer;
    this.generators = generators;
  }

  /** Serialises {@code runs} and hands each to {@code sink}, in order. */
  void each(List<T> runs, Sink<T> sink) throws IOException {
    Serialized[] slots = {new Serialized(), new Serialized()};
    T pendingRun = null;
    Serialized pending = null;
    for (int i = 0; i < runs.size(); i++) {
      // The slot's previous run (i - 2) was handed to the sink in the previous round.
      Serialized slot = slots[i % 2];
      slot.buffer.reset();
      try (JsonGenerator g = generators.create(slot.buffer)) {
        serializer.write(runs.get(i), g);
      }
      slot.gzipped = deflating.submit(() -> gzippedSize(slot.buffer));
      if (pending != null) {
        sink.accept(pendingRun, pending);
      }
      pendingRun = runs.get(i);
      pending = slot;
    }
    if (pending != null) {
      sink.accept(pendingRun, pending);
    }
  }

  /** Runs on the deflating thread only. */
  private long gzippedSize(Buffer json) {
    deflater.reset();
    deflater.setInput(json.array(), 0, json.size());
    deflater.finish();
    long n = 0;
    while (!deflater.finished()) {
      n += deflater.deflate(scratch);
    }
    return n + GZIP_HEADER_AND_TRAILER;
  }

  @Override
  public void close() {
    deflating.shutdownNow();
    try {
      // The deflater may only be freed once no task uses it.
      if (deflating.awaitTermination(1, TimeUnit.MINUTES)) {
        deflater.end();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A byte buffer whose array can be read without a copy. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(1 << 20);
    }

    byte[] array() {
      return buf;
    }
  }
}
