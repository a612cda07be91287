package dev.icon.market.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of an {@link AtomixLedger}: who this member is, where it keeps its Raft log, where it
 * listens, who the other members are and how the Raft partition group is laid out. Immutable and
 * thread-safe; build with {@link #builder()}, whose defaults give a single embedded member on
 * loopback persisted under {@code ~/.icon/ledger}.
 *
 * @param memberId this member's id (in {@code members} when that is not empty)
 * @param dataDirectory where the Raft logs and snapshots live; reopening the same directory
 *     restores everything acknowledged
 * @param host address the messaging service binds to and announces (with {@code members}, this
 *     member's entry there decides; {@code host} must then be left at its default or agree)
 * @param port messaging port; 0 picks a free one at start (single member only; with
 *     {@code members}, 0 or this member's port there)
 * @param members every member of the cluster, this one included; empty for a single member
 * @param partitions number of Raft partitions (each a Raft group with its own leader)
 * @param partitionSize members per partition; 0 means every member
 * @param flushOnCommit whether each committed entry is flushed to disk before it is acknowledged
 * @param operationTimeout how long one ledger call may take before it fails with TIMEOUT
 * @param startTimeout how long {@link AtomixLedger#open} waits for the cluster to form
 */
public record LedgerConfig(
    String memberId,
    Path dataDirectory,
    String host,
    int port,
    List<LedgerMember> members,
    int partitions,
    int partitionSize,
    boolean flushOnCommit,
    Duration operationTimeout,
    Duration startTimeout) {

  /** Validates the fields; every message names the field at fault. */
  public LedgerConfig {
    Objects.requireNonNull(memberId, "LedgerConfig.memberId");
    Objects.requireNonNull(dataDirectory, "LedgerConfig.dataDirectory");
    Objects.requireNonNull(host, "LedgerConfig.host");
    Objects.requireNonNull(members, "LedgerConfig.members");
    Objects.requireNonNull(operationTimeout, "LedgerConfig.operationTimeout");
    Objects.requireNonNull(startTimeout, "LedgerConfig.startTimeout");
    members = List.copyOf(members);
    if (memberId.isBlank() || memberId.contains("@")) {
      throw bad("memberId must be non-blank without '@': '" + memberId + "'");
    }
    if (host.isBlank()) {
      throw bad("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw bad("port must be in [0, 65535]: " + port);
    }
    if (partitions < 1 || partitions > 64) {
      throw bad("partitions must be in [1, 64]: " + partitions);
    }
    int size = Math.max(1, members.size());
    if (partitionSize < 0 || partitionSize > size) {
      throw bad("partitionSize must be in [0, " + size + "] (0 = every member): " + partitionSize);
    }
    positive("operationTimeout", operationTimeout);
    positive("startTimeout", startTimeout);
    checkMembers(memberId, host, port, members);
  }

  /** The defaults: a single embedded member (see {@link Builder}). */
  public static LedgerConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether this member is one of several (false: a single embedded member). */
  public boolean clustered() {
    return members.size() > 1;
  }

  /** This member's entry in {@link #members()}, or empty for a single member configured without one. */
  public Optional<LedgerMember> self() {
    return members.stream().filter(m -> m.id().equals(memberId)).findFirst();
  }

  private static void checkMembers(String memberId, String host, int port, List<LedgerMember> members) {
    if (members.isEmpty()) {
      return;
    }
    Set<String> ids = new HashSet<>();
    Set<String> addresses = new HashSet<>();
    for (LedgerMember m : members) {
      if (!ids.add(m.id())) {
        throw bad("members lists member id '" + m.id() + "' twice");
      }
      if (m.port() != 0 && !addresses.add(m.host() + ":" + m.port())) {
        throw bad("members lists address " + m.host() + ":" + m.port() + " twice");
      }
      if (members.size() > 1 && m.port() == 0) {
        throw bad("members: member " + m.id() + " needs a port (0 is only for a single member)");
      }
    }
    LedgerMember self = members.stream().filter(m -> m.id().equals(memberId)).findFirst()
        .orElseThrow(() -> bad("members does not contain memberId '" + memberId + "': " + members));
    if (port != 0 && port != self.port()) {
      throw bad("port " + port + " differs from member " + memberId + "'s port in members (" + self.port() + ")");
    }
    if (!host.equals(self.host()) && !"127.0.0.1".equals(host)) {
      throw bad("host " + host + " differs from member " + memberId + "'s host in members (" + self.host() + ")");
    }
  }

  private static void positive(String field, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw bad(field + " must be positive: " + value);
    }
  }

  private static IllegalArgumentException bad(String message) {
    return new IllegalArgumentException("LedgerConfig." + message);
  }

  /** Builder for {@link LedgerConfig}; not thread-safe. */
  public static final class Builder {
    // A single embedded member needs no meaningful name; a cluster names each of its members.
    private String memberId = "ledger-1";
    // Under the user's home: survives restarts and rebuilds, unlike a temp or target directory.
    private Path dataDirectory = Path.of(System.getProperty("user.home"), ".icon", "ledger");
    // Loopback: a single member talks only to itself; a cluster says its address explicitly.
    private String host = "127.0.0.1";
    // 0: a single member needs no well-known port, so any free one will do.
    private int port = 0;
    // Empty: a single embedded member, the default deployment of one provider node.
    private List<LedgerMember> members = List.of();
    // One Raft group: a provider's ledger is small, and one leader means one election on failover.
    private int partitions = 1;
    // Every member replicates every partition: a 3-member cluster survives any one member's loss.
    private int partitionSize = 0;
    // An acknowledged agreement must survive a crash of the machine, not only of the process.
    private boolean flushOnCommit = true;
    // Longer than a Raft leader election (a few seconds in Atomix 3.1), so one failover does not fail a call.
    private Duration operationTimeout = Duration.ofSeconds(15);
    // A 3-member cluster forms in about 11 s on a small machine; 60 s leaves room for a slow start.
    private Duration startTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Sets {@link LedgerConfig#memberId()}. */
    public Builder memberId(String value) {
      this.memberId = value;
      return this;
    }

    /** Sets {@link LedgerConfig#dataDirectory()}. */
    public Builder dataDirectory(Path value) {
      this.dataDirectory = value;
      return this;
    }

    /** Sets {@link LedgerConfig#host()}. */
    public Builder host(String value) {
      this.host = value;
      return this;
    }

    /** Sets {@link LedgerConfig#port()}. */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** Sets {@link LedgerConfig#members()}. */
    public Builder members(List<LedgerMember> value) {
      this.members = value;
      return this;
    }

    /** Sets {@link LedgerConfig#partitions()}. */
    public Builder partitions(int value) {
      this.partitions = value;
      return this;
    }

    /** Sets {@link LedgerConfig#partitionSize()}. */
    public Builder partitionSize(int value) {
      this.partitionSize = value;
      return this;
    }

    /** Sets {@link LedgerConfig#flushOnCommit()}. */
    public Builder flushOnCommit(boolean value) {
      this.flushOnCommit = value;
      return this;
    }

    /** Sets {@link LedgerConfig#operationTimeout()}. */
    public Builder operationTimeout(Duration value) {
      this.operationTimeout = value;
      return this;
    }

    /** Sets {@link LedgerConfig#startTimeout()}. */
    public Builder startTimeout(Duration value) {
      this.startTimeout = value;
      return this;
    }

    /** Builds and validates; an invalid field fails with an IllegalArgumentException naming it. */
    public LedgerConfig build() {
      return new LedgerConfig(memberId, dataDirectory, host, port, members, partitions,
          partitionSize, flushOnCommit, operationTimeout, startTimeout);
    }
  }
}
