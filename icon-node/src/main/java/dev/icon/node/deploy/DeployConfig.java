package dev.icon.node.deploy;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of both sides of {@code /icon/deploy/1.0.0}. Build with {@link #builder()}
 * (starting from {@link #defaults()}) or {@link #toBuilder()}; {@link Builder#build()} checks the
 * invariants and names the field at fault.
 *
 * @param chunkSize bytes per chunk the sender cuts
 * @param minChunkSize the smallest chunk size a receiver accepts in an offer
 * @param maxChunkSize the largest chunk size a receiver accepts (bounds every frame)
 * @param maxArtifactBytes the largest artifact a receiver accepts, whatever the agreement says
 * @param perPeerQuotaBytes staging bytes one sending peer may hold reserved at once
 * @param totalQuotaBytes staging bytes all senders together may hold reserved at once
 * @param minFreeDiskBytes free disk a receiver keeps after reserving an offer
 * @param staleAfter a partial transfer idle this long is deleted by the janitor
 * @param janitorPeriod how often the receiver's janitor looks for stale partial transfers
 * @param responseTimeout how long either side waits for the other's next message
 * @param maxAttempts streams a sender opens for one transfer before giving up
 * @param initialBackoff the sender's wait before its second attempt (doubling afterwards)
 * @param maxBackoff the longest wait between attempts
 * @param maxInFlightChunks chunks a sender hands to the stream before waiting for the first
 */
public record DeployConfig(int chunkSize, int minChunkSize, int maxChunkSize,
    long maxArtifactBytes, long perPeerQuotaBytes, long totalQuotaBytes, long minFreeDiskBytes,
    Duration staleAfter, Duration janitorPeriod, Duration responseTimeout, int maxAttempts,
    Duration initialBackoff, Duration maxBackoff, int maxInFlightChunks) {

  private static final long MIB = 1024L * 1024;

  /** The defaults, each explained in {@link Builder}. */
  public static DeployConfig defaults() {
    return new Builder().build();
  }

  /** Small chunks and short waits, so tests see many chunks and quick retries. */
  public static DeployConfig forTests() {
    return new Builder().chunkSize(16 * 1024).minChunkSize(1024)
        .initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200))
        .responseTimeout(Duration.ofSeconds(10)).build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The largest frame body either side accepts or sends: a maximal chunk plus its fields. */
  public int maxFrameSize() {
    return maxChunkSize + DeployProtocol.FRAME_OVERHEAD;
  }

  /** Builds a {@link DeployConfig}. Not thread-safe. */
  public static final class Builder {
    // 256 KiB: big enough that per-frame hashing and framing cost little, small enough that a
    // dropped connection loses little unverified data.
    private int chunkSize = 256 * 1024;
    // 4 KiB: refuses floods of tiny frames that cost a hash and a write each.
    private int minChunkSize = 4 * 1024;
    // 1 MiB: bounds what one frame can make a receiver buffer.
    private int maxChunkSize = (int) MIB;
    // 4 GiB: far above an image or state archive we expect; the agreement usually says less.
    private long maxArtifactBytes = 4096 * MIB;
    // 8 GiB: two maximal artifacts in flight from one peer, no more.
    private long perPeerQuotaBytes = 8192 * MIB;
    // 32 GiB: a few peers at once; beyond that offers wait for room.
    private long totalQuotaBytes = 32768 * MIB;
    // 512 MiB: the node's own logs and state keep some room.
    private long minFreeDiskBytes = 512 * MIB;
    // 10 minutes: long enough for a sender to back off and reconnect, short enough to free room.
    private Duration staleAfter = Duration.ofMinutes(10);
    // 1 minute: stale data lingers at most staleAfter plus this.
    private Duration janitorPeriod = Duration.ofMinutes(1);
    // 30 seconds: a receiver's disk or a sender's source stalling longer is a failure.
    private Duration responseTimeout = Duration.ofSeconds(30);
    // 5 attempts: rides out a few connection drops without retrying forever.
    private int maxAttempts = 5;
    // 250 ms, doubling up to 10 s: reconnects fast after a blip, gently after an outage.
    private Duration initialBackoff = Duration.ofMillis(250);
    private Duration maxBackoff = Duration.ofSeconds(10);
    // 4 chunks: keeps the pipe full over loopback and LAN without queueing megabytes.
    private int maxInFlightChunks = 4;

    Builder() {}

    Builder(DeployConfig c) {
      chunkSize = c.chunkSize;
      minChunkSize = c.minChunkSize;
      maxChunkSize = c.maxChunkSize;
      maxArtifactBytes = c.maxArtifactBytes;
      perPeerQuotaBytes = c.perPeerQuotaBytes;
      totalQuotaBytes = c.totalQuotaBytes;
      minFreeDiskBytes = c.minFreeDiskBytes;
      staleAfter = c.staleAfter;
      janitorPeriod = c.janitorPeriod;
      responseTimeout = c.responseTimeout;
      maxAttempts = c.maxAttempts;
      initialBackoff = c.initialBackoff;
      maxBackoff = c.maxBackoff;
      maxInFlightChunks = c.maxInFlightChunks;
    }

    /** Bytes per chunk the sender cuts (default 256 KiB). */
    public Builder chunkSize(int v) {
      chunkSize = v;
      return this;
    }

    /** Smallest chunk size a receiver accepts (default 4 KiB). */
    public Builder minChunkSize(int v) {
      minChunkSize = v;
      return this;
    }

    /** Largest chunk size a receiver accepts (default 1 MiB). */
    public Builder maxChunkSize(int v) {
      maxChunkSize = v;
      return this;
    }

    /** Largest artifact a receiver accepts (default 4 GiB). */
    public Builder maxArtifactBytes(long v) {
      maxArtifactBytes = v;
      return this;
    }

    /** Staging bytes one peer may hold reserved (default 8 GiB). */
    public Builder perPeerQuotaBytes(long v) {
      perPeerQuotaBytes = v;
      return this;
    }

    /** Staging bytes all peers may hold reserved (default 32 GiB). */
    public Builder totalQuotaBytes(long v) {
      totalQuotaBytes = v;
      return this;
    }

    /** Free disk kept after reserving an offer (default 512 MiB). */
    public Builder minFreeDiskBytes(long v) {
      minFreeDiskBytes = v;
      return this;
    }

    /** Idle time after which a partial transfer is deleted (default 10 minutes). */
    public Builder staleAfter(Duration v) {
      staleAfter = v;
      return this;
    }

    /** Janitor period (default 1 minute). */
    public Builder janitorPeriod(Duration v) {
      janitorPeriod = v;
      return this;
    }

    /** Wait for the other side's next message (default 30 seconds). */
    public Builder responseTimeout(Duration v) {
      responseTimeout = v;
      return this;
    }

    /** Streams opened per transfer before giving up (default 5). */
    public Builder maxAttempts(int v) {
      maxAttempts = v;
      return this;
    }

    /** First backoff (default 250 ms). */
    public Builder initialBackoff(Duration v) {
      initialBackoff = v;
      return this;
    }

    /** Longest backoff (default 10 s). */
    public Builder maxBackoff(Duration v) {
      maxBackoff = v;
      return this;
    }

    /** Chunks in flight per stream (default 4). */
    public Builder maxInFlightChunks(int v) {
      maxInFlightChunks = v;
      return this;
    }

    /**
     * The config.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public DeployConfig build() {
      positive(minChunkSize, "minChunkSize");
      if (maxChunkSize < minChunkSize) {
        throw new IllegalArgumentException("maxChunkSize (" + maxChunkSize
            + ") must be at least minChunkSize (" + minChunkSize + ")");
      }
      if (maxChunkSize > 16 * MIB) {
        throw new IllegalArgumentException("maxChunkSize must be at most 16 MiB: " + maxChunkSize);
      }
      if (chunkSize < minChunkSize || chunkSize > maxChunkSize) {
        throw new IllegalArgumentException("chunkSize (" + chunkSize
            + ") must lie between minChunkSize and maxChunkSize");
      }
      positive(maxArtifactBytes, "maxArtifactBytes");
      positive(perPeerQuotaBytes, "perPeerQuotaBytes");
      if (totalQuotaBytes < perPeerQuotaBytes) {
        throw new IllegalArgumentException("totalQuotaBytes (" + totalQuotaBytes
            + ") must be at least perPeerQuotaBytes (" + perPeerQuotaBytes + ")");
      }
      if (minFreeDiskBytes < 0) {
        throw new IllegalArgumentException("minFreeDiskBytes must not be negative");
      }
      positive(staleAfter, "staleAfter");
      positive(janitorPeriod, "janitorPeriod");
      positive(responseTimeout, "responseTimeout");
      positive(maxAttempts, "maxAttempts");
      positive(initialBackoff, "initialBackoff");
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must be at least initialBackoff");
      }
      positive(maxInFlightChunks, "maxInFlightChunks");
      return new DeployConfig(chunkSize, minChunkSize, maxChunkSize, maxArtifactBytes,
          perPeerQuotaBytes, totalQuotaBytes, minFreeDiskBytes, staleAfter, janitorPeriod,
          responseTimeout, maxAttempts, initialBackoff, maxBackoff, maxInFlightChunks);
    }

    private static void positive(long v, String name) {
      if (v <= 0) {
        throw new IllegalArgumentException(name + " must be positive: " + v);
      }
    }

    private static void positive(Duration v, String name) {
      Objects.requireNonNull(v, name);
      if (v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + v);
      }
    }
  }
}
