package dev.icon.tomography.probe;

/**
 * {@code /icon/probe/1.0.0}: the asker opens a stream, writes one {@code ProbeRequest} framed as
 * {@code uvarint(length) || protobuf} and half-closes; the measuring peer probes what its limits
 * admit, writes one {@code ProbeResponse} the same way and closes. A malformed or oversized
 * request resets the stream. Schemas: {@code proto/src/main/proto/icon/probe.proto}.
 */
public final class ProbeProtocol {

  /** The protocol id. */
  public static final String ID = "/icon/probe/1.0.0";

  private ProbeProtocol() {}
}
