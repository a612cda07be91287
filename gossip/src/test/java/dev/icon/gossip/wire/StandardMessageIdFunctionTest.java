package dev.icon.gossip.wire;

import dev.icon.gossip.api.MessageId;
import static dev.icon.gossip.wire.WireVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.proto.libp2p.pubsub.Message;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known-value table for {@link StandardMessageIdFunction}. */
class StandardMessageIdFunctionTest {

  private static Message message(String from, String seqno, String data, String key) {
    Message.Builder b = Message.newBuilder().setTopic("t");
    if (from != null) {
      b.setFrom(ByteString.copyFrom(hex(from)));
    }
    if (seqno != null) {
      b.setSeqno(ByteString.copyFrom(hex(seqno)));
    }
    if (data != null) {
      b.setData(ByteString.copyFrom(data, StandardCharsets.UTF_8));
    }
    if (key != null) {
      b.setKey(ByteString.copyFrom(hex(key)));
    }
    return b.build();
  }

  static Stream<Arguments> knownIds() {
    String seq1 = "0000000000000001";
    String ecdsaFrom = hex(new EcdsaTestKey(7).publicKey().peerId().toBytes());
    String ecdsaKey = hex(new EcdsaTestKey(7).publicKey().toProtobuf());
    return Stream.of(
        Arguments.of(StandardMessageIdFunction.FROM_SEQNO, message("0102", "0a0b", null, null),
            "01020a0b"),
        Arguments.of(StandardMessageIdFunction.FROM_SEQNO,
            message(WireVectors.FROM, seq1, "x", null), WireVectors.FROM + seq1),
        Arguments.of(StandardMessageIdFunction.PUBLIC_KEY_SEQNO,
            message(WireVectors.FROM, seq1, "x", null), WireVectors.JS_MESSAGE_ID),
        // Key not inlinable (ECDSA, sha2-256 peer id): js takes it from the key field.
        Arguments.of(StandardMessageIdFunction.PUBLIC_KEY_SEQNO,
            message(ecdsaFrom, "ffffffffffffffff", null, ecdsaKey), ecdsaKey + "ffffffffffffffff"),
        Arguments.of(StandardMessageIdFunction.SHA256_DATA, message(null, null, null, null),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Arguments.of(StandardMessageIdFunction.SHA256_DATA, message("01", "02", "abc", null),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("knownIds")
  void computesKnownIds(StandardMessageIdFunction function, Message message, String expected) {
    assertThat(function.idOf(message).toString()).isEqualTo(expected);
  }

  static Stream<Arguments> unidentifiable() {
    return Stream.of(
        Arguments.of(StandardMessageIdFunction.FROM_SEQNO, message(null, "01", null, null)),
        Arguments.of(StandardMessageIdFunction.FROM_SEQNO, message("01", null, null, null)),
        Arguments.of(StandardMessageIdFunction.PUBLIC_KEY_SEQNO,
            message(WireVectors.FROM, "01", null, null)),
        Arguments.of(StandardMessageIdFunction.PUBLIC_KEY_SEQNO,
            message(null, "0000000000000001", null, null)),
        Arguments.of(StandardMessageIdFunction.PUBLIC_KEY_SEQNO,
            message("ffff", "0000000000000001", null, null)));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("unidentifiable")
  void refusesMessagesLackingTheFieldsItNeeds(StandardMessageIdFunction f, Message message) {
    assertThatThrownBy(() -> f.idOf(message))
        .isInstanceOfSatisfying(GossipWireException.class,
            e -> assertThat(e.error()).isEqualTo(GossipWireError.UNIDENTIFIABLE_MESSAGE));
  }

  @Test
  void idsCompareByValue() {
    MessageId a = MessageId.of(hex("0102"));
    byte[] source = hex("0102");
    MessageId b = MessageId.of(source);
    source[0] = 9;

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.compareTo(MessageId.of(hex("ff")))).isNegative();
    assertThat(b.toString()).isEqualTo("0102");
  }
}
