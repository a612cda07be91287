package dev.icon.overlay.kad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.identity.PrivateKey;
import dev.icon.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link RecordStore}: validation, best-record selection, age, expiry, bounds. */
class RecordStoreTest {

  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
  private final KadConfig config = KadConfig.forTests().toBuilder().maxRecords(2).build();
  private final RecordStore store =
      new RecordStore(config, RecordValidators.defaults(config, clock), clock);
  private final PrivateKey owner = PrivateKey.generateEd25519(new SecureRandom(new byte[] {1}));
  private final Instant expiry = clock.instant().plus(Duration.ofHours(1));

  private byte[] key(String name) {
    return IconRecords.key(owner.publicKey().peerId(), name);
  }

  private byte[] record(String name, String value, long sequence, Instant expiresAt) {
    return IconRecords.sign(owner, name, value.getBytes(StandardCharsets.UTF_8), sequence,
        expiresAt);
  }

  @Test
  void keepsTheBetterRecordPerKey() {
    assertThat(store.put(key("a"), record("a", "v2", 2, expiry)))
        .isEqualTo(RecordStore.Outcome.STORED);
    assertThat(store.put(key("a"), record("a", "v1", 1, expiry)))
        .isEqualTo(RecordStore.Outcome.KEPT_EXISTING);
    assertThat(store.put(key("a"), record("a", "v3", 3, expiry)))
        .isEqualTo(RecordStore.Outcome.STORED);
    assertThat(store.get(key("a"))).hasValueSatisfying(r -> {
      assertThat(r.value().toByteArray()).isEqualTo(record("a", "v3", 3, expiry));
      assertThat(r.receivedAt()).isEqualTo(clock.instant());
    });
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void invalidRecordsAreRejectedWithTheirReason() {
    byte[] wrongName = record("b", "x", 1, expiry);
    assertThatThrownBy(() -> store.put(key("a"), wrongName))
        .isInstanceOfSatisfying(KadException.class,
            e -> assertThat(e.error()).isEqualTo(KadError.BAD_SIGNATURE));
    assertThat(store.size()).isZero();
  }

  @Test
  void recordsAreNotServedPastTheirExpiryOrMaximumAge() {
    store.put(key("short"), record("short", "x", 1, clock.instant().plusSeconds(30)));
    store.put(key("long"), record("long", "y", 1, clock.instant().plus(Duration.ofDays(1))));
    clock.advance(Duration.ofSeconds(30));
    assertThat(store.get(key("short"))).isEmpty();
    assertThat(store.get(key("long"))).isPresent();
    clock.advance(config.maxRecordAge());
    assertThat(store.get(key("long"))).isEmpty();
    assertThat(store.size()).isZero();
  }

  @Test
  void fullStoreRefusesNewKeysUntilRecordsAge() {
    Instant far = clock.instant().plus(Duration.ofDays(1));
    store.put(key("a"), record("a", "x", 1, far));
    store.put(key("b"), record("b", "x", 1, far));
    assertThat(store.put(key("c"), record("c", "x", 1, far)))
        .isEqualTo(RecordStore.Outcome.REJECTED_STORE_FULL);
    // An update of a held key still goes in.
    assertThat(store.put(key("a"), record("a", "x", 2, far))).isEqualTo(RecordStore.Outcome.STORED);
    clock.advance(config.maxRecordAge());
    assertThat(store.put(key("c"), record("c", "x", 1, far))).isEqualTo(RecordStore.Outcome.STORED);
    assertThat(store.size()).isEqualTo(1);
  }
}
