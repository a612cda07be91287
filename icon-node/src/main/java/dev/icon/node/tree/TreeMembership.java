package dev.icon.node.tree;

import dev.icon.node.tree.TreeAction.Type;
import dev.icon.overlay.identity.PeerId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ICON's place in its tree, on an injected clock, with no I/O: as a parent it tracks its
 * children (joined with a matching ancestor chain, alive while they heartbeat); as a child it
 * tracks its parent and ancestors (nearest first). When the parent has been silent for {@link
 * TreeConfig#deadAfter()}, the child re-attaches: it tries its ancestors in order, nearest first;
 * when none accepts it is ORPHANED and asks to stop spending. The binding ({@link TreeController})
 * carries out the {@link TreeAction}s that {@link #tick()} and the callbacks return.
 *
 * <p>Threading: not thread-safe; the controller calls it under its own lock.
 */
public final class TreeMembership {

  /** Where this ICON stands. */
  public enum State {
    /** The origin: no parent. */
    ROOT,
    /** A new child whose first join is in flight. */
    JOINING,
    /** A child with a living parent. */
    ATTACHED,
    /** The parent is gone; trying the ancestors in order. */
    REATTACHING,
    /** No ancestor answered: spends nothing more. Final. */
    ORPHANED,
    /** Left the tree (terminated). Final. */
    LEFT
  }

  /** A child as its parent sees it. */
  public record Child(TreeMember member, long grantedMicros, Instant lastHeard) {}

  private final PeerId self;
  private final TreeConfig config;
  private final Clock clock;
  private State state;
  private List<TreeMember> ancestors;
  private Instant lastHeardParent;
  private int reattachIndex;
  private boolean joinInFlight;
  private final Map<PeerId, Child> children = new LinkedHashMap<>();
  private final Map<PeerId, Long> expected = new HashMap<>();

  private TreeMembership(PeerId self, List<TreeMember> ancestors, TreeConfig config, Clock clock) {
    this.self = Objects.requireNonNull(self, "self");
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ancestors = List.copyOf(ancestors);
    this.state = ancestors.isEmpty() ? State.ROOT : State.JOINING;
    this.joinInFlight = !ancestors.isEmpty();
    this.lastHeardParent = clock.instant();
  }

  /** The origin of a tree. */
  public static TreeMembership root(PeerId self, TreeConfig config, Clock clock) {
    return new TreeMembership(self, List.of(), config, clock);
  }

  /**
   * A new child of {@code ancestors.get(0)}, with the rest of its chain (nearest first), JOINING:
   * its first join is in flight and {@link #onJoinResult} reports it (a refusal moves on to the
   * next ancestor, as a re-attachment).
   */
  public static TreeMembership child(PeerId self, List<TreeMember> ancestors, TreeConfig config,
      Clock clock) {
    if (ancestors.isEmpty()) {
      throw new IllegalArgumentException("a child needs at least its parent in ancestors");
    }
    return new TreeMembership(self, ancestors, config, clock);
  }

  /** Our state. */
  public State state() {
    return state;
  }

  /** Our ancestors, nearest first (empty for the root). */
  public List<TreeMember> ancestors() {
    return ancestors;
  }

  /** Our children (a copy, in join order). */
  public Map<PeerId, Child> children() {
    return new LinkedHashMap<>(children);
  }

  // ----- parent side

  /** Records that {@code child} will join and gets {@code grantedMicros} (split on replication). */
  public void expectChild(PeerId child, long grantedMicros) {
    if (grantedMicros < 0) {
      throw new IllegalArgumentException("grantedMicros must be >= 0: " + grantedMicros);
    }
    expected.put(child, grantedMicros);
  }

  /**
   * A join from {@code child} claiming {@code chain}; returns the grant to carry back (0 for none).
   *
   * @throws TreeException BAD_CHAIN when {@code chain} is not us followed by our ancestors,
   *     NOT_ACCEPTING when we are orphaned, left or full
   */
  public long onJoin(TreeMember child, List<TreeMember> chain) {
    if (state == State.ORPHANED || state == State.LEFT) {
      throw new TreeException(TreeError.NOT_ACCEPTING, "this ICON is " + state);
    }
    if (!children.containsKey(child.peerId()) && children.size() >= config.maxChildren()) {
      throw new TreeException(TreeError.NOT_ACCEPTING, "already " + children.size()
          + " children");
    }
    if (child.peerId().equals(self)) {
      throw new TreeException(TreeError.BAD_CHAIN, "an ICON cannot be its own child");
    }
    if (chain.size() != ancestors.size() + 1 || !chain.get(0).peerId().equals(self)) {
      throw new TreeException(TreeError.BAD_CHAIN, "chain of " + chain.size()
          + " does not start with this ICON followed by its " + ancestors.size() + " ancestors");
    }
    for (int k = 0; k < ancestors.size(); k++) {
      PeerId claimed = chain.get(k + 1).peerId();
      if (!claimed.equals(ancestors.get(k).peerId())) {
        throw new TreeException(TreeError.BAD_CHAIN, "ancestor " + (k + 1) + " claimed as "
            + claimed + " is " + ancestors.get(k).peerId());
      }
      if (claimed.equals(child.peerId())) {
        throw new TreeException(TreeError.BAD_CHAIN, "the child is in its own chain");
      }
    }
    Long grant = expected.remove(child.peerId());
    Child old = children.get(child.peerId());
    long granted = grant != null ? grant : old != null ? old.grantedMicros() : 0;
    children.put(child.peerId(), new Child(child, granted, clock.instant()));
    return grant != null ? grant : 0;
  }

  /**
   * A heartbeat from {@code child}.
   *
   * @throws TreeException NOT_A_CHILD when it is not our child (it should join again)
   */
  public void onChildHeartbeat(PeerId child) {
    Child c = children.get(child);
    if (c == null) {
      throw new TreeException(TreeError.NOT_A_CHILD, child + " is not a child of " + self);
    }
    children.put(child, new Child(c.member(), c.grantedMicros(), clock.instant()));
  }

  /**
   * {@code child} leaves returning {@code returnedMicros}; returns what we take back: at most what
   * we granted it (a child adopted on re-attachment was granted nothing here).
   *
   * @throws TreeException NOT_A_CHILD when it is not our child, MALFORMED for a negative amount
   */
  public long onLeave(PeerId child, long returnedMicros) {
    if (returnedMicros < 0) {
      throw new TreeException(TreeError.MALFORMED, "negative return " + returnedMicros);
    }
    Child c = children.remove(child);
    if (c == null) {
      throw new TreeException(TreeError.NOT_A_CHILD, child + " is not a child of " + self);
    }
    return Math.min(returnedMicros, c.grantedMicros());
  }

  // ----- child side

  /**
   * Our parent's heartbeat reply, with its own ancestors: the parent is alive and our chain is
   * the parent followed by them. Ignored when {@code from} is not our parent.
   */
  public void onParentHeartbeat(PeerId from, List<TreeMember> parentAncestors) {
    if (state != State.ATTACHED || !ancestors.get(0).peerId().equals(from)) {
      return;
    }
    lastHeardParent = clock.instant();
    List<TreeMember> chain = new ArrayList<>();
    chain.add(ancestors.get(0));
    for (TreeMember m : parentAncestors) {
      if (chain.size() > config.maxAncestors() || m.peerId().equals(self)) {
        break;
      }
      chain.add(m);
    }
    ancestors = List.copyOf(chain);
  }

  /**
   * The result of the first join or of a JOIN action to {@code target}: accepted (with the target's own ancestors) or
   * not. Returns the next actions (the next ancestor to try, or STOP_SPENDING).
   */
  public List<TreeAction> onJoinResult(PeerId target, boolean accepted,
      List<TreeMember> targetAncestors) {
    joinInFlight = false;
    if (state != State.REATTACHING && state != State.JOINING) {
      return List.of();
    }
    if (!ancestors.get(reattachIndex).peerId().equals(target)) {
      return List.of();
    }
    if (accepted) {
      List<TreeMember> chain = new ArrayList<>();
      chain.add(ancestors.get(reattachIndex));
      chain.addAll(targetAncestors);
      ancestors = List.copyOf(chain);
      state = State.ATTACHED;
      lastHeardParent = clock.instant();
      return List.of();
    }
    reattachIndex++;
    state = State.REATTACHING;
    return reattachStep();
  }

  /** We left the tree (terminated): no more actions. */
  public void leave() {
    state = State.LEFT;
  }

  /** Advances timers: heartbeats due, parent gone (re-attach), children lost. */
  public List<TreeAction> tick() {
    List<TreeAction> out = new ArrayList<>();
    Instant now = clock.instant();
    Instant deadline = now.minus(config.deadAfter());
    children.values().removeIf(c -> {
      if (!c.lastHeard().isAfter(deadline)) {
        out.add(new TreeAction(Type.CHILD_LOST, c.member(), List.of(),
            "silent for more than " + config.deadAfter()));
        return true;
      }
      return false;
    });
    if (state == State.ATTACHED) {
      if (!lastHeardParent.isAfter(deadline)) {
        state = State.REATTACHING;
        reattachIndex = 1;
        out.addAll(reattachStep());
      } else {
        out.add(new TreeAction(Type.SEND_HEARTBEAT, ancestors.get(0), List.of(), "period"));
      }
    } else if (state == State.REATTACHING && !joinInFlight) {
      out.addAll(reattachStep());
    }
    return out;
  }

  private List<TreeAction> reattachStep() {
    if (reattachIndex < ancestors.size()) {
      joinInFlight = true;
      TreeMember target = ancestors.get(reattachIndex);
      return List.of(new TreeAction(Type.JOIN, target,
          ancestors.subList(reattachIndex, ancestors.size()),
          "parent " + ancestors.get(0).peerId() + " silent; trying ancestor " + reattachIndex));
    }
    state = State.ORPHANED;
    return List.of(new TreeAction(Type.STOP_SPENDING, null, List.of(),
        "no living ancestor among " + ancestors.size()));
  }
}
