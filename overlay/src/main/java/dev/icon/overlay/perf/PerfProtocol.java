package dev.icon.overlay.perf;

/**
 * {@code /perf/1.0.0} (libp2p/specs perf/perf.md): the client sends the number of bytes it wants
 * back as a big-endian u64, then its upload, then closes its write side; the server discards the
 * upload and, after the client's end of stream, sends the requested bytes and closes.
 */
public final class PerfProtocol {

  /** The protocol id. */
  public static final String ID = "/perf/1.0.0";

  /** Size of each data chunk written. */
  static final int CHUNK = 64 * 1024;

  private PerfProtocol() {}
}
