package dev.icon.node.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.node.tree.TreeAction.Type;
import dev.icon.node.tree.TreeMembership.State;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeMembershipTest {

  private final MutableClock clock = new MutableClock();
  private final TreeConfig config = TreeConfig.builder().heartbeatPeriod(Duration.ofSeconds(1))
      .missesAllowed(3).build();
  private final TreeMember root = member(1);
  private final TreeMember grand = member(2);
  private final TreeMember parent = member(3);
  private final TreeMember me = member(4);

  static PeerId peer(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return PrivateKey.generateEd25519(r).publicKey().peerId();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static TreeMember member(long seed) {
    return new TreeMember(peer(seed), List.of());
  }

  @Test
  void aParentAcceptsOnlyItsOwnChainAndHandsOverTheExpectedGrant() {
    TreeMembership p = TreeMembership.child(parent.peerId(), List.of(grand, root), config, clock);
    p.onJoinResult(grand.peerId(), true, List.of(root));
    p.expectChild(me.peerId(), 2_000_000);
    assertThatThrownBy(() -> p.onJoin(me, List.of(parent, root)))
        .hasMessageContaining("BAD_CHAIN");
    assertThatThrownBy(() -> p.onJoin(me, List.of(parent, root, grand)))
        .hasMessageContaining("ancestor 1 claimed as");
    assertThatThrownBy(() -> p.onJoin(me, List.of(grand, grand, root)))
        .hasMessageContaining("does not start with this ICON");
    assertThat(p.children()).isEmpty();
    assertThat(p.onJoin(me, List.of(parent, grand, root))).isEqualTo(2_000_000);
    assertThat(p.children()).containsKey(me.peerId());
    // Leave returns at most what was granted.
    assertThat(p.onLeave(me.peerId(), 5_000_000)).isEqualTo(2_000_000);
    assertThatThrownBy(() -> p.onLeave(me.peerId(), 1)).hasMessageContaining("NOT_A_CHILD");
  }

  @Test
  void heartbeatsKeepTheParentAndSilenceReattachesToTheNearestLivingAncestor() {
    TreeMembership m = TreeMembership.child(me.peerId(), List.of(parent, grand, root), config,
        clock);
    assertThat(m.state()).isEqualTo(State.JOINING);
    clock.advance(Duration.ofSeconds(10));
    assertThat(m.tick()).as("a slow first join is no missing parent").isEmpty();
    assertThat(m.onJoinResult(parent.peerId(), true, List.of(grand, root))).isEmpty();
    assertThat(m.state()).isEqualTo(State.ATTACHED);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(1));
      List<TreeAction> a = m.tick();
      assertThat(a).extracting(TreeAction::type).containsExactly(Type.SEND_HEARTBEAT);
      m.onParentHeartbeat(parent.peerId(), List.of(grand, root));
    }
    assertThat(m.state()).isEqualTo(State.ATTACHED);
    clock.advance(Duration.ofSeconds(3));
    assertThat(m.tick()).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo(Type.JOIN);
      assertThat(a.target()).isEqualTo(grand);
      assertThat(a.chain()).containsExactly(grand, root);
    });
    assertThat(m.state()).isEqualTo(State.REATTACHING);
    assertThat(m.tick()).as("one attempt at a time").isEmpty();
    // The grandparent is gone too: try the root next.
    assertThat(m.onJoinResult(grand.peerId(), false, List.of())).singleElement()
        .satisfies(a -> assertThat(a.target()).isEqualTo(root));
    assertThat(m.onJoinResult(root.peerId(), true, List.of())).isEmpty();
    assertThat(m.state()).isEqualTo(State.ATTACHED);
    assertThat(m.ancestors()).containsExactly(root);
  }

  @Test
  void aRefusedFirstJoinMovesOnToTheNextAncestor() {
    TreeMembership m = TreeMembership.child(me.peerId(), List.of(parent, root), config, clock);
    assertThat(m.onJoinResult(grand.peerId(), true, List.of())).as("not the one asked").isEmpty();
    assertThat(m.onJoinResult(parent.peerId(), false, List.of())).singleElement()
        .satisfies(a -> assertThat(a.target()).isEqualTo(root));
    assertThat(m.state()).isEqualTo(State.REATTACHING);
    m.onJoinResult(root.peerId(), true, List.of());
    assertThat(m.ancestors()).containsExactly(root);
    assertThat(m.state()).isEqualTo(State.ATTACHED);
  }

  @Test
  void whenNoAncestorAnswersTheChildStopsSpending() {
    TreeMembership m = TreeMembership.child(me.peerId(), List.of(parent, root), config, clock);
    m.onJoinResult(parent.peerId(), true, List.of(root));
    clock.advance(Duration.ofSeconds(4));
    assertThat(m.tick()).extracting(TreeAction::type).containsExactly(Type.JOIN);
    List<TreeAction> last = m.onJoinResult(root.peerId(), false, List.of());
    assertThat(last).extracting(TreeAction::type).containsExactly(Type.STOP_SPENDING);
    assertThat(m.state()).isEqualTo(State.ORPHANED);
    assertThat(m.tick()).isEmpty();
    assertThatThrownBy(() -> m.onJoin(member(9), List.of(me, root)))
        .hasMessageContaining("NOT_ACCEPTING");
  }

  @Test
  void aChildWithOnlyItsParentIsOrphanedAtOnceWhenTheParentGoes() {
    TreeMembership m = TreeMembership.child(me.peerId(), List.of(root), config, clock);
    m.onJoinResult(root.peerId(), true, List.of());
    clock.advance(Duration.ofSeconds(4));
    assertThat(m.tick()).extracting(TreeAction::type).containsExactly(Type.STOP_SPENDING);
  }

  @Test
  void silentChildrenAreDroppedAndStrangersRefused() {
    TreeMembership r = TreeMembership.root(root.peerId(), config, clock);
    r.onJoin(parent, List.of(root));
    r.onJoin(me, List.of(root));
    assertThatThrownBy(() -> r.onChildHeartbeat(grand.peerId()))
        .hasMessageContaining("NOT_A_CHILD");
    clock.advance(Duration.ofSeconds(2));
    r.onChildHeartbeat(me.peerId());
    clock.advance(Duration.ofMillis(1500));
    List<TreeAction> a = r.tick();
    assertThat(a).extracting(TreeAction::type).containsExactly(Type.CHILD_LOST);
    assertThat(a.get(0).target()).isEqualTo(parent);
    assertThat(r.children()).containsOnlyKeys(me.peerId());
  }

  @Test
  void aHeartbeatCarriesTheParentsNewChain() {
    TreeMembership m = TreeMembership.child(me.peerId(), List.of(parent, grand, root), config,
        clock);
    m.onJoinResult(parent.peerId(), true, List.of(grand, root));
    m.onParentHeartbeat(parent.peerId(), List.of(root)); // the parent re-attached to the root
    assertThat(m.ancestors()).containsExactly(parent, root);
    m.onParentHeartbeat(grand.peerId(), List.of()); // not our parent: ignored
    assertThat(m.ancestors()).containsExactly(parent, root);
  }
}
