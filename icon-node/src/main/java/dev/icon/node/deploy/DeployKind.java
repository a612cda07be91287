package dev.icon.node.deploy;

import dev.icon.proto.icon.deploy.ArtifactKind;

/** What a transfer carries: a container image or a service's state. */
public enum DeployKind {
  /** A container image (tar stream). */
  IMAGE(ArtifactKind.IMAGE),
  /** A state archive (the service's files). */
  STATE(ArtifactKind.STATE);

  private final ArtifactKind wire;

  DeployKind(ArtifactKind wire) {
    this.wire = wire;
  }

  /** The wire value. */
  public ArtifactKind wire() {
    return wire;
  }

  /** The kind of a wire value, or null when unspecified or unknown. */
  public static DeployKind fromWire(ArtifactKind kind) {
    for (DeployKind k : values()) {
      if (k.wire == kind) {
        return k;
      }
    }
    return null;
  }

  /** The file name suffix of a stored artifact of this kind, e.g. {@code image}. */
  public String fileSuffix() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
