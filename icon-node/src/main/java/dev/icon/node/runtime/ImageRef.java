package dev.icon.node.runtime;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image known to a runtime: its name ({@code repo:tag} for Docker, a directory name for the
 * process runtime) and the sha256 of the image (Docker's image id, or of the imported tar).
 *
 * @param name the reference to start workloads from
 * @param sha256 64 lowercase hex digits, without a {@code sha256:} prefix
 */
public record ImageRef(String name, String sha256) {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public ImageRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: must not be blank");
    }
    if (sha256.startsWith("sha256:")) {
      sha256 = sha256.substring("sha256:".length());
    }
    if (!HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256: expected 64 lowercase hex digits, got '" + sha256 + "'");
    }
  }
}
