package dev.icon.node.tree;

import java.nio.charset.StandardCharsets;

/** The protocol id and signing domain of the ICON tree. */
public final class TreeProtocol {

  /** {@code /icon/tree/1.0.0}. */
  public static final String ID = "/icon/tree/1.0.0";

  /** Version of {@code TreeBody} this code writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  /** A signature covers these bytes followed by the body bytes. */
  static final byte[] SIGNING_PREFIX = "icon-tree-v1:".getBytes(StandardCharsets.US_ASCII);

  private TreeProtocol() {}
}
