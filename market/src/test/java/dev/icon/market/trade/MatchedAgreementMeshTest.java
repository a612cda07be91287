package dev.icon.market.trade;

import static dev.icon.market.trade.TradeMesh.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.market.auction.AskOffer;
import dev.icon.market.auction.BidOffer;
import dev.icon.market.auction.MatchedPair;
import dev.icon.market.clearing.Trade;
import dev.icon.market.negotiate.NegotiateError;
import dev.icon.market.negotiate.NegotiateException;
import dev.icon.market.negotiate.NegotiationRequest;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.market.receipt.ReceiptError;
import dev.icon.market.receipt.ReceiptSigner;
import dev.icon.market.receipt.ReceiptValidator;
import dev.icon.market.receipt.ReceiptVerdict;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.market.store.LedgerAgreementStore;
import dev.icon.market.store.LedgerReceiptBook;
import dev.icon.market.trade.TradeMesh.Node;
import dev.icon.proto.icon.negotiate.ReceiptBody;
import dev.icon.proto.icon.negotiate.UsageReceipt;
import dev.icon.proto.icon.resources.ResourceSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two ICONs and a provider on real overlay hosts (loopback TCP, Noise, Yamux) and real gossipsub
 * run a market round; every matched pair is concluded over {@code /icon/negotiate/1.0.0} into a
 * dual-signed agreement both sides hold byte for byte, in the provider's ledger; claims of trades
 * that did not clear are declined; receipts under an agreement are checked and recorded in the
 * ledger, the backwards and the excessive ones refused.
 */
class MatchedAgreementMeshTest {

  private static final ResourceSpec UNIT =
      ResourceSpec.newBuilder().setCpuMillis(250).setMemoryMib(512).build();
  private final TradeMesh mesh = new TradeMesh();

  @AfterEach
  void stop() {
    mesh.close();
  }

  @Test
  void everyMatchedPairEndsWithOneDualSignedAgreementInTheLedgerAndReceiptsFollow() {
    Node icon1 = mesh.icon();
    Node icon2 = mesh.icon();
    Node provider = mesh.provider();
    mesh.fullMesh();
    for (int i = 0; i < 8; i++) {
      BidOffer b = new BidOffer("x" + i, 300_000 + 1_000 * i, 1, List.of(), List.of(), UNIT);
      icon1.matches().expect(b);
      icon1.market().submit(b);
      icon2.market().submit(BidOffer.any("y" + i, 200_000 + 1_000 * i, 1));
    }
    for (int i = 0; i < 16; i++) {
      provider.market().submit(AskOffer.of("a" + i, 50_000 + 1_000 * i, 1));
    }

    long round = mesh.runRound(32);

    List<Trade> trades = provider.market().clearing(round).orElseThrow().outcome().trades();
    assertThat(trades).isNotEmpty();
    await().until(() -> icon1.outcomes().size() + icon2.outcomes().size() == trades.size());
    for (Node icon : List.of(icon1, icon2)) {
      for (MatchOutcome o : icon.outcomes()) {
        assertThat(o.concluded()).as("%s", o.failure()).isTrue();
        SignedAgreement a = o.agreement();
        Trade t = o.pair().trade();
        assertThat(trades).contains(t);
        assertThat(a.consumer()).isEqualTo(icon.id());
        assertThat(a.provider()).isEqualTo(provider.id());
        assertThat(a.terms().getUnits()).isEqualTo(t.units());
        assertThat(a.terms().getPriceMicrosPerUnitHour()).isEqualTo(t.sellerGetsPerUnit());
        assertThat(a.terms().getMaxTotalMicros()).isEqualTo(t.units() * t.sellerGetsPerUnit());
        byte[] held = icon.store().find(a.id()).orElseThrow();
        assertThat(held).isEqualTo(a.toByteArray());
        assertThat(provider.store().find(a.id()).orElseThrow()).isEqualTo(held);
        assertThat(provider.ledger().agreement(a.id().toString()).orElseThrow()).isEqualTo(held);
        assertThat(provider.policy().isConcluded(TradeKey.of(o.pair()))).isTrue();
      }
    }
    assertThat(icon1.outcomes()).allSatisfy(o -> assertThat(o.agreement().terms().getResources())
        .isEqualTo(UNIT));
    assertThat(provider.store().saved.get()).isEqualTo(trades.size());

    Node owner = icon1.outcomes().isEmpty() ? icon2 : icon1;
    Node other = owner == icon1 ? icon2 : icon1;
    MatchedPair theirs = owner.outcomes().peek().pair();
    // Claims of trades that did not clear, or not for this consumer, or concluded: declined.
    refused(other, provider, theirs, "is not this consumer's");
    refused(other, provider, new MatchedPair(round, new Trade(other.id().toBase58() + "/zz",
        theirs.trade().ask(), 1, 900_000, 900_000), other.id(), provider.id()), "no cleared trade");
    refused(owner, provider, theirs, "already concluded");
    assertThat(provider.store().saved.get()).isEqualTo(trades.size());

    receipts(owner, provider, owner.outcomes().peek().agreement());
  }

  /** {@code from} asks {@code provider} to conclude {@code pair}: declined with {@code why}. */
  private static void refused(Node from, Node provider, MatchedPair pair, String why) {
    int before = from.store().saved.get();
    Instant start = Instant.now();
    NegotiationRequest claim = new NegotiationRequest(provider.id(), UNIT,
        (int) pair.trade().units(), pair.trade().buyerPaysPerUnit(), start,
        start.plus(Duration.ofHours(1)), TradeKey.of(pair).toProto());
    Throwable e = TradeMesh.getFailure(from.negotiate().negotiate(claim));
    assertThat(e).isInstanceOfSatisfying(NegotiateException.class, n -> {
      assertThat(n.error()).isEqualTo(NegotiateError.DECLINED);
      assertThat(n.getMessage()).contains(why);
    });
    assertThat(from.store().saved.get()).isEqualTo(before);
  }

  private static void receipts(Node icon, Node provider, SignedAgreement a) {
    ReceiptSigner signer = new ReceiptSigner(icon.key(), Clock.systemUTC());
    ReceiptValidator validator = new ReceiptValidator(provider.id(),
        new LedgerAgreementStore(provider.ledger()), new LedgerReceiptBook(provider.ledger()),
        Clock.systemUTC(), Duration.ofSeconds(5));
    long max = a.terms().getMaxTotalMicros();
    assertThat(validator.validate(signer.sign(a, max / 4).toByteArray()).isAccepted()).isTrue();
    byte[] second = signer.sign(a, max / 2).toByteArray();
    ReceiptVerdict v = validator.validate(second);
    assertThat(v.isAccepted()).isTrue();
    assertThat(v.increaseMicros()).isEqualTo(max / 2 - max / 4);
    String id = a.id().toString();
    assertThat(provider.ledger().receipt(id).orElseThrow().signedReceipt()).isEqualTo(second);

    // Signed by the ICON, but going backwards, or beyond the agreement: refused, nothing stored.
    assertThat(validator.validate(forged(icon, a, 3, max / 8)).error())
        .isEqualTo(ReceiptError.BACKWARDS);
    assertThat(validator.validate(forged(icon, a, 3, max + 1)).error())
        .isEqualTo(ReceiptError.EXCEEDS_AGREEMENT);
    assertThat(provider.ledger().receipt(id).orElseThrow().signedReceipt()).isEqualTo(second);
    assertThat(provider.ledger().receipt(id).orElseThrow().cumulativeAmount()).isEqualTo(max / 2);
  }

  private static byte[] forged(Node icon, SignedAgreement a, long sequence, long cumulative) {
    ByteString body = ReceiptBody.newBuilder().setVersion(1).setAgreementId(a.id().bytes())
        .setConsumer(a.terms().getConsumer()).setProvider(a.terms().getProvider())
        .setSequence(sequence).setCumulativeMicros(cumulative)
        .setIssuedAtMillis(System.currentTimeMillis()).build().toByteString();
    return UsageReceipt.newBuilder().setBody(body).setSignature(ByteString.copyFrom(
        MarketSignatures.sign(icon.key(), SigningDomain.RECEIPT, body.toByteArray())))
        .build().toByteArray();
  }
}
