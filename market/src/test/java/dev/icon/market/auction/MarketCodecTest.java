package dev.icon.market.auction;

import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.Trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.market.ClearingAnnouncement;
import dev.icon.proto.icon.market.MarketMessage;
import dev.icon.proto.icon.market.ProviderAnnouncement;
import dev.icon.proto.icon.market.SignedMarketMessage;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class MarketCodecTest {
  private static final String MARKET = MarketConfig.DEFAULT_TOPIC;
  private final PrivateKey alice = PrivateKey.generateEd25519();
  private final PrivateKey mallory = PrivateKey.generateEd25519();
  private final PeerId aliceId = alice.publicKey().peerId();
  private final MarketCodec codec = new MarketCodec(4096);

  private static ByteString digest() {
    return ByteString.copyFrom(new byte[32]);
  }

  @Test
  void commitRoundTripsWithItsBinding() {
    byte[] bytes = codec.encode(alice, MarketCodec.commit(MARKET, 7, aliceId, "b1", digest()));

    MarketFrame f = codec.decode(bytes);

    assertThat(f).isEqualTo(new MarketFrame.Commit(MARKET, 7, aliceId, "b1", digest()));
  }

  @Test
  void revealCarriesTheOfferAndNonce() {
    BidOffer bid = new BidOffer("b1", 500, 3, List.of("x/a1"), List.of(aliceId.toBase58()),
        ResourceSpec.newBuilder().setCpuMillis(1000).setMemoryMib(512).build());
    byte[] offer = OfferCodec.encode(bid);
    byte[] nonce = new byte[32];

    MarketFrame.Reveal r = (MarketFrame.Reveal) codec.decode(
        codec.encode(alice, MarketCodec.reveal(MARKET, 7, aliceId, offer, nonce)));

    assertThat(r.offer()).isEqualTo(bid);
    assertThat(r.offerBytes().toByteArray()).isEqualTo(offer);
    assertThat(r.nonce().size()).isEqualTo(32);
  }

  @Test
  void clearingCarriesDigestsAndResult() {
    ClearingResult outcome = new ClearingResult(
        List.of(new Trade("p/b", "q/a", 2, 10, 8)), List.of("p/c"), "m");
    ClearingAnnouncement a = ClearingAnnouncement.newBuilder().setInputDigest(digest())
        .setResultDigest(ClearingDigests.result(outcome))
        .setResult(ClearingDigests.toProto(outcome)).build();

    MarketFrame.Clearing c = (MarketFrame.Clearing) codec.decode(
        codec.encode(alice, MarketCodec.clearing(MARKET, 9, aliceId, a)));

    assertThat(ClearingDigests.fromProto(c.result())).isEqualTo(outcome);
    assertThat(c.resultDigest()).isEqualTo(ClearingDigests.result(outcome));
  }

  @Test
  void providerAnnouncementsAreSignedAndChecked() {
    ProviderAnnouncement a = ProviderAnnouncement.newBuilder()
        .setUnit(ResourceSpec.newBuilder().setCpuMillis(2000).setMemoryMib(4096))
        .setUnitsAvailable(10).setPriceHintPerUnit(1_500_000)
        .addAddrs("/ip4/192.0.2.1/tcp/4001").addLocations("eu-west")
        .setExpiresAtMillis(1_800_000_000_000L).build();

    MarketFrame.Announcement f = (MarketFrame.Announcement) codec.decode(codec.encode(alice,
        MarketCodec.announcement("/icon/providers/1", 3, aliceId, a)));

    assertThat(f.body()).isEqualTo(a);
    assertThat(f.author()).isEqualTo(aliceId);
    assertThat(error(() -> codec.decode(codec.encode(alice, MarketCodec.announcement(
        "/icon/providers/1", 3, aliceId, a.toBuilder().setExpiresAtMillis(0).build())))))
        .isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> codec.decode(codec.encode(alice, MarketCodec.announcement(
        "/icon/providers/1", 3, aliceId, a.toBuilder().addAddrs("").build())))))
        .isEqualTo(MarketError.MALFORMED);
  }

  @Test
  void oversizedIsRefusedBothWays() {
    MarketCodec small = new MarketCodec(100);
    MarketMessage big = MarketCodec.commit(MARKET, 1, aliceId, "b1", digest());

    assertThat(error(() -> small.encode(alice, big))).isEqualTo(MarketError.OVERSIZED);
    assertThat(error(() -> small.decode(codec.encode(alice, big))))
        .isEqualTo(MarketError.OVERSIZED);
  }

  @Test
  void aTamperedMessageFailsItsSignature() {
    byte[] bytes = codec.encode(alice, MarketCodec.commit(MARKET, 7, aliceId, "b1", digest()));
    SignedMarketMessage s = parse(bytes);
    byte[] replayedToRound8 = MarketCodec.commit(MARKET, 8, aliceId, "b1", digest()).toByteArray();
    byte[] forged = s.toBuilder().setMessage(ByteString.copyFrom(replayedToRound8)).build()
        .toByteArray();

    assertThat(error(() -> codec.decode(forged))).isEqualTo(MarketError.BAD_SIGNATURE);
  }

  @Test
  void anotherKeyCannotSignForTheAuthor() {
    byte[] bytes = codec.encode(mallory, MarketCodec.commit(MARKET, 7, aliceId, "b1", digest()));

    assertThat(error(() -> codec.decode(bytes))).isEqualTo(MarketError.AUTHOR_MISMATCH);
  }

  @Test
  void badFieldsAreMalformed() {
    assertThat(error(() -> codec.decode(new byte[] {1, 2, 3}))).isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> codec.decode(codec.encode(alice,
        MarketCodec.commit(MARKET, 7, aliceId, "b1", ByteString.copyFrom(new byte[5]))))))
        .isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> codec.decode(codec.encode(alice,
        MarketCodec.commit(MARKET, 7, aliceId, "bad id!", digest())))))
        .isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> codec.decode(codec.encode(alice, MarketCodec.reveal(MARKET, 7,
        aliceId, OfferCodec.encode(AskOffer.of("a", 1, 1)), new byte[8])))))
        .isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> codec.decode(codec.encode(alice, MarketCodec.reveal(MARKET, 7,
        aliceId, new byte[] {(byte) 0xff}, new byte[16])))))
        .isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> codec.decode(codec.encode(alice,
        MarketCodec.commit("", 7, aliceId, "b1", digest()))))).isEqualTo(MarketError.MALFORMED);
  }

  @Test
  void aRoundBeyondTwoToTheSixtyThreeIsMalformed() {
    MarketMessage m = MarketCodec.commit(MARKET, 0, aliceId, "b1", digest()).toBuilder()
        .setRound(-1L).build(); // uint64 2^64 - 1 on the wire

    assertThat(error(() -> codec.decode(codec.encode(alice, m)))).isEqualTo(MarketError.MALFORMED);
  }

  @Test
  void anotherVersionIsUnsupported() {
    MarketMessage v2 = MarketCodec.commit(MARKET, 7, aliceId, "b1", digest()).toBuilder()
        .setVersion(2).build();

    assertThat(error(() -> codec.decode(codec.encode(alice, v2))))
        .isEqualTo(MarketError.UNSUPPORTED_VERSION);
  }

  @Test
  void offersOutOfRangeAreMalformed() {
    assertThat(error(() -> BidOffer.any("b", 1, 0))).isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> BidOffer.any("b", -1, 1))).isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> AskOffer.of("a", MarketOffer.MAX_PRICE_PER_UNIT + 1, 1)))
        .isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> AskOffer.of("", 1, 1))).isEqualTo(MarketError.MALFORMED);
    assertThat(error(() -> OfferCodec.decode(new byte[0]))).isEqualTo(MarketError.MALFORMED);
  }

  /** Random bytes, and random corruptions of a valid message, only ever raise MarketException. */
  @RepeatedTest(300)
  void garbageNeverEscapesAsAnotherException(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    byte[] valid = codec.encode(alice, MarketCodec.reveal(MARKET, 7, aliceId,
        OfferCodec.encode(BidOffer.any("b1", 5, 5)), new byte[16]));
    byte[] input;
    if (random.nextBoolean()) {
      input = new byte[random.nextInt(200)];
      random.nextBytes(input);
    } else {
      input = valid.clone();
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        input[random.nextInt(input.length)] ^= (byte) (1 + random.nextInt(255));
      }
    }

    Throwable t = catchThrowable(() -> codec.decode(input));

    assertThat(t).isInstanceOf(MarketException.class);
  }

  private static SignedMarketMessage parse(byte[] bytes) {
    try {
      return SignedMarketMessage.parseFrom(bytes);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static MarketError error(Runnable r) {
    Throwable t = catchThrowable(r::run);
    assertThat(t).isInstanceOf(MarketException.class);
    return ((MarketException) t).error();
  }

  @Test
  void errorHelperFailsWhenNothingIsThrown() {
    assertThatThrownBy(() -> error(() -> { })).isInstanceOf(AssertionError.class);
  }
}
