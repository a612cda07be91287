package dev.icon.market.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PrivateKey;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Domain-separated Ed25519 signatures resolved from peer ids. */
class MarketSignaturesTest {

  private static PrivateKey key(long seed) throws Exception {
    SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
    r.setSeed(seed);
    return PrivateKey.generateEd25519(r);
  }

  private static byte[] id(PrivateKey k) {
    return k.publicKey().peerId().toBytes();
  }

  @Test
  void aSignatureVerifiesForItsSignerAndDomainOnly() throws Exception {
    PrivateKey alice = key(1);
    PrivateKey bob = key(2);
    byte[] content = "terms".getBytes();
    byte[] sig = MarketSignatures.sign(alice, SigningDomain.AGREEMENT, content);
    assertThat(MarketSignatures.verify(id(alice), SigningDomain.AGREEMENT, content, sig)).isTrue();
    assertThat(MarketSignatures.verify(id(bob), SigningDomain.AGREEMENT, content, sig)).isFalse();
    for (SigningDomain other : SigningDomain.values()) {
      if (other != SigningDomain.AGREEMENT) {
        assertThat(MarketSignatures.verify(id(alice), other, content, sig)).isFalse();
      }
    }
  }

  @Test
  void signingBytesArePrefixThenContent() {
    assertThat(new String(SigningDomain.AGREEMENT.signingBytes("x".getBytes())))
        .isEqualTo("icon-agreement-v1:x");
    assertThat(SigningDomain.RECEIPT.prefix()).isEqualTo("icon-receipt-v1:");
  }

  @Test
  void missingOversizedOrUnresolvableInputIsFalseNotAnException() throws Exception {
    PrivateKey alice = key(1);
    byte[] content = new byte[300];
    byte[] sig = MarketSignatures.sign(alice, SigningDomain.REQUEST, content);
    assertThat(MarketSignatures.verify(id(alice), SigningDomain.REQUEST, content, new byte[0]))
        .isFalse();
    assertThat(MarketSignatures.verify(id(alice), SigningDomain.REQUEST, content,
        new byte[MarketSignatures.MAX_SIGNATURE_LENGTH + 1])).isFalse();
    assertThat(MarketSignatures.verify(new byte[] {1, 2, 3}, SigningDomain.REQUEST, content, sig))
        .isFalse();
    assertThat(MarketSignatures.verify(new byte[0], SigningDomain.REQUEST, content, sig)).isFalse();
    assertThat(MarketSignatures.keyOf(new byte[] {0x12, 0x20})).isEmpty();
  }

  /** Any single flipped bit of content or signature breaks the signature (seeded random cases). */
  @RepeatedTest(200)
  void aForgedByteNeverVerifies(RepetitionInfo info) throws Exception {
    Random random = new Random(info.getCurrentRepetition());
    PrivateKey k = key(random.nextLong());
    byte[] content = new byte[1 + random.nextInt(600)];
    random.nextBytes(content);
    byte[] sig = MarketSignatures.sign(k, SigningDomain.AGREEMENT, content);
    byte[] forgedContent = content.clone();
    forgedContent[random.nextInt(content.length)] ^= (byte) (1 << random.nextInt(8));
    byte[] forgedSig = sig.clone();
    forgedSig[random.nextInt(sig.length)] ^= (byte) (1 << random.nextInt(8));
    assertThat(MarketSignatures.verify(id(k), SigningDomain.AGREEMENT, content, sig)).isTrue();
    assertThat(MarketSignatures.verify(id(k), SigningDomain.AGREEMENT, forgedContent, sig))
        .isFalse();
    assertThat(MarketSignatures.verify(id(k), SigningDomain.AGREEMENT, content, forgedSig))
        .isFalse();
  }
}
