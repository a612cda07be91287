package dev.icon.overlay.multistream;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one multistream-select negotiation. Immutable and thread-safe.
 *
 * @param maxMessageLength largest accepted message (length prefix value, newline included)
 * @param negotiationTimeout time allowed from handler start to agreement
 * @param maxProposals how many proposals a responder answers before giving up on the remote
 */
public record MultistreamConfig(int maxMessageLength, Duration negotiationTimeout, int maxProposals) {

  /** Validates the fields; names the field at fault. */
  public MultistreamConfig {
    Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
    if (maxMessageLength < MultistreamProtocol.HEADER.length() + 1 || maxMessageLength > 65_535) {
      throw new IllegalArgumentException("maxMessageLength must be in [19, 65535]: " + maxMessageLength);
    }
    if (negotiationTimeout.isNegative() || negotiationTimeout.isZero()) {
      throw new IllegalArgumentException("negotiationTimeout must be positive: " + negotiationTimeout);
    }
    if (maxProposals < 1) {
      throw new IllegalArgumentException("maxProposals must be >= 1: " + maxProposals);
    }
  }

  /** Production defaults. */
  public static MultistreamConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link MultistreamConfig}; not thread-safe. */
  public static final class Builder {
    // Protocol ids are short; 1 KiB matches go-multistream's limit and bounds memory per stream.
    private int maxMessageLength = 1024;
    // A healthy peer answers in one RTT; 10 s tolerates slow links yet frees stuck streams.
    private Duration negotiationTimeout = Duration.ofSeconds(10);
    // Real initiators propose a handful of versions; 32 stops a remote from looping forever.
    private int maxProposals = 32;

    private Builder() {}

    /** Sets {@link MultistreamConfig#maxMessageLength()}. */
    public Builder maxMessageLength(int value) {
      this.maxMessageLength = value;
      return this;
    }

    /** Sets {@link MultistreamConfig#negotiationTimeout()}. */
    public Builder negotiationTimeout(Duration value) {
      this.negotiationTimeout = value;
      return this;
    }

    /** Sets {@link MultistreamConfig#maxProposals()}. */
    public Builder maxProposals(int value) {
      this.maxProposals = value;
      return this;
    }

    /** Builds and validates. */
    public MultistreamConfig build() {
      return new MultistreamConfig(maxMessageLength, negotiationTimeout, maxProposals);
    }
  }
}
