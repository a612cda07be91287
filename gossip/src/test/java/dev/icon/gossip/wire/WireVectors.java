package dev.icon.gossip.wire;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.crypto.KeyType;
import java.util.HexFormat;

/**
 * Fixed test vectors produced by js-libp2p {@code @libp2p/gossipsub} 17.1.1 and
 * {@code @libp2p/crypto} 5.1.23 (RPC.Message.encode, msgIdFnStrictSign's msgId, and the signing
 * input "libp2p-pubsub:" || encode(message without signature and key)), with the RFC 8032 test 1
 * Ed25519 key. Reproduce with node: privateKeyFromRaw(seed || pub), topic "icon/test", data "hello
 * icon", seqno 1.
 */
final class WireVectors {

  static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  static final String PEER_ID = "12D3KooWQK1wnefoLrcVHbbnf5tLzbopUd3K3bFAoJpA7YJgL5pV";
  static final String FROM = "002408011220" + PUBLIC;
  static final String TOPIC = "icon/test";
  static final String DATA = "hello icon";
  static final long SEQNO = 1;
  static final String SIGNATURE = "c2e023a8ffdd99dea077870877f733e71bfa3030fbb72d98cc073151d731a30d"
      + "81bb2264b1f21eb226e1a014c68f8f7e1ae4fbad0a188b624f85641484036a0c";
  /** The signed message as js encodes it (no key field). */
  static final String MESSAGE = "0a26" + FROM + "120a68656c6c6f2069636f6e1a080000000000000001"
      + "220969636f6e2f74657374" + "2a40" + SIGNATURE;
  /**
   * What js's buildRawMessage publishes for topic "" (omitted by proto3), data "hello icon" and
   * seqno 0xffffffffffffffff: js always appends the key field.
   */
  static final String MESSAGE_EMPTY_TOPIC_WITH_KEY = "0a26" + FROM
      + "120a68656c6c6f2069636f6e1a08ffffffffffffffff2a40"
      + "62f671e503012cc7dd7662c25cbdf498aaa6e330d3aa320b77b4620047c0b9c938a3cec013f10bef4a9c59edbc"
      + "febc525c96080b94f143edc1e7371965023f02" + "3224" + "08011220" + PUBLIC;
  /** js msgIdFnStrictSign: protobuf(PublicKey) || seqno. */
  static final String JS_MESSAGE_ID = "08011220" + PUBLIC + "0000000000000001";
  /**
   * A js RPC: subscribe icon/test, the message above, and control with IHAVE(icon/test, [010203]),
   * IWANT([04]), GRAFT(a), PRUNE(b, peers [from], backoff 60), IDONTWANT([0506]).
   */
  static final String RPC = "0a0d0801120969636f6e2f74657374128b01" + MESSAGE
      + "1a530a100a0969636f6e2f74657374120301020312030a01041a030a0161222f0a016212280a26" + FROM
      + "183c2a040a020506";

  private WireVectors() {}

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The RFC 8032 test 1 key as our PrivateKey. */
  static PrivateKey fixedKey() {
    return PrivateKey.fromProtobuf(dev.icon.proto.libp2p.crypto.PrivateKey.newBuilder()
        .setType(KeyType.Ed25519)
        .setData(ByteString.copyFrom(hex(SEED + PUBLIC)))
        .build()
        .toByteArray());
  }
}
