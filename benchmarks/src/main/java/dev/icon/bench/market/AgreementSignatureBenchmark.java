package dev.icon.bench.market;

import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.market.signing.MarketSignatures;
import dev.icon.market.signing.SigningDomain;
import dev.icon.overlay.identity.PrivateKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ed25519 signature verifications per second on agreement-sized messages: one signature over
 * {@code icon-agreement-v1: || terms} of a real agreement (about 200 bytes of terms); and a whole
 * agreement check ({@link SignedAgreement#verify(byte[])}: parse, field checks, both signatures),
 * which a provider runs on every agreement it loads. One thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AgreementSignatureBenchmark {

  private byte[] terms;
  private byte[] signature;
  private byte[] signer;
  private byte[] agreement;
  private PrivateKey key;

  @Setup
  public void setUp() throws Exception {
    key = BenchAgreements.key(1);
    PrivateKey provider = BenchAgreements.key(2);
    SignedAgreement a = BenchAgreements.conclude(key, provider);
    terms = a.message().getTerms().toByteArray();
    signature = a.message().getConsumerSignature().toByteArray();
    signer = key.publicKey().peerId().toBytes();
    agreement = a.toByteArray();
    System.err.println("agreement terms: " + terms.length + " bytes, signed agreement: "
        + agreement.length + " bytes");
  }

  @Benchmark
  public boolean verifySignature() {
    if (!MarketSignatures.verify(signer, SigningDomain.AGREEMENT, terms, signature)) {
      throw new AssertionError("signature does not verify");
    }
    return true;
  }

  @Benchmark
  public SignedAgreement verifyAgreement() {
    return SignedAgreement.verify(agreement);
  }

  @Benchmark
  public byte[] sign() {
    return MarketSignatures.sign(key, SigningDomain.AGREEMENT, terms);
  }
}
