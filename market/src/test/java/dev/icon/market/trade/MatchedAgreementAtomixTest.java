package dev.icon.market.trade;

import static dev.icon.market.trade.TradeMesh.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.market.auction.AskOffer;
import dev.icon.market.auction.BidOffer;
import dev.icon.market.ledger.AtomixLedger;
import dev.icon.market.ledger.LedgerConfig;
import dev.icon.market.receipt.ReceiptSigner;
import dev.icon.market.receipt.ReceiptValidator;
import dev.icon.market.store.LedgerAgreementStore;
import dev.icon.market.store.LedgerReceiptBook;
import dev.icon.market.trade.TradeMesh.Node;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same path as {@link MatchedAgreementMeshTest} with the provider's agreements and receipts in
 * a real single-member {@link AtomixLedger} (Raft, on disk): after the round the ledger is closed
 * and reopened from its directory, and every agreement and the last receipt are still there.
 */
class MatchedAgreementAtomixTest {

  @TempDir Path dir;

  @Test
  void agreementsAndReceiptsFromARoundSurviveALedgerRestart() {
    Map<String, byte[]> agreements = new HashMap<>();
    String paid;
    byte[] receipt;
    LedgerConfig config = LedgerConfig.builder().dataDirectory(dir).build();
    try (AtomixLedger ledger = AtomixLedger.open(config); TradeMesh mesh = new TradeMesh()) {
      Node icon = mesh.icon();
      Node provider = mesh.provider(ledger);
      mesh.fullMesh();
      for (int i = 0; i < 12; i++) {
        icon.market().submit(BidOffer.any("x" + i, 300_000 + 1_000 * i, 1));
        provider.market().submit(AskOffer.of("a" + i, 50_000 + 1_000 * i, 1));
      }
      long round = mesh.runRound(24);
      int trades = provider.market().clearing(round).orElseThrow().outcome().trades().size();
      assertThat(trades).isPositive();
      await().until(() -> icon.outcomes().size() == trades);
      for (MatchOutcome o : icon.outcomes()) {
        assertThat(o.concluded()).as("%s", o.failure()).isTrue();
        agreements.put(o.agreement().id().toString(), o.agreement().toByteArray());
      }
      MatchOutcome first = icon.outcomes().peek();
      ReceiptValidator validator = new ReceiptValidator(provider.id(),
          new LedgerAgreementStore(ledger), new LedgerReceiptBook(ledger), Clock.systemUTC(),
          Duration.ofSeconds(5));
      receipt = new ReceiptSigner(icon.key(), Clock.systemUTC())
          .sign(first.agreement(), first.agreement().terms().getMaxTotalMicros()).toByteArray();
      assertThat(validator.validate(receipt).isAccepted()).isTrue();
      paid = first.agreement().id().toString();
    }
    try (AtomixLedger reopened = AtomixLedger.open(config)) {
      agreements.forEach((id, bytes) ->
          assertThat(reopened.agreement(id)).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes)));
      assertThat(reopened.receipt(paid).orElseThrow().signedReceipt()).isEqualTo(receipt);
    }
  }
}
