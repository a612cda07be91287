package dev.icon.overlay.kad;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable Kademlia settings. {@link #defaults()} has the kad-dht spec's values (and go/js-libp2p's
 * where the spec is silent); {@link #forTests()} shortens the durations. Build variants with {@link
 * #toBuilder()}; {@link Builder#build()} checks the invariants and names the field at fault.
 *
 * @param k replication parameter and bucket size
 * @param alpha requests in flight per lookup
 * @param requestTimeout how long a lookup waits for one peer's response before counting it failed
 * @param maxMessageSize largest {@code Message} frame body accepted or sent, in bytes
 * @param maxRecordSize largest record (key plus value) accepted, in bytes
 * @param maxRecords records (PUT_VALUE) stored for others, at most
 * @param maxRecordAge how long a stored record is served after it was received
 * @param maxCloserPeersPerResponse closer peers read from one response; the rest are ignored
 * @param providerValidity how long a provider record stays valid after ADD_PROVIDER
 * @param providerRepublishInterval how often a provider re-announces itself
 * @param providerCleanupInterval how often expired provider records are pruned
 * @param maxProvidersPerKey provider records kept per key
 * @param maxProviderRecords provider records kept in total, across keys
 * @param maxProviderKeyLength longest provider key (CID or multihash bytes) accepted
 * @param maxProviderAddrs addresses kept per provider record
 * @param refreshInterval how long a bucket may go without a lookup before it needs refreshing
 * @param maxRefreshCpl highest common prefix length whose bucket is refreshed by random lookups
 *     (at most {@link RefreshTargets#MAX_CPL})
 * @param minConnections while the host has fewer connections than this, the DHT dials peers of its
 *     routing table (a few at a time) to get back up to it; 0 turns this off. Keep it at most the
 *     host's low watermark, so that trimming (down to the low watermark) and dialling agree
 */
public record KadConfig(
    int k,
    int alpha,
    Duration requestTimeout,
    int maxMessageSize,
    int maxRecordSize,
    int maxRecords,
    Duration maxRecordAge,
    int maxCloserPeersPerResponse,
    Duration providerValidity,
    Duration providerRepublishInterval,
    Duration providerCleanupInterval,
    int maxProvidersPerKey,
    int maxProviderRecords,
    int maxProviderKeyLength,
    int maxProviderAddrs,
    Duration refreshInterval,
    int maxRefreshCpl,
    int minConnections) {

  /** Checks invariants; prefer {@link Builder#build()}. */
  public KadConfig {
    positive("k", k);
    positive("alpha", alpha);
    if (alpha > k) {
      throw new IllegalArgumentException("alpha must be at most k (" + k + "): " + alpha);
    }
    positive("requestTimeout", requestTimeout);
    positive("maxMessageSize", maxMessageSize);
    positive("maxRecordSize", maxRecordSize);
    if (maxRecordSize > maxMessageSize) {
      throw new IllegalArgumentException(
          "maxRecordSize must be at most maxMessageSize (" + maxMessageSize + "): " + maxRecordSize);
    }
    positive("maxRecords", maxRecords);
    positive("maxRecordAge", maxRecordAge);
    if (maxCloserPeersPerResponse < k) {
      throw new IllegalArgumentException(
          "maxCloserPeersPerResponse must be at least k (" + k + "): " + maxCloserPeersPerResponse);
    }
    positive("providerValidity", providerValidity);
    positive("providerRepublishInterval", providerRepublishInterval);
    if (providerRepublishInterval.compareTo(providerValidity) >= 0) {
      throw new IllegalArgumentException("providerRepublishInterval must be shorter than "
          + "providerValidity (" + providerValidity + "): " + providerRepublishInterval);
    }
    positive("providerCleanupInterval", providerCleanupInterval);
    positive("maxProvidersPerKey", maxProvidersPerKey);
    positive("maxProviderRecords", maxProviderRecords);
    if (maxProvidersPerKey > maxProviderRecords) {
      throw new IllegalArgumentException("maxProvidersPerKey must be at most maxProviderRecords ("
          + maxProviderRecords + "): " + maxProvidersPerKey);
    }
    positive("maxProviderKeyLength", maxProviderKeyLength);
    positive("maxProviderAddrs", maxProviderAddrs);
    positive("refreshInterval", refreshInterval);
    if (maxRefreshCpl < 0 || maxRefreshCpl > RefreshTargets.MAX_CPL) {
      throw new IllegalArgumentException(
          "maxRefreshCpl must be in 0.." + RefreshTargets.MAX_CPL + ": " + maxRefreshCpl);
    }
    if (minConnections < 0) {
      throw new IllegalArgumentException("minConnections must be >= 0: " + minConnections);
    }
  }

  /** The spec's values: k 20, alpha 3, providers valid 48 h and republished every 22 h. */
  public static KadConfig defaults() {
    return new Builder().build();
  }

  /** Defaults with durations short enough for tests (seconds and minutes, not hours). */
  public static KadConfig forTests() {
    return new Builder()
        .requestTimeout(Duration.ofSeconds(1))
        .providerValidity(Duration.ofMinutes(2))
        .providerRepublishInterval(Duration.ofMinutes(1))
        .providerCleanupInterval(Duration.ofSeconds(10))
        .maxRecordAge(Duration.ofMinutes(2))
        .refreshInterval(Duration.ofSeconds(30))
        .build();
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  private static void positive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
  }

  private static void positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive: " + value);
    }
  }

  /** Builds a {@link KadConfig}; not thread-safe. */
  public static final class Builder {
    // Spec: replication parameter k = 20, also the bucket size.
    private int k = 20;
    // Spec: alpha = 3 requests in flight per lookup.
    private int alpha = 3;
    // go/js-libp2p give one peer about 10 s; a dead peer must not hold a lookup slot longer.
    private Duration requestTimeout = Duration.ofSeconds(10);
    // go-libp2p's 4 MiB message limit: the largest frame a peer may legitimately send.
    private int maxMessageSize = 4 << 20;
    // 16 KiB: above the IPNS spec's 10 KiB cap and any ICON record; bounds the store's memory.
    private int maxRecordSize = 16 << 10;
    // With 16 KiB records at most 64 MiB; a DHT server stores only keys it is close to.
    private int maxRecords = 4096;
    // go-libp2p-kad-dht's MaxRecordAge (36 h): publishers re-put well within it.
    private Duration maxRecordAge = Duration.ofHours(36);
    // Honest peers return k closer peers; twice that leaves room, more is a flood.
    private int maxCloserPeersPerResponse = 40;
    // go and js-libp2p kad-dht: provider records are valid 48 h (the spec's text says 24 h).
    private Duration providerValidity = Duration.ofHours(48);
    // go and js-libp2p kad-dht: republish every 22 h, well inside the validity.
    private Duration providerRepublishInterval = Duration.ofHours(22);
    // Spec: expired advertisements may be pruned periodically, e.g. every hour.
    private Duration providerCleanupInterval = Duration.ofHours(1);
    // Bounds one popular (or flooded) key; GET_PROVIDERS answers fit easily in one message.
    private int maxProvidersPerKey = 200;
    // Bounds the whole store: with 16 addresses each, well under 100 MiB worst case.
    private int maxProviderRecords = 100_000;
    // go-libp2p-kad-dht's limit (80 bytes): CIDs and multihashes of common hashes fit.
    private int maxProviderKeyLength = 80;
    // A peer rarely listens on more; the rest are dropped, bounding a record's size.
    private int maxProviderAddrs = 16;
    // Spec: the bootstrap/refresh process runs every 5 minutes by default.
    private Duration refreshInterval = Duration.ofMinutes(5);
    // go-libp2p-kad-dht: buckets beyond cpl 15 are (almost) never populated, and a random key
    // with a longer shared prefix costs too many hashes to find.
    private int maxRefreshCpl = 15;
    // Off, as in go and js-libp2p (whose connection managers only trim): opt in to make a joined
    // node hold connections once idle ones were closed.
    private int minConnections = 0;

    private Builder() {}

    private Builder(KadConfig c) {
      k = c.k;
      alpha = c.alpha;
      requestTimeout = c.requestTimeout;
      maxMessageSize = c.maxMessageSize;
      maxRecordSize = c.maxRecordSize;
      maxRecords = c.maxRecords;
      maxRecordAge = c.maxRecordAge;
      maxCloserPeersPerResponse = c.maxCloserPeersPerResponse;
      providerValidity = c.providerValidity;
      providerRepublishInterval = c.providerRepublishInterval;
      providerCleanupInterval = c.providerCleanupInterval;
      maxProvidersPerKey = c.maxProvidersPerKey;
      maxProviderRecords = c.maxProviderRecords;
      maxProviderKeyLength = c.maxProviderKeyLength;
      maxProviderAddrs = c.maxProviderAddrs;
      refreshInterval = c.refreshInterval;
      maxRefreshCpl = c.maxRefreshCpl;
      minConnections = c.minConnections;
    }

    public Builder k(int v) { k = v; return this; }

    public Builder alpha(int v) { alpha = v; return this; }

    public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }

    public Builder maxMessageSize(int v) { maxMessageSize = v; return this; }

    public Builder maxRecordSize(int v) { maxRecordSize = v; return this; }

    public Builder maxRecords(int v) { maxRecords = v; return this; }

    public Builder maxRecordAge(Duration v) { maxRecordAge = v; return this; }

    public Builder maxCloserPeersPerResponse(int v) { maxCloserPeersPerResponse = v; return this; }

    public Builder providerValidity(Duration v) { providerValidity = v; return this; }

    public Builder providerRepublishInterval(Duration v) { providerRepublishInterval = v; return this; }

    public Builder providerCleanupInterval(Duration v) { providerCleanupInterval = v; return this; }

    public Builder maxProvidersPerKey(int v) { maxProvidersPerKey = v; return this; }

    public Builder maxProviderRecords(int v) { maxProviderRecords = v; return this; }

    public Builder maxProviderKeyLength(int v) { maxProviderKeyLength = v; return this; }

    public Builder maxProviderAddrs(int v) { maxProviderAddrs = v; return this; }

    public Builder refreshInterval(Duration v) { refreshInterval = v; return this; }

    public Builder maxRefreshCpl(int v) { maxRefreshCpl = v; return this; }

    public Builder minConnections(int v) { minConnections = v; return this; }

    /** The config; throws {@link IllegalArgumentException} naming the first invalid field. */
    public KadConfig build() {
      return new KadConfig(k, alpha, requestTimeout, maxMessageSize, maxRecordSize, maxRecords,
          maxRecordAge, maxCloserPeersPerResponse, providerValidity, providerRepublishInterval,
          providerCleanupInterval, maxProvidersPerKey, maxProviderRecords, maxProviderKeyLength,
          maxProviderAddrs, refreshInterval, maxRefreshCpl, minConnections);
    }
  }
}
