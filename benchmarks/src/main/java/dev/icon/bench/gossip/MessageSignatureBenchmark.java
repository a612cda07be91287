package dev.icon.bench.gossip;

import dev.icon.gossip.wire.MessageSignatureValidator;
import dev.icon.gossip.wire.MessageSigner;
import dev.icon.gossip.wire.SignaturePolicy;
import dev.icon.gossip.wire.SignatureVerdict;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.libp2p.pubsub.Message;
import java.security.SecureRandom;
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
 * The StrictSign share of {@link GossipRouterBenchmark}: signing and verifying one 1 KiB pubsub
 * message with an Ed25519 key (the spec's signing input, as {@code gossip.wire} builds it), without
 * any router work around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MessageSignatureBenchmark {

  private MessageSigner signer;
  private final MessageSignatureValidator validator =
      new MessageSignatureValidator(SignaturePolicy.STRICT_SIGN);
  private final byte[] payload = new byte[1024];
  private Message signed;
  private long seqno;

  @Setup
  public void setUp() throws Exception {
    SecureRandom keys = SecureRandom.getInstance("SHA1PRNG");
    keys.setSeed(42);
    signer = new MessageSigner(PrivateKey.generateEd25519(keys));
    keys.nextBytes(payload);
    signed = signer.sign("bench", payload, 1);
  }

  @Benchmark
  public Message sign() {
    return signer.sign("bench", payload, ++seqno);
  }

  @Benchmark
  public SignatureVerdict verify() {
    SignatureVerdict verdict = validator.validate(signed);
    if (!verdict.accepted()) {
      throw new AssertionError(verdict);
    }
    return verdict;
  }
}
