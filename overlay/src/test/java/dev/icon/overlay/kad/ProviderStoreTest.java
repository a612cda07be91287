package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ProviderStore}: expiry, refresh, bounds per key and in total, address limits. */
class ProviderStoreTest {

  private final Random random = new Random(3);
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final KadConfig config = KadConfig.forTests().toBuilder()
      .maxProvidersPerKey(3).maxProviderRecords(5).maxProviderAddrs(2).build();
  private final ProviderStore store = new ProviderStore(config, clock);
  private final byte[] cid = {1, 0x55, 0x12, 0x20, 7, 7, 7};

  private static List<ByteString> addrs(int n) {
    return Collections.nCopies(n, ByteString.copyFrom(new byte[] {4, 127, 0, 0, 1}));
  }

  @Test
  void providerIsListedUntilTheValidityRunsOut() {
    PeerId p = TestPeers.random(random);
    assertThat(store.add(cid, p, addrs(1))).isEqualTo(ProviderStore.Outcome.ADDED);
    assertThat(store.providers(cid)).singleElement().satisfies(r -> {
      assertThat(r.provider()).isEqualTo(p);
      assertThat(r.expiresAt()).isEqualTo(clock.instant().plus(config.providerValidity()));
    });
    clock.advance(config.providerValidity().minusMillis(1));
    assertThat(store.providers(cid)).hasSize(1);
    clock.advance(Duration.ofMillis(1));
    assertThat(store.providers(cid)).isEmpty();
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.removeExpired()).isEqualTo(1);
    assertThat(store.size()).isZero();
    assertThat(store.keyCount()).isZero();
  }

  @Test
  void republishRenewsValidityAndAddresses() {
    PeerId p = TestPeers.random(random);
    store.add(cid, p, addrs(1));
    clock.advance(config.providerRepublishInterval());
    assertThat(store.add(cid, p, addrs(2))).isEqualTo(ProviderStore.Outcome.REFRESHED);
    clock.advance(config.providerValidity().minusMillis(1));
    assertThat(store.providers(cid)).singleElement()
        .satisfies(r -> assertThat(r.addrs()).hasSize(2));
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void pruningFollowsExpiryOrderAfterRefreshes() {
    PeerId a = TestPeers.random(random);
    PeerId b = TestPeers.random(random);
    store.add(cid, a, addrs(1));
    clock.advance(Duration.ofSeconds(10));
    store.add(cid, b, addrs(1));
    clock.advance(Duration.ofSeconds(10));
    store.add(cid, a, addrs(1)); // a now expires after b
    clock.advance(config.providerValidity().minusSeconds(5)); // b expired, a not yet
    assertThat(store.removeExpired()).isEqualTo(1);
    assertThat(store.providers(cid)).extracting(ProviderRecord::provider).containsExactly(a);
  }

  @Test
  void fullKeyRefusesNewProvidersButLetsKnownOnesRefresh() {
    List<PeerId> first = List.of(TestPeers.random(random), TestPeers.random(random),
        TestPeers.random(random));
    first.forEach(p -> store.add(cid, p, addrs(1)));
    assertThat(store.add(cid, TestPeers.random(random), addrs(1)))
        .isEqualTo(ProviderStore.Outcome.REJECTED_KEY_FULL);
    assertThat(store.add(cid, first.get(0), addrs(1)))
        .isEqualTo(ProviderStore.Outcome.REFRESHED);
    assertThat(store.providers(cid)).hasSize(3);
  }

  @Test
  void floodOfAddProviderCannotGrowTheStoreBeyondItsBound() {
    for (int i = 0; i < 10_000; i++) {
      byte[] key = {(byte) i, (byte) (i >> 8), 1};
      ProviderStore.Outcome outcome = store.add(key, TestPeers.random(random), addrs(50));
      assertThat(outcome).isIn(ProviderStore.Outcome.ADDED, ProviderStore.Outcome.REJECTED_STORE_FULL);
    }
    assertThat(store.size()).isEqualTo(config.maxProviderRecords());
    assertThat(store.keyCount()).isEqualTo(config.maxProviderRecords());
  }

  @Test
  void fullStoreFreesItselfAsRecordsExpire() {
    for (int i = 0; i < 5; i++) {
      store.add(new byte[] {(byte) i}, TestPeers.random(random), addrs(1));
    }
    assertThat(store.add(cid, TestPeers.random(random), addrs(1)))
        .isEqualTo(ProviderStore.Outcome.REJECTED_STORE_FULL);
    clock.advance(config.providerValidity());
    assertThat(store.add(cid, TestPeers.random(random), addrs(1)))
        .isEqualTo(ProviderStore.Outcome.ADDED);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void overlongKeysAndAddressesAreRefusedOrDropped() {
    assertThat(store.add(new byte[config.maxProviderKeyLength() + 1], TestPeers.random(random),
        addrs(1))).isEqualTo(ProviderStore.Outcome.REJECTED_KEY_TOO_LONG);
    assertThat(store.size()).isZero();

    PeerId p = TestPeers.random(random);
    ByteString huge = ByteString.copyFrom(new byte[ProviderStore.MAX_ADDR_LENGTH + 1]);
    ByteString ok = ByteString.copyFrom(new byte[] {4, 10, 0, 0, 1});
    store.add(cid, p, List.of(huge, ok, ok, ok));
    assertThat(store.providers(cid)).singleElement()
        .satisfies(r -> assertThat(r.addrs()).containsExactly(ok, ok));
  }
}
