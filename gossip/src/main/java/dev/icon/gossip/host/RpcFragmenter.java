package dev.icon.gossip.host;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import dev.icon.proto.libp2p.pubsub.ControlMessage;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits an RPC larger than the RPC size limit into several RPCs that each fit, as js-libp2p's
 * {@code fragmentRpc} and go's {@code appendOrMergeRPC} do, so a peer with the same limit never
 * rejects our batches: subscriptions, messages and control entries are packed greedily in order.
 * A single entry that cannot fit in an RPC on its own is dropped (a peer would reject it anyway).
 * Stateless and thread-safe.
 */
final class RpcFragmenter {
  private static final Logger LOG = LoggerFactory.getLogger(RpcFragmenter.class);
  private static final int SUBSCRIPTIONS = 1;
  private static final int PUBLISH = 2;

  private RpcFragmenter() {}

  /** {@code rpc} itself when it fits in {@code limit} bytes, otherwise fragments that each fit. */
  static List<RPC> fragment(RPC rpc, int limit) {
    if (rpc.getSerializedSize() <= limit) {
      return List.of(rpc);
    }
    Packer p = new Packer(limit);
    for (RPC.SubOpts sub : rpc.getSubscriptionsList()) {
      p.add(SUBSCRIPTIONS, sub, b -> b.addSubscriptions(sub));
    }
    for (var msg : rpc.getPublishList()) {
      p.add(PUBLISH, msg, b -> b.addPublish(msg));
    }
    if (rpc.hasControl()) {
      ControlMessage c = rpc.getControl();
      c.getIhaveList().forEach(e -> p.addControl(1, e, cb -> cb.addIhave(e)));
      c.getIwantList().forEach(e -> p.addControl(2, e, cb -> cb.addIwant(e)));
      c.getGraftList().forEach(e -> p.addControl(3, e, cb -> cb.addGraft(e)));
      c.getPruneList().forEach(e -> p.addControl(4, e, cb -> cb.addPrune(e)));
      c.getIdontwantList().forEach(e -> p.addControl(5, e, cb -> cb.addIdontwant(e)));
    }
    return p.finish();
  }

  /** One RPC as a length-prefixed frame. */
  static byte[] frame(RPC rpc) {
    byte[] body = rpc.toByteArray();
    byte[] prefix = Uvarint.encode(body.length);
    byte[] out = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  /** Greedy packing with exact protobuf sizes. */
  private static final class Packer {
    private final int limit;
    private final List<RPC> out = new ArrayList<>();
    private RPC.Builder rpc = RPC.newBuilder();
    private ControlMessage.Builder control = ControlMessage.newBuilder();
    private int rpcSize;
    private int controlSize;
    private boolean empty = true;

    Packer(int limit) {
      this.limit = limit;
    }

    void add(int field, MessageLite entry, Consumer<RPC.Builder> adder) {
      int size = CodedOutputStream.computeMessageSize(field, entry);
      if (!fits(size, 0)) {
        flush();
        if (!fits(size, 0)) {
          LOG.debug("dropping an RPC entry of {} bytes: larger than the RPC limit {}", size, limit);
          return;
        }
      }
      adder.accept(rpc);
      rpcSize += size;
      empty = false;
    }

    void addControl(int field, MessageLite entry, Consumer<ControlMessage.Builder> adder) {
      int size = CodedOutputStream.computeMessageSize(field, entry);
      if (!fits(0, size)) {
        flush();
        if (!fits(0, size)) {
          LOG.debug("dropping a control entry of {} bytes: larger than the RPC limit {}", size, limit);
          return;
        }
      }
      adder.accept(control);
      controlSize += size;
      empty = false;
    }

    private boolean fits(int extraRpc, int extraControl) {
      int c = controlSize + extraControl;
      int controlWire = c == 0 ? 0 : 1 + CodedOutputStream.computeUInt32SizeNoTag(c) + c;
      return rpcSize + extraRpc + controlWire <= limit;
    }

    private void flush() {
      if (empty) {
        return;
      }
      if (controlSize > 0) {
        rpc.setControl(control);
      }
      out.add(rpc.build());
      rpc = RPC.newBuilder();
      control = ControlMessage.newBuilder();
      rpcSize = 0;
      controlSize = 0;
      empty = true;
    }

    List<RPC> finish() {
      flush();
      return out;
    }
  }
}
