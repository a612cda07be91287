package dev.icon.node.tree;

import dev.icon.market.grant.BudgetGrants;
import dev.icon.market.grant.GrantException;
import dev.icon.node.tree.TreeMembership.State;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.tree.Heartbeat;
import dev.icon.proto.icon.tree.Join;
import dev.icon.proto.icon.tree.JoinAccepted;
import dev.icon.proto.icon.tree.Leave;
import dev.icon.proto.icon.tree.RefuseCode;
import dev.icon.proto.icon.tree.Refused;
import dev.icon.proto.icon.tree.TreeBody;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /icon/tree/1.0.0} binding on a {@link Host}: serves joins, heartbeats and leaves from
 * children, and as a child heartbeats its parent and re-attaches as its {@link TreeMembership}
 * says, on a heartbeat-period tick. One request and one reply per stream ({@link TreeCodec}).
 *
 * <p>Bad input (forged or stale frames, wrong chains, strangers' heartbeats) is answered with a
 * signed {@code Refused} carrying the reason when possible, counted per {@link TreeError}
 * ({@link #refusals()}), logged at debug level, and changes nothing.
 *
 * <p>Threading: thread-safe; the membership is used under this object's lock; the tick runs on one
 * scheduler thread of its own; the listener is called from it or from Netty event loops. {@link
 * #start()} and {@link #stop()} are idempotent.
 */
public final class TreeController {

  private static final Logger LOG = LoggerFactory.getLogger(TreeController.class);

  private final Host host;
  private final PrivateKey key;
  private final TreeConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final TreeListener listener;
  private final Map<TreeError, LongAdder> refusals = new EnumMap<>(TreeError.class);
  private final AtomicLong seq = new AtomicLong();
  private final TreeResponder responder;
  private TreeMembership membership;
  private ScheduledExecutorService scheduler;

  private TreeController(Builder b) {
    this.host = Objects.requireNonNull(b.host, "host");
    this.key = Objects.requireNonNull(b.key, "key");
    if (!key.publicKey().peerId().equals(host.peerId())) {
      throw new IllegalArgumentException("key is not the host's identity key");
    }
    this.config = Objects.requireNonNull(b.config, "config");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.random = Objects.requireNonNull(b.random, "random");
    this.listener = Objects.requireNonNull(b.listener, "listener");
    this.membership = TreeMembership.root(host.peerId(), config, clock);
    for (TreeError e : TreeError.values()) {
      refusals.put(e, new LongAdder());
    }
    this.responder = new TreeResponder(this, host, key, config, clock, random, listener);
  }

  /** A builder for a controller on {@code host}, signing with its identity {@code key}. */
  public static Builder builder(Host host, PrivateKey key) {
    return new Builder(host, key);
  }

  /** Serves the protocol and starts the heartbeat tick. Idempotent. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "icon-tree-" + host.peerId().toString().substring(0, 12));
      t.setDaemon(true);
      return t;
    });
    host.addProtocol(TreeProtocol.ID, responder::serve);
    long period = config.heartbeatPeriod().toMillis();
    scheduler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
  }

  /** Stops serving and ticking (no leave is sent: see {@link #leave}). Idempotent. */
  public synchronized void stop() {
    if (scheduler == null) {
      return;
    }
    host.removeProtocol(TreeProtocol.ID);
    scheduler.shutdownNow();
    scheduler = null;
  }

  /** This ICON as a tree member (peer id and listen addresses). */
  public TreeMember self() {
    return new TreeMember(host.peerId(), host.dialAddrs());
  }

  /** Our membership state. */
  public synchronized State state() {
    return membership.state();
  }

  /** Our ancestors, nearest first. */
  public synchronized List<TreeMember> ancestors() {
    return membership.ancestors();
  }

  /** Our children's peer ids, in join order. */
  public synchronized List<PeerId> children() {
    return List.copyOf(membership.children().keySet());
  }

  /** Refusals so far, per reason (a snapshot). */
  public Map<TreeError, Long> refusals() {
    Map<TreeError, Long> out = new EnumMap<>(TreeError.class);
    refusals.forEach((e, n) -> out.put(e, n.sum()));
    return out;
  }

  /** As a parent: {@code child} will join and gets {@code grantedMicros}, carried as a signed grant. */
  public synchronized void expectChild(PeerId child, long grantedMicros) {
    membership.expectChild(child, grantedMicros);
  }

  /**
   * Joins {@code ancestors.get(0)} as its child, claiming the whole chain (nearest first). Completes
   * when accepted (a grant in the reply is verified and given to {@link TreeListener#granted});
   * fails with a {@link TreeException} when refused or unreachable, and the membership then tries
   * the next ancestors in order, as on re-attachment. From then on it heartbeats and re-attaches by
   * itself.
   */
  public CompletableFuture<Void> join(List<TreeMember> ancestors) {
    synchronized (this) {
      membership = TreeMembership.child(host.peerId(), ancestors, config, clock);
    }
    TreeMember parent = ancestors.get(0);
    return sendJoin(parent, ancestors, false).whenComplete((accepted, e) -> {
      List<TreeAction> next;
      synchronized (this) {
        next = membership.onJoinResult(parent.peerId(), e == null,
            e == null ? TreeCodec.fromProto(accepted.getAncestorsList()) : List.of());
      }
      next.forEach(this::perform);
    }).thenApply(accepted -> null);
  }

  /**
   * Leaves the parent returning {@code returnedMicros}; completes with what the parent took back.
   * Our membership is LEFT afterwards whatever the answer.
   */
  public CompletableFuture<Long> leave(long returnedMicros) {
    TreeMember parent;
    synchronized (this) {
      if (membership.ancestors().isEmpty()) {
        membership.leave();
        return CompletableFuture.completedFuture(0L);
      }
      parent = membership.ancestors().get(0);
      membership.leave();
    }
    TreeBody.Builder body = TreeBody.newBuilder().setLeave(
        Leave.newBuilder().setReturnedMicros(returnedMicros));
    return request(parent, body).thenApply(reply -> {
      if (reply.hasAck()) {
        return reply.getAck().getAcceptedMicros();
      }
      throw refusedBy(reply);
    });
  }

  // ----- outbound

  private CompletableFuture<JoinAccepted> sendJoin(TreeMember target, List<TreeMember> chain,
      boolean reattach) {
    TreeBody.Builder body = TreeBody.newBuilder().setJoin(Join.newBuilder()
        .addAllAncestors(TreeCodec.toProto(chain))
        .addAllAddrs(TreeCodec.toProto(List.of(self())).get(0).getAddrsList())
        .setReattach(reattach));
    return request(target, body).thenApply(reply -> {
      if (!reply.hasAccepted()) {
        throw refusedBy(reply);
      }
      JoinAccepted a = reply.getAccepted();
      if (a.hasGrant()) {
        try {
          long amount = BudgetGrants.verify(a.getGrant(), target.peerId(), host.peerId(), clock)
              .getAmountMicros();
          listener.granted(amount);
        } catch (GrantException e) {
          count(target.peerId(), new TreeException(TreeError.BAD_SIGNATURE,
              "budget grant refused: " + e.getMessage()));
        }
      }
      return a;
    });
  }

  /** Sends one request frame to {@code target} and returns the verified reply body. */
  CompletableFuture<TreeBody> request(TreeMember target, TreeBody.Builder body) {
    return requestRaw(target, TreeCodec.encode(key, target.peerId(), body, clock));
  }

  /** Sends {@code frame} as it is (tests send forged frames with it). */
  CompletableFuture<TreeBody> requestRaw(TreeMember target, byte[] frame) {
    if (!target.addrs().isEmpty()) {
      host.peerStore().addAddresses(target.peerId(), target.addrs());
    }
    CompletableFuture<TreeBody> out = host.newStream(target.peerId(), List.of(TreeProtocol.ID))
        .thenCompose(stream -> stream.write(frame)
            .thenCompose(v -> stream.closeWrite())
            .thenCompose(v -> stream.readToEnd(config.maxFrameSize()))
            .whenComplete((v, e) -> stream.close()))
        .thenApply(bytes -> TreeCodec.decode(bytes, target.peerId(), host.peerId(), clock, config));
    return out.orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(e -> {
          Throwable c = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
          if (c instanceof TreeException t) {
            throw t;
          }
          throw new TreeException(TreeError.UNREACHABLE, target.peerId() + ": " + c);
        });
  }

  private static TreeException refusedBy(TreeBody reply) {
    if (reply.hasRefused()) {
      Refused r = reply.getRefused();
      TreeError e = switch (r.getCode()) {
        case BAD_CHAIN -> TreeError.BAD_CHAIN;
        case NOT_A_CHILD -> TreeError.NOT_A_CHILD;
        case NOT_ACCEPTING -> TreeError.NOT_ACCEPTING;
        default -> TreeError.MALFORMED;
      };
      return new TreeException(e, "refused: " + r.getReason());
    }
    return new TreeException(TreeError.UNEXPECTED, "reply of kind " + reply.getKindCase());
  }

  // ----- tick

  private void tick() {
    try {
      List<TreeAction> actions;
      synchronized (this) {
        actions = membership.tick();
      }
      actions.forEach(this::perform);
    } catch (RuntimeException e) {
      LOG.warn("tree tick failed", e);
    }
  }

  private void perform(TreeAction a) {
    switch (a.type()) {
      case SEND_HEARTBEAT -> heartbeat(a.target());
      case JOIN -> sendJoin(a.target(), a.chain(), true).whenComplete((accepted, e) -> {
        List<TreeAction> next;
        synchronized (this) {
          next = membership.onJoinResult(a.target().peerId(), e == null,
              e == null ? TreeCodec.fromProto(accepted.getAncestorsList()) : List.of());
        }
        if (e == null) {
          LOG.info("re-attached to {}", a.target().peerId());
          listener.parentChanged(a.target());
        } else {
          LOG.info("re-attach to {} failed: {}", a.target().peerId(), e.getMessage());
        }
        next.forEach(this::perform);
      });
      case STOP_SPENDING -> {
        LOG.warn("orphaned: {}", a.reason());
        listener.orphaned(a.reason());
      }
      case CHILD_LOST -> listener.childLost(a.target().peerId());
      default -> throw new IllegalStateException("unknown action " + a.type());
    }
  }

  private void heartbeat(TreeMember parent) {
    TreeBody.Builder body = TreeBody.newBuilder().setHeartbeat(Heartbeat.newBuilder()
        .setSeq(seq.incrementAndGet()).addAllAncestors(TreeCodec.toProto(ancestors())));
    request(parent, body).whenComplete((reply, e) -> {
      if (e != null) {
        LOG.debug("heartbeat to {} failed: {}", parent.peerId(), e.getMessage());
        return;
      }
      if (reply.hasHeartbeat()) {
        synchronized (this) {
          membership.onParentHeartbeat(parent.peerId(),
              TreeCodec.fromProto(reply.getHeartbeat().getAncestorsList()));
        }
      } else if (reply.hasRefused() && reply.getRefused().getCode() == RefuseCode.NOT_A_CHILD) {
        // The parent dropped us (a long pause): join it again with our chain.
        sendJoin(parent, ancestors(), false).thenAccept(a -> {
          synchronized (this) {
            membership.onParentHeartbeat(parent.peerId(),
                TreeCodec.fromProto(a.getAncestorsList()));
          }
        });
      }
    });
  }

  // ----- shared with TreeResponder

  /** Runs {@code f} on the membership under this object's lock. */
  synchronized <T> T withMembership(java.util.function.Function<TreeMembership, T> f) {
    return f.apply(membership);
  }

  long nextSeq() {
    return seq.incrementAndGet();
  }

  void count(PeerId from, TreeException e) {
    refusals.get(e.error()).increment();
    LOG.debug("tree request from {} refused: {}", from, e.getMessage());
    listener.refused(from, e);
  }

  /** Builds a {@link TreeController}; not thread-safe. */
  public static final class Builder {
    private final Host host;
    private final PrivateKey key;
    // Production timing; tests pass TreeConfig.forTests().
    private TreeConfig config = TreeConfig.defaults();
    // Wall-clock UTC: send times and grant expiries travel between peers.
    private Clock clock = Clock.systemUTC();
    // Grant ids and nonces must be unpredictable.
    private RandomGenerator random = new SecureRandom();
    // Nobody listens.
    private TreeListener listener = new TreeListener() { };

    private Builder(Host host, PrivateKey key) {
      this.host = host;
      this.key = key;
    }

    /** Timing and limits. */
    public Builder config(TreeConfig v) {
      config = v;
      return this;
    }

    /** The clock for send times, liveness and grant expiry. */
    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    /** Randomness for grant ids and nonces. */
    public Builder random(RandomGenerator v) {
      random = v;
      return this;
    }

    /** Who hears about tree events. */
    public Builder listener(TreeListener v) {
      listener = v;
      return this;
    }

    /** The controller; throws naming the field at fault. */
    public TreeController build() {
      return new TreeController(this);
    }
  }
}
