package dev.icon.market.ledger;

import io.atomix.cluster.Node;
import io.atomix.cluster.discovery.BootstrapDiscoveryProvider;
import io.atomix.core.Atomix;
import io.atomix.core.AtomixRegistry;
import io.atomix.core.registry.ClasspathScanningRegistry;
import io.atomix.protocols.raft.partition.RaftPartitionGroup;
import io.atomix.storage.StorageLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link LedgerConfig} into an (unstarted) Atomix member: bootstrap discovery of the
 * configured members, messaging bound to this member's host only, a Raft management group
 * ({@value #SYSTEM_GROUP}) and a Raft data group ({@value #DATA_GROUP}), both on disk under the
 * data directory. Stateless; {@link #build} is called once per {@link AtomixLedger#open}.
 */
final class AtomixMember {

  /** The Raft group holding Atomix's own metadata (primitive names, sessions). */
  static final String SYSTEM_GROUP = "system";
  /** The Raft group holding the ledger's maps. */
  static final String DATA_GROUP = "ledger";
  /** Members of different ledgers on one network never join each other. */
  static final String CLUSTER_ID = "icon-ledger";

  private AtomixMember() {}

  /** The members this config starts with, this member's port 0 replaced by a free port. */
  static List<LedgerMember> resolveMembers(LedgerConfig config) {
    LedgerMember self = config.self().orElse(new LedgerMember(config.memberId(), config.host(), config.port()));
    List<LedgerMember> resolved = new ArrayList<>();
    for (LedgerMember m : config.members().isEmpty() ? List.of(self) : config.members()) {
      resolved.add(m.id().equals(self.id()) && m.port() == 0
          ? new LedgerMember(m.id(), m.host(), freePort(m.host())) : m);
    }
    return List.copyOf(resolved);
  }

  static Atomix build(LedgerConfig config, List<LedgerMember> members) {
    LedgerMember self = members.stream().filter(m -> m.id().equals(config.memberId())).findFirst().orElseThrow();
    List<Node> nodes = members.stream()
        .map(m -> Node.builder().withId(m.id()).withAddress(m.host(), m.port()).build())
        .toList();
    List<String> ids = members.stream().map(LedgerMember::id).toList();
    Path dir = config.dataDirectory();
    // Atomix finds its primitive and protocol types by scanning the class path; scanning only its
    // own packages saves seconds on a large class path (a node's, a test's).
    AtomixRegistry registry = ClasspathScanningRegistry.builder()
        .withClassLoader(Atomix.class.getClassLoader())
        .withWhitelistPackages("io.atomix")
        .build();
    return Atomix.builder(registry)
        .withClusterId(CLUSTER_ID)
        .withMemberId(self.id())
        .withAddress(self.host(), self.port())
        .withMessagingInterface(self.host())
        .withMessagingPort(self.port())
        .withMembershipProvider(BootstrapDiscoveryProvider.builder().withNodes(nodes).build())
        .withManagementGroup(RaftPartitionGroup.builder(SYSTEM_GROUP)
            .withNumPartitions(1)
            .withMembers(ids)
            .withStorageLevel(StorageLevel.DISK)
            .withFlushOnCommit(config.flushOnCommit())
            .withDataDirectory(dir.resolve(SYSTEM_GROUP).toFile())
            .build())
        .withPartitionGroups(RaftPartitionGroup.builder(DATA_GROUP)
            .withNumPartitions(config.partitions())
            .withPartitionSize(config.partitionSize() == 0 ? ids.size() : config.partitionSize())
            .withMembers(ids)
            .withStorageLevel(StorageLevel.DISK)
            .withFlushOnCommit(config.flushOnCommit())
            .withDataDirectory(dir.resolve(DATA_GROUP).toFile())
            .build())
        .withShutdownHook(false)
        .build();
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("LedgerConfig.host " + host + ": cannot bind a port on it", e);
    }
  }
}
