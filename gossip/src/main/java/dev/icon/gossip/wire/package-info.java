/**
 * The gossipsub wire layer: framing of pubsub {@code RPC} protobufs on a stream ({@link
 * dev.icon.gossip.wire.RpcCodec}), message ids ({@link dev.icon.gossip.wire.MessageIdFunction}),
 * and message signing and signature validation per the pubsub spec ({@link
 * dev.icon.gossip.wire.MessageSigner}, {@link dev.icon.gossip.wire.MessageSignatureValidator}).
 *
 * <p>Everything here is stateless apart from the per-channel codec, and holds no router state. The
 * protobuf classes live in {@code dev.icon.proto.libp2p.pubsub} (module {@code proto}).
 */
package dev.icon.gossip.wire;
