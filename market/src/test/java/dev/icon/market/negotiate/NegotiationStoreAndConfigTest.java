package dev.icon.market.negotiate;

import static dev.icon.market.negotiate.NegotiationSessionTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.proto.icon.negotiate.NegotiateFrame;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Store failures and taken ids, late frames, ids and config validation. */
class NegotiationStoreAndConfigTest {

  private final Fixture f = new Fixture(13);

  private ProviderSession provider(AgreementStore store) {
    return new ProviderSession(f.providerKey, f.consumerKey.publicKey().peerId(), f.config,
        f.clock, f.random, f.replays, f.policy, store);
  }

  private NegotiateFrame acceptFor(ConsumerSession c, ProviderSession p) {
    return c.onFrame(p.onFrame(c.open().orElseThrow()).reply()).reply();
  }

  @Test
  void aFailingStoreEndsTheNegotiationAndReleasesTheCapacity() {
    AgreementStore broken = new AgreementStore() {
      @Override
      public boolean saveIfAbsent(AgreementId id, byte[] agreement) {
        throw new IllegalStateException("disk full");
      }

      @Override
      public Optional<byte[]> find(AgreementId id) {
        return Optional.empty();
      }
    };
    ProviderSession p = provider(broken);
    ConsumerSession c = f.consumer();
    NegotiationSession.Step step = p.onFrame(acceptFor(c, p));
    assertRejected(step, p, NegotiateError.STORE_FAILED);
    assertThat(step.reply().getReject().getDetail()).contains("disk full");
    assertThat(((CapacityOfferPolicy) f.policy).freeCpuMillis()).isEqualTo(4_000);
    // The consumer reads the reject: nothing stored on its side either.
    c.onFrame(step.reply());
    assertThat(c.failure().orElseThrow().byRemote()).isTrue();
    assertThat(f.consumerStore.size()).isZero();
  }

  @Test
  void anAgreementIdAlreadyStoredIsAReplay() {
    AgreementStore full = new AgreementStore() {
      @Override
      public boolean saveIfAbsent(AgreementId id, byte[] agreement) {
        return false;
      }

      @Override
      public Optional<byte[]> find(AgreementId id) {
        return Optional.empty();
      }
    };
    ProviderSession p = provider(full);
    assertRejected(p.onFrame(acceptFor(f.consumer(), p)), p, NegotiateError.REPLAY);
    assertThat(((CapacityOfferPolicy) f.policy).freeCpuMillis()).isEqualTo(4_000);
  }

  @Test
  void framesAfterTheEndChangeNothing() {
    ConsumerSession c = f.consumer();
    ProviderSession p = f.provider();
    NegotiateFrame agreement = f.exchange(c, p);
    NegotiationSession.Step late = c.onFrame(agreement);
    assertThat(late.done()).isTrue();
    assertThat(late.reply()).isNull();
    assertThat(c.state()).isEqualTo(ConsumerSession.State.AGREED);
    assertThat(c.failure()).isEmpty();
    assertThat(p.onTimeout().reply()).isNull();
    assertThat(p.state()).isEqualTo(ProviderSession.State.AGREED);
  }

  @Test
  void openTwiceIsABug() {
    ConsumerSession c = f.consumer();
    c.open();
    assertThatThrownBy(c::open).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void agreementIdsHaveSixteenBytesAndAHexForm() {
    AgreementId id = new AgreementId(ByteString.copyFrom(new byte[16]));
    assertThat(id.toString()).isEqualTo("0".repeat(32));
    assertThat(AgreementId.parse(id.toString())).isEqualTo(id);
    assertThatThrownBy(() -> new AgreementId(ByteString.copyFrom(new byte[15])))
        .hasMessageContaining("16 bytes");
  }

  @Test
  void theMemoryStoreKeepsTheFirstAgreementOfAnId() {
    MemoryAgreementStore store = new MemoryAgreementStore();
    AgreementId id = new AgreementId(ByteString.copyFrom(new byte[16]));
    byte[] first = {1, 2, 3};
    assertThat(store.saveIfAbsent(id, first)).isTrue();
    first[0] = 9; // the store kept a copy
    assertThat(store.saveIfAbsent(id, new byte[] {4})).isFalse();
    assertThat(store.find(id)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
  }

  @Test
  void configValidationNamesTheField() {
    assertThatThrownBy(() -> NegotiateConfig.builder().stepTimeout(Duration.ZERO).build())
        .hasMessageContaining("stepTimeout");
    assertThatThrownBy(() -> NegotiateConfig.builder().maxFrameSize(10).build())
        .hasMessageContaining("maxFrameSize");
    assertThatThrownBy(() -> NegotiateConfig.builder().requestLifetime(Duration.ofMinutes(3))
        .build()).hasMessageContaining("maxRequestLifetime");
    assertThatThrownBy(() -> NegotiateConfig.builder().offerLifetime(Duration.ofMinutes(6))
        .build()).hasMessageContaining("maxOfferLifetime");
    assertThatThrownBy(() -> NegotiateConfig.builder().replayCacheCapacity(0).build())
        .hasMessageContaining("replayCacheCapacity");
    assertThatThrownBy(() -> NegotiateConfig.builder().replayCachePerPeer(100_001).build())
        .hasMessageContaining("replayCachePerPeer");
    assertThat(NegotiateConfig.defaults().toBuilder().build()).isEqualTo(NegotiateConfig.defaults());
  }

  @Test
  void requestValidationNamesTheField() {
    NegotiationRequest ok = f.request();
    assertThatThrownBy(() -> new NegotiationRequest(ok.provider(), ok.resources(), 0,
        ok.maxPriceMicrosPerUnitHour(), ok.start(), ok.end())).hasMessageContaining("units");
    assertThatThrownBy(() -> new NegotiationRequest(ok.provider(), ok.resources(), 1, -1,
        ok.start(), ok.end())).hasMessageContaining("maxPriceMicrosPerUnitHour");
    assertThatThrownBy(() -> new NegotiationRequest(ok.provider(), ok.resources(), 1, 1,
        ok.end(), ok.start())).hasMessageContaining("start");
  }
}
