package dev.icon.gossip.wire;

import static dev.icon.gossip.wire.WireVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.Message;
import dev.icon.proto.libp2p.pubsub.RPC;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Byte-for-byte agreement with js-libp2p gossipsub on fixed vectors (see {@link WireVectors}). */
class JsVectorTest {

  private final PrivateKey key = WireVectors.fixedKey();

  @Test
  void signerProducesTheBytesJsProduces() {
    Message message = new MessageSigner(key)
        .sign(WireVectors.TOPIC, WireVectors.DATA.getBytes(StandardCharsets.UTF_8), 1);

    assertThat(new MessageSigner(key).author().toBase58()).isEqualTo(WireVectors.PEER_ID);
    assertThat(hex(message.getSignature().toByteArray())).isEqualTo(WireVectors.SIGNATURE);
    assertThat(hex(message.toByteArray())).isEqualTo(WireVectors.MESSAGE);
  }

  @Test
  void signerMatchesJsForAnEmptyTopicAndTheKeyFieldJsAlwaysSends() throws Exception {
    Message message = new MessageSigner(key, MessageSigner.KeyField.ALWAYS)
        .sign("", WireVectors.DATA.getBytes(StandardCharsets.UTF_8), -1);

    assertThat(hex(message.toByteArray())).isEqualTo(WireVectors.MESSAGE_EMPTY_TOPIC_WITH_KEY);
    assertThat(new MessageSignatureValidator(SignaturePolicy.STRICT_SIGN)
        .validate(Message.parseFrom(hex(WireVectors.MESSAGE_EMPTY_TOPIC_WITH_KEY))))
        .isEqualTo(SignatureVerdict.ACCEPT);
  }

  @Test
  void jsSignedMessageValidates() throws Exception {
    Message message = Message.parseFrom(hex(WireVectors.MESSAGE));

    assertThat(new MessageSignatureValidator(SignaturePolicy.STRICT_SIGN).validate(message))
        .isEqualTo(SignatureVerdict.ACCEPT);
  }

  @Test
  void jsDefaultMessageIdMatches() throws Exception {
    Message message = Message.parseFrom(hex(WireVectors.MESSAGE));

    assertThat(StandardMessageIdFunction.PUBLIC_KEY_SEQNO.idOf(message).toString())
        .isEqualTo(WireVectors.JS_MESSAGE_ID);
    assertThat(StandardMessageIdFunction.FROM_SEQNO.idOf(message).toString())
        .isEqualTo(WireVectors.FROM + "0000000000000001");
  }

  @Test
  void jsRpcParsesWithEveryControlFieldAndReencodesIdentically() throws Exception {
    RPC rpc = RPC.parseFrom(hex(WireVectors.RPC));

    assertThat(rpc.getSubscriptions(0).getSubscribe()).isTrue();
    assertThat(rpc.getSubscriptions(0).getTopicid()).isEqualTo(WireVectors.TOPIC);
    assertThat(hex(rpc.getPublish(0).toByteArray())).isEqualTo(WireVectors.MESSAGE);
    var control = rpc.getControl();
    assertThat(control.getIhave(0).getTopicID()).isEqualTo(WireVectors.TOPIC);
    assertThat(hex(control.getIhave(0).getMessageIDs(0).toByteArray())).isEqualTo("010203");
    assertThat(hex(control.getIwant(0).getMessageIDs(0).toByteArray())).isEqualTo("04");
    assertThat(control.getGraft(0).getTopicID()).isEqualTo("a");
    assertThat(control.getPrune(0).getTopicID()).isEqualTo("b");
    assertThat(hex(control.getPrune(0).getPeers(0).getPeerID().toByteArray()))
        .isEqualTo(WireVectors.FROM);
    assertThat(control.getPrune(0).getBackoff()).isEqualTo(60);
    assertThat(hex(control.getIdontwant(0).getMessageIDs(0).toByteArray())).isEqualTo("0506");
    assertThat(rpc.getUnknownFields().asMap()).isEmpty();
    assertThat(hex(rpc.toByteArray())).isEqualTo(WireVectors.RPC);
  }
}
