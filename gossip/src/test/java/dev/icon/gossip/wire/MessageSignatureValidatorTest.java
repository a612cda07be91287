package dev.icon.gossip.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.Message;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link MessageSigner} and {@link MessageSignatureValidator} under both policies. */
class MessageSignatureValidatorTest {

  private static final PrivateKey KEY = WireVectors.fixedKey();
  private static final PrivateKey OTHER = PrivateKey.generateEd25519(seeded(2));
  private static final MessageSignatureValidator STRICT_SIGN =
      new MessageSignatureValidator(SignaturePolicy.STRICT_SIGN);
  private static final MessageSignatureValidator STRICT_NO_SIGN =
      new MessageSignatureValidator(SignaturePolicy.STRICT_NO_SIGN);

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Message signed() {
    return new MessageSigner(KEY).sign("topic", bytes("payload"), 42);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> roundTrips() {
    return Stream.of(
        Arguments.of("topic", "payload", 42L),
        Arguments.of("", "", 0L),
        Arguments.of("ünïcode/topic", "x".repeat(5000), -1L),
        Arguments.of("t", "", Long.MIN_VALUE));
  }

  @ParameterizedTest
  @MethodSource("roundTrips")
  void signedMessagesVerify(String topic, String data, long seqno) {
    for (MessageSigner.KeyField keyField : MessageSigner.KeyField.values()) {
      Message message = new MessageSigner(KEY, keyField).sign(topic, bytes(data), seqno);
      assertThat(STRICT_SIGN.validate(message)).isEqualTo(SignatureVerdict.ACCEPT);
      assertThat(message.hasKey()).isEqualTo(keyField == MessageSigner.KeyField.ALWAYS);
      assertThat(message.getSeqno().asReadOnlyByteBuffer().getLong()).isEqualTo(seqno);
    }
  }

  @Test
  void nonInlinableKeyTravelsInTheKeyField() {
    EcdsaTestKey ecdsa = new EcdsaTestKey(11);
    Message message = new MessageSigner(ecdsa).sign("t", bytes("d"), 1);

    assertThat(message.getKey().toByteArray()).isEqualTo(ecdsa.publicKey().toProtobuf());
    assertThat(STRICT_SIGN.validate(message)).isEqualTo(SignatureVerdict.ACCEPT);
    assertThat(STRICT_SIGN.validate(message.toBuilder().clearKey().build()))
        .isEqualTo(SignatureVerdict.MISSING_KEY);
    assertThat(STRICT_SIGN.validate(message.toBuilder()
        .setKey(ByteString.copyFrom(new EcdsaTestKey(12).publicKey().toProtobuf())).build()))
        .isEqualTo(SignatureVerdict.KEY_MISMATCH);
  }

  static Stream<Arguments> strictSignRejections() {
    ByteString otherFrom = ByteString.copyFrom(OTHER.publicKey().peerId().toBytes());
    return Stream.of(
        rejection("tampered data", b -> b.setData(ByteString.copyFromUtf8("payloaD")),
            SignatureVerdict.BAD_SIGNATURE),
        rejection("tampered topic", b -> b.setTopic("topic2"), SignatureVerdict.BAD_SIGNATURE),
        rejection("tampered seqno", b -> b.setSeqno(ByteString.copyFrom(
            MessageSigning.seqnoBytes(43))), SignatureVerdict.BAD_SIGNATURE),
        rejection("another author", b -> b.setFrom(otherFrom), SignatureVerdict.BAD_SIGNATURE),
        rejection("flipped signature", b -> {
          byte[] sig = b.getSignature().toByteArray();
          sig[0] ^= 1;
          return b.setSignature(ByteString.copyFrom(sig));
        }, SignatureVerdict.BAD_SIGNATURE),
        rejection("topic dropped", Message.Builder::clearTopic, SignatureVerdict.BAD_SIGNATURE),
        rejection("no seqno", Message.Builder::clearSeqno, SignatureVerdict.MISSING_SEQNO),
        rejection("7-byte seqno", b -> b.setSeqno(ByteString.copyFrom(new byte[7])),
            SignatureVerdict.BAD_SEQNO_LENGTH),
        rejection("no signature", Message.Builder::clearSignature,
            SignatureVerdict.MISSING_SIGNATURE),
        rejection("no from", Message.Builder::clearFrom, SignatureVerdict.MISSING_FROM),
        rejection("garbage from", b -> b.setFrom(ByteString.copyFrom(new byte[] {1, 2, 3})),
            SignatureVerdict.INVALID_FROM),
        rejection("garbage key", b -> b.setKey(ByteString.copyFrom(new byte[] {9, 9})),
            SignatureVerdict.INVALID_KEY),
        rejection("other peer's key", b -> b.setKey(
            ByteString.copyFrom(OTHER.publicKey().toProtobuf())), SignatureVerdict.KEY_MISMATCH));
  }

  private static Arguments rejection(String name, UnaryOperator<Message.Builder> change,
      SignatureVerdict expected) {
    return Arguments.of(name, change, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strictSignRejections")
  void strictSignRejects(String name, UnaryOperator<Message.Builder> change,
      SignatureVerdict expected) {
    Message message = change.apply(signed().toBuilder()).build();
    assertThat(STRICT_SIGN.validate(message)).isEqualTo(expected);
    assertThat(expected.accepted()).isFalse();
  }

  @Test
  void unknownFieldsAreNotSignedAsInJs() {
    Message withUnknown = signed().toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()).build();
    assertThat(STRICT_SIGN.validate(withUnknown)).isEqualTo(SignatureVerdict.ACCEPT);
  }

  @Test
  void verifiesTheTopicBytesAsSentEvenWhenNotUtf8() throws Exception {
    Message unsigned = Message.newBuilder()
        .setFrom(ByteString.copyFrom(KEY.publicKey().peerId().toBytes()))
        .setSeqno(ByteString.copyFrom(MessageSigning.seqnoBytes(7)))
        .setTopicBytes(ByteString.copyFrom(new byte[] {(byte) 0xFF, (byte) 0xFE}))
        .build();
    // Signed over the raw bytes as a go peer would, not through our own signingInput.
    byte[] signature =
        KEY.sign(RpcCodecTest.concat(bytes("libp2p-pubsub:"), unsigned.toByteArray()));
    Message received = Message.parseFrom(
        unsigned.toBuilder().setSignature(ByteString.copyFrom(signature)).build().toByteArray());

    assertThat(STRICT_SIGN.validate(received)).isEqualTo(SignatureVerdict.ACCEPT);
  }

  static Stream<Arguments> strictNoSignCases() {
    Message anonymous = MessageSigner.unsigned("topic", bytes("payload"));
    return Stream.of(
        Arguments.of("anonymous", anonymous, SignatureVerdict.ACCEPT),
        Arguments.of("signed", signed(), SignatureVerdict.UNEXPECTED_SIGNATURE),
        Arguments.of("seqno", anonymous.toBuilder().setSeqno(ByteString.copyFrom(new byte[8]))
            .build(), SignatureVerdict.UNEXPECTED_SEQNO),
        Arguments.of("from", anonymous.toBuilder().setFrom(ByteString.copyFrom(
            KEY.publicKey().peerId().toBytes())).build(), SignatureVerdict.UNEXPECTED_FROM),
        Arguments.of("key", anonymous.toBuilder().setKey(ByteString.copyFrom(
            KEY.publicKey().toProtobuf())).build(), SignatureVerdict.UNEXPECTED_KEY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strictNoSignCases")
  void strictNoSign(String name, Message message, SignatureVerdict expected) {
    assertThat(STRICT_NO_SIGN.validate(message)).isEqualTo(expected);
  }

  @Test
  void anonymousMessagesFailStrictSign() {
    Message anonymous = MessageSigner.unsigned("", bytes("payload"));
    assertThat(anonymous.hasTopic()).isFalse();
    assertThat(STRICT_SIGN.validate(anonymous)).isEqualTo(SignatureVerdict.MISSING_SEQNO);
  }

  @Test
  void fixedKeySignatureIsStable() {
    Message first = new MessageSigner(KEY).sign(WireVectors.TOPIC, bytes(WireVectors.DATA), 1);
    Message again = new MessageSigner(KEY).sign(WireVectors.TOPIC, bytes(WireVectors.DATA), 1);
    assertThat(again.toByteArray()).isEqualTo(first.toByteArray());
    assertThat(WireVectors.hex(first.toByteArray())).isEqualTo(WireVectors.MESSAGE);
    assertThat(KEY.publicKey().verify(MessageSigning.signingInput(first),
        first.getSignature().toByteArray())).isTrue();
  }
}
