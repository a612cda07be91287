package dev.icon.overlay.noise;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of the Noise security channel. Build with {@link #builder()}, or use
 * {@link #defaults()} / {@link #forTests()}.
 *
 * @param handshakeTimeout how long a handshake may take before the connection is closed
 * @param random source of the static and ephemeral X25519 keys
 */
public record NoiseConfig(Duration handshakeTimeout, SecureRandom random) {

  /** Validates the fields, naming the one at fault. */
  public NoiseConfig {
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    Objects.requireNonNull(random, "random");
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("handshakeTimeout must be positive: " + handshakeTimeout);
    }
  }

  /** Production defaults. */
  public static NoiseConfig defaults() {
    return builder().build();
  }

  /** Defaults with a short handshake timeout, so a stuck test fails fast. */
  public static NoiseConfig forTests() {
    return builder().handshakeTimeout(Duration.ofSeconds(3)).build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link NoiseConfig}; not thread-safe. */
  public static final class Builder {
    // 10 s: go-libp2p and js-libp2p allow about this long; a slow mobile link still completes.
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    // The platform's strong default source; tests inject a seeded one for determinism.
    private SecureRandom random = new SecureRandom();

    private Builder() {}

    /** Sets how long a handshake may take. */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = timeout;
      return this;
    }

    /** Sets the randomness used for X25519 keys. */
    public Builder random(SecureRandom random) {
      this.random = random;
      return this;
    }

    /** Builds and validates the config. */
    public NoiseConfig build() {
      return new NoiseConfig(handshakeTimeout, random);
    }
  }
}
