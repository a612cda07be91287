package dev.icon.node.deploy;

/**
 * The artifact transfer protocol of the provider yard: its id and wire constants. The schema is
 * {@code proto/src/main/proto/icon/deploy.proto} ({@code icon.deploy.v1}); frames are
 * uvarint-length-prefixed {@code DeployMessage}s ({@link DeployCodec}).
 */
public final class DeployProtocol {

  /** The protocol id negotiated with multistream-select. */
  public static final String ID = "/icon/deploy/1.0.0";

  /** Length of every sha256 on the wire. */
  public static final int SHA256_BYTES = 32;

  /** Room for a chunk frame's fields around its data (offset, hash, tags, lengths). */
  public static final int FRAME_OVERHEAD = 128;

  private DeployProtocol() {}
}
