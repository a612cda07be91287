package dev.icon.market.negotiate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.icon.overlay.api.Host;
import dev.icon.overlay.api.HostConfig;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import dev.icon.proto.icon.negotiate.RejectReason;
import dev.icon.proto.icon.negotiate.Request;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two real hosts on loopback (TCP, Noise, Yamux) negotiating over {@code /icon/negotiate/1.0.0},
 * and a misbehaving consumer whose forged, replayed, malformed and silent streams are refused while
 * the provider stays up and keeps serving.
 */
class NegotiateHostTest {

  private final List<Host> hosts = new ArrayList<>();
  private final PrivateKey providerKey = PrivateKey.generateEd25519();
  private final PrivateKey consumerKey = PrivateKey.generateEd25519();
  private final CapacityOfferPolicy capacity = new CapacityOfferPolicy(Fixture.PRICE, 2_000, 2_048);
  private final MemoryAgreementStore providerStore = new MemoryAgreementStore();
  private final MemoryAgreementStore consumerStore = new MemoryAgreementStore();
  private final NegotiateConfig config =
      NegotiateConfig.forTests().toBuilder().stepTimeout(Duration.ofMillis(1500)).build();
  private Host providerHost;
  private Host consumerHost;
  private NegotiateController provider;
  private NegotiateController consumer;

  private Host host(PrivateKey key) {
    Host h = Host.builder().identity(key).config(HostConfig.forTests())
        .listen("/ip4/127.0.0.1/tcp/0").build();
    hosts.add(h);
    h.start().join();
    return h;
  }

  @BeforeEach
  void startHosts() throws Exception {
    providerHost = host(providerKey);
    consumerHost = host(consumerKey);
    provider = NegotiateController.builder(providerHost, providerKey).config(config)
        .offerPolicy(capacity).store(providerStore).build();
    provider.start();
    consumer = NegotiateController.builder(consumerHost, consumerKey).config(config)
        .store(consumerStore).build();
    consumerHost.dial(providerHost.dialAddrs().get(0)).get(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopHosts() {
    provider.stop();
    for (Host h : hosts) {
      h.stop().join();
    }
  }

  private NegotiationRequest request(int units) {
    Instant start = Instant.now().plus(Duration.ofMinutes(1));
    return new NegotiationRequest(providerHost.peerId(), Fixture.SMALL, units, 2_000_000, start,
        start.plus(Duration.ofHours(1)));
  }

  /** A valid signed request of the consumer's, built by hand (as a replaying peer would). */
  private NegotiateFrame validRequest() {
    return new ConsumerSession(consumerKey, request(1), config, Clock.systemUTC(),
        new SecureRandom(), OfferEvaluator.acceptAll(), new MemoryAgreementStore())
        .open().orElseThrow();
  }

  private SignedAgreement negotiate(int units) throws Exception {
    return consumer.negotiate(request(units)).get(20, TimeUnit.SECONDS);
  }

  @Test
  void bothPeersHoldTheSameDualSignedAgreement() throws Exception {
    SignedAgreement agreement = negotiate(2);

    assertThat(agreement.consumer()).isEqualTo(consumerHost.peerId());
    assertThat(agreement.provider()).isEqualTo(providerHost.peerId());
    byte[] held = consumerStore.find(agreement.id()).orElseThrow();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> providerStore.find(agreement.id()).isPresent());
    assertThat(providerStore.find(agreement.id()).orElseThrow()).isEqualTo(held);
    // Each side's copy verifies on its own: both signatures over the same terms.
    assertThat(SignedAgreement.verify(held)).isEqualTo(agreement);
    assertThat(capacity.freeCpuMillis()).isEqualTo(2_000 - 2 * 500);
    assertThat(provider.failures().values()).allMatch(n -> n == 0);
  }

  @Test
  void aDeclineReachesTheConsumerWithItsReasonAndNothingIsStored() throws Exception {
    negotiate(4); // takes the whole pool
    assertThatThrownBy(() -> negotiate(1)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(NegotiateException.class, e -> {
          assertThat(e.error()).isEqualTo(NegotiateError.DECLINED);
          assertThat(e.byRemote()).isTrue();
          assertThat(e.getMessage()).contains("capacity");
        });
    assertThat(consumerStore.size()).isEqualTo(1);
    assertThat(providerStore.size()).isEqualTo(1);
    assertThat(consumer.failures().get(NegotiateError.DECLINED)).isEqualTo(1);
  }

  @Test
  void aForgedRequestIsRejectedAndTheProviderKeepsServing() throws Exception {
    Request valid = validRequest().getRequest();
    byte[] sig = valid.getSignature().toByteArray();
    sig[10] ^= 1;
    RawNegotiateStream raw = RawNegotiateStream.open(consumerHost, providerHost.peerId());
    raw.send(NegotiateFrame.newBuilder().setRequest(
        valid.toBuilder().setSignature(ByteString.copyFrom(sig))).build());

    await().atMost(Duration.ofSeconds(10)).until(raw::wasReset);
    assertThat(raw.frames()).singleElement().satisfies(f ->
        assertThat(f.getReject().getReason()).isEqualTo(RejectReason.BAD_SIGNATURE));
    assertThat(provider.failures().get(NegotiateError.BAD_SIGNATURE)).isEqualTo(1);
    assertThat(providerStore.size()).isZero();

    assertThat(negotiate(1).provider()).isEqualTo(providerHost.peerId());
    assertThat(providerHost.connections(consumerHost.peerId())).isNotEmpty();
  }

  @Test
  void aReplayedRequestIsRejected() throws Exception {
    NegotiateFrame request = validRequest();
    RawNegotiateStream first = RawNegotiateStream.open(consumerHost, providerHost.peerId());
    first.send(request);
    await().atMost(Duration.ofSeconds(10)).until(() -> !first.frames().isEmpty());
    assertThat(first.frames().get(0).hasOffer()).isTrue();

    RawNegotiateStream replay = RawNegotiateStream.open(consumerHost, providerHost.peerId());
    replay.send(request);
    await().atMost(Duration.ofSeconds(10)).until(replay::wasReset);
    assertThat(replay.frames()).singleElement().satisfies(f ->
        assertThat(f.getReject().getReason()).isEqualTo(RejectReason.REPLAY));
    assertThat(provider.failures().get(NegotiateError.REPLAY)).isEqualTo(1);
    first.stream.reset();
    assertThat(negotiate(1)).isNotNull();
  }

  @Test
  void malformedAndOversizedFramesResetTheStreamOnly() throws Exception {
    RawNegotiateStream garbage = RawNegotiateStream.open(consumerHost, providerHost.peerId());
    garbage.sendRaw(RawNegotiateStream.framed(new byte[] {(byte) 0xff, (byte) 0xff, 0x00}));
    RawNegotiateStream huge = RawNegotiateStream.open(consumerHost, providerHost.peerId());
    huge.sendRaw(dev.icon.overlay.varint.Uvarint.encode(config.maxFrameSize() + 1L));

    await().atMost(Duration.ofSeconds(10))
        .until(() -> garbage.wasReset() && huge.wasReset());
    assertThat(garbage.frames()).isEmpty();
    assertThat(huge.frames()).isEmpty();
    assertThat(provider.failures().get(NegotiateError.MALFORMED)).isEqualTo(2);
    assertThat(negotiate(1)).isNotNull();
  }

  @Test
  void aSilentPeerTimesOutAndAnAcceptAfterTheRequestIsOutOfOrder() throws Exception {
    RawNegotiateStream silent = RawNegotiateStream.open(consumerHost, providerHost.peerId());
    silent.sendRaw(new byte[0]);
    RawNegotiateStream early = RawNegotiateStream.open(consumerHost, providerHost.peerId());
    early.send(NegotiateFrame.newBuilder().setAccept(
        dev.icon.proto.icon.negotiate.Accept.getDefaultInstance()).build());

    await().atMost(Duration.ofSeconds(10))
        .until(() -> silent.ended.isDone() && early.wasReset());
    assertThat(silent.wasReset()).as("a timeout closes, it does not reset").isFalse();
    assertThat(silent.frames()).singleElement().satisfies(f ->
        assertThat(f.getReject().getReason()).isEqualTo(RejectReason.TIMEOUT));
    assertThat(early.frames()).singleElement().satisfies(f ->
        assertThat(f.getReject().getReason()).isEqualTo(RejectReason.UNEXPECTED));
    assertThat(provider.failures().get(NegotiateError.TIMEOUT)).isEqualTo(1);
    assertThat(negotiate(1)).isNotNull();
  }

  @Test
  void aPolicyThatThrowsEndsOnlyThatNegotiation() throws Exception {
    PrivateKey brokenKey = PrivateKey.generateEd25519();
    Host brokenHost = host(brokenKey);
    NegotiateController broken = NegotiateController.builder(brokenHost, brokenKey).config(config)
        .offerPolicy(new OfferPolicy() {
          @Override
          public Quote quote(dev.icon.overlay.identity.PeerId consumer,
              dev.icon.proto.icon.negotiate.RequestTerms request) {
            throw new IllegalStateException("policy bug");
          }

          @Override
          public boolean commit(dev.icon.proto.icon.negotiate.AgreementTerms terms) {
            return true;
          }
        }).build();
    broken.start();
    consumerHost.dial(brokenHost.dialAddrs().get(0)).get(20, TimeUnit.SECONDS);
    Instant start = Instant.now().plus(Duration.ofMinutes(1));
    NegotiationRequest toBroken = new NegotiationRequest(brokenHost.peerId(), Fixture.SMALL, 1,
        2_000_000, start, start.plus(Duration.ofHours(1)));

    assertThatThrownBy(() -> consumer.negotiate(toBroken).get(20, TimeUnit.SECONDS))
        .cause().isInstanceOf(NegotiateException.class);
    // The broken provider's host still answers, and the honest one still negotiates.
    assertThat(consumerHost.ping(brokenHost.peerId()).get(20, TimeUnit.SECONDS)).isNotNull();
    assertThat(negotiate(1)).isNotNull();
    broken.stop();
  }

  @Test
  void aStoppedProviderNoLongerServesTheProtocol() throws Exception {
    provider.stop();
    provider.stop(); // idempotent
    assertThat(providerHost.protocols()).doesNotContain(NegotiateProtocol.ID);
    assertThatThrownBy(() -> negotiate(1)).isInstanceOf(ExecutionException.class);
    provider.start();
    assertThat(negotiate(1)).isNotNull();
  }
}
