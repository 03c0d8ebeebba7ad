package io.agentfence.collect;

/** The scan was cancelled (Ctrl-C) while a read was in flight; that scope stays unread. */
public final class ScanCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScanCancelledException(Throwable cause) {
    super("scan cancelled", cause);
  }
}
