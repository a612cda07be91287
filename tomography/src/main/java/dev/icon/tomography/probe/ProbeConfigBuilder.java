package dev.icon.tomography.probe;

import dev.icon.tomography.map.IpPrefix;
import java.time.Duration;
import java.util.List;

/** Builds a {@link ProbeConfig}; every default says why. Not thread-safe. */
public final class ProbeConfigBuilder {
  // A provider measures the handful of clients it is asked about, not a subnet scan.
  private int maxTargetsPerRequest = 16;
  // Three probes give a usable mean and a minimum that filters one slow reply.
  private int defaultCount = 3;
  // Ten probes per target is a measurement; more would be a flood.
  private int maxCount = 10;
  // One probe a second per asker, sustained: a few requests a minute.
  private double perPeerRate = 1;
  // One full request (16 targets x 3 probes = 48) at once, rounded up.
  private int perPeerBurst = 50;
  // Ten probes a second in all: far below what any link notices.
  private double globalRate = 10;
  // A few askers' bursts at once.
  private int globalBurst = 200;
  // One probe every two seconds at any one address, whoever asks: never a flood.
  private double perTargetRate = 0.5;
  // One measurement of maxCount probes (or three of the default) back to back, then the rate.
  private int perTargetBurst = 10;
  // Pings are cheap processes, but a handful at once is enough.
  private int maxConcurrentProbes = 8;
  // Streams held open by slow or stalling askers stay bounded (each at most readTimeout).
  private int maxConcurrentRequests = 64;
  // Bounded state against askers that rotate peer ids.
  private int maxTrackedPeers = 1024;
  // Bounded state against requests that rotate targets.
  private int maxTrackedTargets = 4096;
  // Loopback would let anyone make this peer ping itself: tests only.
  private boolean allowLoopback = false;
  // Link-local needs an interface and names a neighbour, not a client.
  private boolean allowLinkLocal = false;
  // No prefix restriction: the rate limits alone protect third parties.
  private List<IpPrefix> allowedPrefixes = List.of();
  // 256 IPv6 targets of 18 bytes each fit in 4 KiB-ish; a request is far smaller.
  private int maxRequestBytes = 8 << 10;
  // 256 results with 100 samples of up to 10 bytes each stay below 512 KiB.
  private int maxResponseBytes = 512 << 10;
  // A request is one small frame: a peer that takes longer is stalling, not sending.
  private Duration readTimeout = Duration.ofSeconds(10);
  // 10 probes at the pinger's default pace (200 ms) plus its 2 s reply wait, with slack.
  private Duration probeTimeout = Duration.ofSeconds(20);
  // The server's probe timeout plus network and queueing.
  private Duration requestTimeout = Duration.ofSeconds(30);

  ProbeConfigBuilder() {}

  public ProbeConfigBuilder maxTargetsPerRequest(int v) {
    maxTargetsPerRequest = v;
    return this;
  }

  public ProbeConfigBuilder defaultCount(int v) {
    defaultCount = v;
    return this;
  }

  public ProbeConfigBuilder maxCount(int v) {
    maxCount = v;
    return this;
  }

  public ProbeConfigBuilder perPeerRate(double v) {
    perPeerRate = v;
    return this;
  }

  public ProbeConfigBuilder perPeerBurst(int v) {
    perPeerBurst = v;
    return this;
  }

  public ProbeConfigBuilder globalRate(double v) {
    globalRate = v;
    return this;
  }

  public ProbeConfigBuilder globalBurst(int v) {
    globalBurst = v;
    return this;
  }

  public ProbeConfigBuilder perTargetRate(double v) {
    perTargetRate = v;
    return this;
  }

  public ProbeConfigBuilder perTargetBurst(int v) {
    perTargetBurst = v;
    return this;
  }

  public ProbeConfigBuilder maxConcurrentProbes(int v) {
    maxConcurrentProbes = v;
    return this;
  }

  public ProbeConfigBuilder maxConcurrentRequests(int v) {
    maxConcurrentRequests = v;
    return this;
  }

  public ProbeConfigBuilder maxTrackedPeers(int v) {
    maxTrackedPeers = v;
    return this;
  }

  public ProbeConfigBuilder maxTrackedTargets(int v) {
    maxTrackedTargets = v;
    return this;
  }

  public ProbeConfigBuilder allowLoopback(boolean v) {
    allowLoopback = v;
    return this;
  }

  public ProbeConfigBuilder allowLinkLocal(boolean v) {
    allowLinkLocal = v;
    return this;
  }

  public ProbeConfigBuilder allowedPrefixes(List<IpPrefix> v) {
    allowedPrefixes = v;
    return this;
  }

  public ProbeConfigBuilder maxRequestBytes(int v) {
    maxRequestBytes = v;
    return this;
  }

  public ProbeConfigBuilder maxResponseBytes(int v) {
    maxResponseBytes = v;
    return this;
  }

  public ProbeConfigBuilder readTimeout(Duration v) {
    readTimeout = v;
    return this;
  }

  public ProbeConfigBuilder probeTimeout(Duration v) {
    probeTimeout = v;
    return this;
  }

  public ProbeConfigBuilder requestTimeout(Duration v) {
    requestTimeout = v;
    return this;
  }

  /** Checks the invariants and builds; the exception names the field at fault. */
  public ProbeConfig build() {
    return new ProbeConfig(maxTargetsPerRequest, defaultCount, maxCount, perPeerRate,
        perPeerBurst, globalRate, globalBurst, perTargetRate, perTargetBurst, maxConcurrentProbes,
        maxConcurrentRequests,
        maxTrackedPeers, maxTrackedTargets, allowLoopback, allowLinkLocal, allowedPrefixes,
        maxRequestBytes, maxResponseBytes, readTimeout, probeTimeout, requestTimeout);
  }
}
