package dev.icon.bench.market;

import dev.icon.market.negotiate.NegotiateConfig;
import dev.icon.market.negotiate.NegotiateController;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PrivateKey;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One agreement round trip over the mesh: two real hosts in this JVM on loopback (TCP, Noise,
 * Yamux), already connected; each operation opens a {@code /icon/negotiate/1.0.0} stream and runs
 * request, offer, accept, agreement (four signatures made, six verified, both sides store it).
 * Milliseconds per agreement, one negotiation at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AgreementRoundTripBenchmark {

  private Host providerHost;
  private Host consumerHost;
  private NegotiateController provider;
  private NegotiateController consumer;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    PrivateKey providerKey = BenchAgreements.key(11);
    PrivateKey consumerKey = BenchAgreements.key(12);
    providerHost = Host.builder().identity(providerKey).config(HostConfig.defaults())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    consumerHost = Host.builder().identity(consumerKey).config(HostConfig.defaults())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    providerHost.start().join();
    consumerHost.start().join();
    provider = NegotiateController.builder(providerHost, providerKey)
        .config(NegotiateConfig.defaults()).offerPolicy(BenchAgreements.unlimited()).build();
    provider.start();
    consumer = NegotiateController.builder(consumerHost, consumerKey)
        .config(NegotiateConfig.defaults()).build();
    consumerHost.dial(providerHost.dialAddrs().get(0)).get(20, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    provider.stop();
    consumerHost.stop().join();
    providerHost.stop().join();
  }

  @Benchmark
  public SignedAgreement agreement() throws Exception {
    return consumer.negotiate(BenchAgreements.request(providerHost.peerId()))
        .get(20, TimeUnit.SECONDS);
  }
}
