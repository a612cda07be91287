package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.kad.IconRecord;
import dev.icon.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RecordValidators} with the {@code /icon/} and {@code /pk/} validators. */
class RecordValidatorsTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final RecordValidators validators = RecordValidators.defaults(KadConfig.defaults(), clock);
  private final PrivateKey alice = PrivateKey.generateEd25519(seeded(1));
  private final PrivateKey mallory = PrivateKey.generateEd25519(seeded(2));
  private final Instant later = NOW.plus(Duration.ofHours(1));

  private static SecureRandom seeded(int seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] aliceKey(String name) {
    return IconRecords.key(alice.publicKey().peerId(), name);
  }

  private KadError rejection(byte[] key, byte[] value) {
    try {
      validators.validate(key, value);
      return null;
    } catch (KadException e) {
      return e.error();
    }
  }

  @Test
  void signedIconRecordIsValid() {
    byte[] value = IconRecords.sign(alice, "svc/web", utf8("hello"), 1, later);
    assertThat(rejection(aliceKey("svc/web"), value)).isNull();
    assertThat(new String(aliceKey("svc/web"), StandardCharsets.UTF_8))
        .isEqualTo("/icon/" + alice.publicKey().peerId() + "/svc/web");
  }

  @Test
  void recordSignedByAnotherPeerUnderAlicesKeyIsAKeyMismatch() {
    // Mallory signs a record for a key naming Alice: the key binds the owner.
    byte[] forged = IconRecord.newBuilder(parse(IconRecords.sign(mallory, "n", utf8("x"), 9, later)))
        .build().toByteArray();
    assertThat(rejection(aliceKey("n"), forged)).isEqualTo(KadError.KEY_MISMATCH);
  }

  @Test
  void tamperedFieldsBreakTheSignature() {
    IconRecord good = parse(IconRecords.sign(alice, "n", utf8("x"), 5, later));
    List<IconRecord> tampered = List.of(
        good.toBuilder().setValue(ByteString.copyFromUtf8("y")).build(),
        good.toBuilder().setSequence(6).build(),
        good.toBuilder().setExpiresAtMillis(good.getExpiresAtMillis() + 1).build(),
        good.toBuilder().setSignature(ByteString.copyFrom(new byte[64])).build(),
        good.toBuilder().clearSignature().build());
    for (IconRecord record : tampered) {
      assertThat(rejection(aliceKey("n"), record.toByteArray())).isEqualTo(KadError.BAD_SIGNATURE);
    }
    // The same record moved to another name of Alice's does not verify either.
    assertThat(rejection(aliceKey("m"), good.toByteArray())).isEqualTo(KadError.BAD_SIGNATURE);
  }

  @Test
  void expiredRecordIsRejected() {
    byte[] value = IconRecords.sign(alice, "n", utf8("x"), 1, NOW.plusSeconds(10));
    assertThat(rejection(aliceKey("n"), value)).isNull();
    clock.advance(Duration.ofSeconds(10));
    assertThat(rejection(aliceKey("n"), value)).isEqualTo(KadError.EXPIRED_RECORD);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no leading slash | icon/x/y | MALFORMED_KEY",
      "no namespace end | /icon | MALFORMED_KEY",
      "empty namespace | //x | MALFORMED_KEY",
      "unknown namespace | /ipns/abc | UNKNOWN_NAMESPACE",
      "icon without name | /icon/12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN | MALFORMED_KEY",
      "icon empty name | /icon/12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN/ | MALFORMED_KEY",
      "icon bad peer id | /icon/notapeer/name | MALFORMED_KEY",
      "pk bad peer id | /pk/xyz | MALFORMED_KEY",
  })
  void malformedKeysAreRejectedWithTheirReason(String name, String key, KadError expected) {
    assertThat(rejection(utf8(key), new byte[] {1})).isEqualTo(expected);
  }

  @Test
  void undecodableValueIsMalformed() {
    assertThat(rejection(aliceKey("n"), new byte[] {(byte) 0xff, 0x01}))
        .isEqualTo(KadError.MALFORMED_RECORD);
    byte[] badKey = IconRecord.newBuilder().setPublicKey(ByteString.copyFrom(new byte[] {1, 2}))
        .build().toByteArray();
    assertThat(rejection(aliceKey("n"), badKey)).isEqualTo(KadError.MALFORMED_RECORD);
  }

  @Test
  void oversizedRecordIsRejectedBeforeParsing() {
    RecordValidators small = RecordValidators.builder(100)
        .add(IconRecordValidator.NAMESPACE, new IconRecordValidator(clock)).build();
    byte[] value = IconRecords.sign(alice, "n", new byte[200], 1, later);
    assertThatThrownBy(() -> small.validate(aliceKey("n"), value))
        .isInstanceOfSatisfying(KadException.class,
            e -> assertThat(e.error()).isEqualTo(KadError.OVERSIZED_RECORD));
  }

  @Test
  void selectorPrefersHighestSequenceAmongValidRecords() {
    byte[] key = aliceKey("n");
    byte[] seq1 = IconRecords.sign(alice, "n", utf8("one"), 1, later);
    byte[] seq3 = IconRecords.sign(alice, "n", utf8("three"), 3, later);
    byte[] seq2 = IconRecords.sign(alice, "n", utf8("two"), 2, later);
    byte[] forgedSeq9 = parse(IconRecords.sign(alice, "n", utf8("nine"), 9, later)).toBuilder()
        .setValue(ByteString.copyFromUtf8("evil")).build().toByteArray();
    byte[] expiredSeq8 = IconRecords.sign(alice, "n", utf8("eight"), 8, NOW.minusSeconds(1));
    assertThat(validators.select(key, List.of(seq1, forgedSeq9, seq3, expiredSeq8, seq2)))
        .isEqualTo(2);
  }

  @Test
  void selectorBreaksSequenceTiesByLaterExpiryThenLowestIndex() {
    byte[] key = aliceKey("n");
    byte[] early = IconRecords.sign(alice, "n", utf8("a"), 4, later);
    byte[] late = IconRecords.sign(alice, "n", utf8("b"), 4, later.plusSeconds(60));
    assertThat(validators.select(key, List.of(early, late))).isEqualTo(1);
    assertThat(validators.select(key, List.of(early, early))).isZero();
  }

  @Test
  void selectorWithoutAnyValidRecordSaysSo() {
    byte[] key = aliceKey("n");
    assertThatThrownBy(() -> validators.select(key, List.of(new byte[] {1}, new byte[0])))
        .isInstanceOfSatisfying(KadException.class,
            e -> assertThat(e.error()).isEqualTo(KadError.NO_VALID_RECORD));
  }

  @Test
  void publicKeyRecordMustDeriveThePeerIdInItsKey() {
    PeerId peer = alice.publicKey().peerId();
    byte[] key = pkKey(peer);
    assertThat(rejection(key, alice.publicKey().toProtobuf())).isNull();
    assertThat(rejection(key, mallory.publicKey().toProtobuf())).isEqualTo(KadError.KEY_MISMATCH);
    assertThat(rejection(key, new byte[] {9, 9})).isEqualTo(KadError.MALFORMED_RECORD);
  }

  @Test
  void registryRefusesDuplicateNamespaces() {
    assertThatThrownBy(() -> RecordValidators.builder(10)
        .add("a", new PublicKeyValidator()).add("a", new PublicKeyValidator()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
  }

  @RepeatedTest(50)
  void randomKeysAndValuesOnlyEverFailWithKadException(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    List<String> prefixes = List.of("/icon/", "/pk/", "/", "/icon/" + alice.publicKey().peerId());
    byte[] tail = new byte[random.nextInt(60)];
    random.nextBytes(tail);
    byte[] prefix = utf8(prefixes.get(random.nextInt(prefixes.size())));
    byte[] key = new byte[prefix.length + tail.length];
    System.arraycopy(prefix, 0, key, 0, prefix.length);
    System.arraycopy(tail, 0, key, prefix.length, tail.length);
    byte[] value = new byte[random.nextInt(200)];
    random.nextBytes(value);
    List<byte[]> values = new ArrayList<>(List.of(value));
    assertThatThrownBy(() -> validators.validate(key, value)).isInstanceOf(KadException.class);
    assertThatThrownBy(() -> validators.select(key, values)).isInstanceOf(KadException.class);
  }

  private static byte[] pkKey(PeerId peer) {
    byte[] id = peer.toBytes();
    byte[] key = new byte[4 + id.length];
    System.arraycopy(utf8("/pk/"), 0, key, 0, 4);
    System.arraycopy(id, 0, key, 4, id.length);
    return key;
  }

  private static IconRecord parse(byte[] value) {
    try {
      return IconRecord.parseFrom(value);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
