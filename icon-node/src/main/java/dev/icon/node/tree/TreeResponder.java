package dev.icon.node.tree;

import dev.icon.market.grant.BudgetGrants;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.Stream;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.tree.Ack;
import dev.icon.proto.icon.tree.Heartbeat;
import dev.icon.proto.icon.tree.Join;
import dev.icon.proto.icon.tree.JoinAccepted;
import dev.icon.proto.icon.tree.RefuseCode;
import dev.icon.proto.icon.tree.Refused;
import dev.icon.proto.icon.tree.TreeBody;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering side of {@code /icon/tree/1.0.0} for a {@link TreeController}: reads one request
 * frame per stream, checks it ({@link TreeCodec}), applies it to the owner's membership and writes
 * one signed reply: {@code JoinAccepted} (with a signed budget grant when the child was expected),
 * the parent's {@code Heartbeat}, an {@code Ack}, or a {@code Refused} carrying the reason. Nothing
 * a peer sends can fail more than its own stream.
 *
 * <p>Threading: runs on the stream's event loop; membership access goes through the owner's lock.
 */
final class TreeResponder {

  private static final Logger LOG = LoggerFactory.getLogger(TreeResponder.class);
  private static final Duration GRANT_VALIDITY = Duration.ofMinutes(10);

  private final TreeController owner;
  private final Host host;
  private final PrivateKey key;
  private final TreeConfig config;
  private final Clock clock;
  private final RandomGenerator random;
  private final TreeListener listener;

  TreeResponder(TreeController owner, Host host, PrivateKey key, TreeConfig config, Clock clock,
      RandomGenerator random, TreeListener listener) {
    this.owner = owner;
    this.host = host;
    this.key = key;
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
  }

  void serve(Stream stream) {
    PeerId remote = stream.remotePeer();
    stream.readToEnd(config.maxFrameSize()).thenAccept(bytes -> {
      TreeBody reply;
      try {
        TreeBody body = TreeCodec.decode(bytes, remote, host.peerId(), clock, config);
        reply = handle(remote, body);
      } catch (TreeException e) {
        owner.count(remote, e);
        reply = refusal(e);
      } catch (RuntimeException e) {
        LOG.warn("tree request from {} broke", remote, e);
        reply = refusal(new TreeException(TreeError.MALFORMED, "internal error"));
      }
      byte[] out = TreeCodec.encode(key, remote, reply.toBuilder(), clock);
      stream.write(out).whenComplete((v, e) -> stream.close());
    }).exceptionally(e -> {
      // Over maxFrameSize, or reset before its end: either way no whole request to answer.
      owner.count(remote, new TreeException(TreeError.MALFORMED,
          "request not read whole: " + e.getMessage()));
      stream.reset();
      return null;
    });
  }

  private TreeBody handle(PeerId remote, TreeBody body) {
    switch (body.getKindCase()) {
      case JOIN -> {
        Join j = body.getJoin();
        TreeMember child = new TreeMember(remote, TreeCodec.fromProto(List.of(
            dev.icon.proto.icon.tree.Member.newBuilder().setPeerId(body.getFrom())
                .addAllAddrs(j.getAddrsList()).build())).get(0).addrs());
        List<TreeMember> chain = TreeCodec.fromProto(j.getAncestorsList());
        long grant = owner.withMembership(m -> m.onJoin(child, chain));
        List<TreeMember> mine = owner.withMembership(TreeMembership::ancestors);
        JoinAccepted.Builder a = JoinAccepted.newBuilder()
            .addAllAncestors(TreeCodec.toProto(mine))
            .setHeartbeatMillis((int) config.heartbeatPeriod().toMillis())
            .setMissesAllowed(config.missesAllowed());
        if (grant > 0) {
          a.setGrant(BudgetGrants.issue(key, remote, grant, GRANT_VALIDITY, clock, random));
        }
        listener.childJoined(remote);
        return TreeBody.newBuilder().setAccepted(a).build();
      }
      case HEARTBEAT -> {
        List<TreeMember> mine = owner.withMembership(m -> {
          m.onChildHeartbeat(remote);
          return m.ancestors();
        });
        return TreeBody.newBuilder().setHeartbeat(Heartbeat.newBuilder()
            .setSeq(owner.nextSeq()).addAllAncestors(TreeCodec.toProto(mine))).build();
      }
      case LEAVE -> {
        long back = owner.withMembership(m -> m.onLeave(remote,
            body.getLeave().getReturnedMicros()));
        listener.childLeft(remote, back);
        return TreeBody.newBuilder().setAck(Ack.newBuilder().setAcceptedMicros(back)).build();
      }
      default -> throw new TreeException(TreeError.UNEXPECTED, "a " + body.getKindCase()
          + " is no request");
    }
  }

  private static TreeBody refusal(TreeException e) {
    RefuseCode code = switch (e.error()) {
      case BAD_CHAIN -> RefuseCode.BAD_CHAIN;
      case NOT_A_CHILD -> RefuseCode.NOT_A_CHILD;
      case NOT_ACCEPTING -> RefuseCode.NOT_ACCEPTING;
      default -> RefuseCode.BAD_REQUEST;
    };
    return TreeBody.newBuilder().setRefused(Refused.newBuilder().setCode(code)
        .setReason(e.getMessage())).build();
  }
}
