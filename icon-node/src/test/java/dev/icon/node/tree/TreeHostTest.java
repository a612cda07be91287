package dev.icon.node.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.icon.node.decide.Actuator;
import dev.icon.node.decide.Budget;
import dev.icon.node.decide.Decision;
import dev.icon.node.decide.DecisionConfig;
import dev.icon.node.decide.DecisionEngine;
import dev.icon.node.decide.DecisionLoop;
import dev.icon.node.decide.Lifecycle;
import dev.icon.node.decide.LifecycleMachine;
import dev.icon.node.decide.ArrayNetworkView;
import dev.icon.node.decide.NetworkView.Placement;
import dev.icon.node.decide.Objective;
import dev.icon.node.tree.TreeMembership.State;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.tree.Join;
import dev.icon.proto.icon.tree.RefuseCode;
import dev.icon.proto.icon.tree.TreeBody;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tree protocol between real hosts on loopback. */
class TreeHostTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private final List<Host> hosts = new ArrayList<>();
  private final List<TreeController> trees = new ArrayList<>();
  // 250 ms x 6: a parent counts as gone after 1.5 s, long enough for a loaded CI machine to answer.
  private final TreeConfig config = TreeConfig.forTests().toBuilder()
      .heartbeatPeriod(Duration.ofMillis(250)).missesAllowed(6)
      .requestTimeout(Duration.ofSeconds(10)).build();

  /** One ICON: a host, its tree controller and what its listener heard. */
  private final class Node implements TreeListener {
    final PrivateKey key = PrivateKey.generateEd25519();
    final Host host = Host.builder().identity(key).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    final TreeController tree;
    final AtomicLong granted = new AtomicLong();
    final AtomicReference<String> orphaned = new AtomicReference<>();
    final List<TreeMember> parents = new CopyOnWriteArrayList<>();
    final List<Long> returns = new CopyOnWriteArrayList<>();
    final List<TreeException> refused = new CopyOnWriteArrayList<>();

    Node() {
      hosts.add(host);
      host.start().join();
      tree = TreeController.builder(host, key).config(config).listener(this).build();
      trees.add(tree);
      tree.start();
    }

    PeerId id() {
      return host.peerId();
    }

    void kill() {
      tree.stop();
      host.stop().join();
    }

    @Override
    public void granted(long micros) {
      granted.set(micros);
    }

    @Override
    public void orphaned(String reason) {
      orphaned.set(reason);
    }

    @Override
    public void parentChanged(TreeMember parent) {
      parents.add(parent);
    }

    @Override
    public void childLeft(PeerId child, long returnedMicros) {
      returns.add(returnedMicros);
    }

    @Override
    public void refused(PeerId from, TreeException e) {
      refused.add(e);
    }
  }

  @AfterEach
  void stopAll() {
    trees.forEach(TreeController::stop);
    hosts.forEach(h -> h.stop().join());
  }

  private static List<PeerId> ids(List<TreeMember> members) {
    return members.stream().map(TreeMember::peerId).toList();
  }

  @Test
  void joinHeartbeatsAndReattachToTheGrandparentThenAnOrphanStopsSpending() throws Exception {
    Node root = new Node();
    Node parent = new Node();
    Node child = new Node();
    Budget rootBudget = new Budget(10_000_000);
    root.tree.expectChild(parent.id(), rootBudget.split(3_000_000));
    parent.tree.join(List.of(root.tree.self())).get(20, TimeUnit.SECONDS);
    assertThat(parent.granted.get()).as("the signed grant arrived").isEqualTo(3_000_000);
    child.tree.join(List.of(parent.tree.self(), root.tree.self())).get(20, TimeUnit.SECONDS);
    assertThat(root.tree.children()).containsExactly(parent.id());
    assertThat(parent.tree.children()).containsExactly(child.id());

    // The child's spending is governed by a decision loop; an orphan must stop it.
    Budget childBudget = new Budget(1_000_000);
    AtomicReference<String> stopped = new AtomicReference<>();
    DecisionLoop loop = loop(childBudget, stopped);
    child.tree.stop();
    TreeController wired = TreeController.builder(child.host, child.key).config(config)
        .listener(new TreeListener() {
          @Override
          public void orphaned(String reason) {
            child.orphaned(reason);
            loop.stopSpending(reason);
          }

          @Override
          public void parentChanged(TreeMember p) {
            child.parentChanged(p);
          }
        }).build();
    trees.add(wired);
    wired.start();
    wired.join(List.of(parent.tree.self(), root.tree.self())).get(20, TimeUnit.SECONDS);

    // Heartbeats keep everyone attached across many periods.
    await().during(Duration.ofMillis(2000)).atMost(WAIT)
        .until(() -> wired.state() == State.ATTACHED
            && parent.tree.children().contains(child.id())
            && root.tree.children().contains(parent.id()));
    assertThat(ids(wired.ancestors())).containsExactly(parent.id(), root.id());

    parent.kill();
    // The listener hears of the change after the state moved: wait for both.
    await().atMost(WAIT).until(() -> wired.state() == State.ATTACHED
        && ids(wired.ancestors()).equals(List.of(root.id())) && !child.parents.isEmpty());
    assertThat(ids(child.parents)).containsExactly(root.id());
    await().atMost(WAIT).until(() -> root.tree.children().contains(child.id()));
    await().atMost(WAIT).until(() -> !root.tree.children().contains(parent.id()));
    assertThat(loop.state()).isEqualTo(Lifecycle.ACTIVE);

    root.kill();
    // orphaned() runs after the state moved; stopSpending is its last step.
    await().atMost(WAIT).until(() -> wired.state() == State.ORPHANED && stopped.get() != null);
    assertThat(child.orphaned.get()).contains("no living ancestor");
    assertThat(loop.state()).isEqualTo(Lifecycle.TERMINATING);
    assertThat(stopped.get()).contains("no living ancestor");
    assertThat(childBudget.trySpend(1)).as("no orphan keeps spending").isFalse();
  }

  private static DecisionLoop loop(Budget budget, AtomicReference<String> stopped) {
    ArrayNetworkView view = new ArrayNetworkView(List.of("x"), List.of("p"));
    view.tree("me", List.of(new Placement("me", 0, null)));
    Actuator act = new Actuator() {
      @Override
      public void migrate(Decision d) {}

      @Override
      public void replicate(Decision d) {}

      @Override
      public void terminate(Decision d) {}

      @Override
      public void stopSpending(String reason) {
        stopped.set(reason);
      }
    };
    DecisionLoop loop = new DecisionLoop(new DecisionEngine(
        Objective.parse("latency=20ms,budget=5/h"), DecisionConfig.defaults()),
        Clock.systemUTC(), view, act, budget, new LifecycleMachine());
    loop.activate();
    return loop;
  }

  @Test
  void aLeavingChildReturnsItsBudgetUpToTheGrant() throws Exception {
    Node parent = new Node();
    Node child = new Node();
    Budget parentBudget = new Budget(5_000_000);
    parent.tree.expectChild(child.id(), parentBudget.split(2_000_000));
    child.tree.join(List.of(parent.tree.self())).get(20, TimeUnit.SECONDS);
    Budget childBudget = new Budget(child.granted.get());
    assertThat(childBudget.trySpend(700_000)).isTrue();
    long back = child.tree.leave(childBudget.close()).get(20, TimeUnit.SECONDS);
    assertThat(back).isEqualTo(1_300_000);
    assertThat(parent.returns).containsExactly(1_300_000L);
    parentBudget.receiveReturn(back);
    assertThat(parentBudget.available() + childBudget.spent()).isEqualTo(5_000_000);
    assertThat(parent.tree.children()).isEmpty();
    assertThat(child.tree.state()).isEqualTo(State.LEFT);
  }

  @Test
  void forgedJoinsAreRefusedWithAReason() throws Exception {
    Node root = new Node();
    Node victim = new Node();
    Node attacker = new Node();
    TreeMember target = root.tree.self();
    Join chain = Join.newBuilder().addAllAncestors(TreeCodec.toProto(List.of(target))).build();

    // 1. Claims to be the victim, signed with the attacker's own key.
    TreeBody asVictim = TreeBody.newBuilder().setVersion(1)
        .setFrom(ByteString.copyFrom(victim.id().toBytes()))
        .setTo(ByteString.copyFrom(root.id().toBytes()))
        .setSentAtMillis(System.currentTimeMillis()).setJoin(chain).build();
    TreeBody r1 = attacker.tree.requestRaw(target,
        TreeCodec.sign(attacker.key, asVictim.toByteString()).toByteArray())
        .get(20, TimeUnit.SECONDS);
    assertThat(r1.getRefused().getReason()).contains("WRONG_PEER", "claims to be from");

    // 2. Its own id, but signed by someone else's key.
    TreeBody own = asVictim.toBuilder()
        .setFrom(ByteString.copyFrom(attacker.id().toBytes())).build();
    TreeBody r2 = attacker.tree.requestRaw(target,
        TreeCodec.sign(victim.key, own.toByteString()).toByteArray()).get(20, TimeUnit.SECONDS);
    assertThat(r2.getRefused().getReason()).contains("BAD_SIGNATURE");

    // 3. Properly signed, but claiming an ancestor the root does not have.
    Join longer = Join.newBuilder().addAllAncestors(TreeCodec.toProto(List.of(target,
        victim.tree.self()))).build();
    TreeBody r3 = attacker.tree.request(target, TreeBody.newBuilder().setJoin(longer))
        .get(20, TimeUnit.SECONDS);
    assertThat(r3.getRefused().getCode()).isEqualTo(RefuseCode.BAD_CHAIN);
    assertThat(r3.getRefused().getReason()).contains("does not start with this ICON");

    // 4. A heartbeat from a stranger.
    TreeBody r4 = attacker.tree.request(target, TreeBody.newBuilder().setHeartbeat(
        dev.icon.proto.icon.tree.Heartbeat.newBuilder().setSeq(1))).get(20, TimeUnit.SECONDS);
    assertThat(r4.getRefused().getCode()).isEqualTo(RefuseCode.NOT_A_CHILD);

    assertThat(root.tree.children()).isEmpty();
    assertThat(root.tree.refusals()).containsEntry(TreeError.WRONG_PEER, 1L)
        .containsEntry(TreeError.BAD_SIGNATURE, 1L).containsEntry(TreeError.BAD_CHAIN, 1L)
        .containsEntry(TreeError.NOT_A_CHILD, 1L);
    // The root still serves honest children.
    victim.tree.join(List.of(target)).get(20, TimeUnit.SECONDS);
    assertThat(root.tree.children()).containsExactly(victim.id());
  }
}
