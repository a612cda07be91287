package dev.icon.node.yard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.market.negotiate.AgreementId;
import dev.icon.market.negotiate.AgreementStore;
import dev.icon.market.negotiate.MemoryAgreementStore;
import dev.icon.market.negotiate.SignedAgreement;
import dev.icon.node.deploy.DeployKind;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.resources.ResourceSpec;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which agreements count, and what the deploy admission says for bad input. */
class AgreementBookTest {

  private final PrivateKey provider = YardAgreements.key(21);
  private final PrivateKey consumer = YardAgreements.key(22);
  private final PeerId me = consumer.publicKey().peerId();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final MemoryAgreementStore store = new MemoryAgreementStore();
  private final AgreementBook book = new AgreementBook(store, provider.publicKey().peerId(), clock, 1000);

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void garbageIdsAndStoredGarbageAreRefusedNeverThrown(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 200; i++) {
      StringBuilder id = new StringBuilder();
      int n = r.nextInt(40);
      for (int k = 0; k < n; k++) {
        id.append((char) (r.nextBoolean() ? "0123456789abcdef".charAt(r.nextInt(16)) : 32 + r.nextInt(95)));
      }
      var verdict = book.check(me, id.toString(), DeployKind.IMAGE, r.nextInt(100));
      assertThat(verdict.admitted()).isFalse();
      assertThat(verdict.reason()).startsWith("NO_AGREEMENT");
    }
    // Random bytes stored under a valid id do not verify.
    AgreementId id = YardAgreements.randomId(r);
    byte[] junk = new byte[r.nextInt(300)];
    r.nextBytes(junk);
    store.saveIfAbsent(id, junk);
    assertThat(book.check(me, id.toString(), DeployKind.STATE, 1).reason()).startsWith("NO_AGREEMENT");
  }

  @Test
  void nullIdAndAFailingStoreAreRefusals() {
    assertThat(book.check(me, null, DeployKind.IMAGE, 1).reason()).startsWith("NO_AGREEMENT");
    AgreementStore broken = new AgreementStore() {
      @Override
      public boolean saveIfAbsent(AgreementId id, byte[] agreement) {
        return false;
      }

      @Override
      public Optional<byte[]> find(AgreementId id) {
        throw new IllegalStateException("disk on fire");
      }
    };
    AgreementBook b = new AgreementBook(broken, provider.publicKey().peerId(), clock, 1000);
    assertThat(b.check(me, YardAgreements.randomId(new Random(1)).toString(), DeployKind.IMAGE, 1)
        .reason()).contains("disk on fire");
  }

  @Test
  void periodIsHalfOpenAndNotYetBegunCountsAsExpired() {
    SignedAgreement a = YardAgreements.conclude(consumer, provider, ResourceSpec.newBuilder()
            .setCpuMillis(100).setMemoryMib(32).setDiskMib(2).build(), 3,
        clock.instant().plus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofMinutes(2)),
        store, new Random(3));
    String id = a.id().toString();
    assertThatThrownBy(() -> book.valid(id)).hasMessageStartingWith("EXPIRED");
    clock.advance(Duration.ofMinutes(1));
    assertThat(book.valid(id)).isEqualTo(a);
    // disk 2 MiB x 3 units is the allowance; the limits are the resources x units.
    assertThat(book.allowance(a)).isEqualTo(6L << 20);
    assertThat(AgreementBook.limitsOf(a).cpuMillis()).isEqualTo(300);
    assertThat(AgreementBook.limitsOf(a).memoryMiB()).isEqualTo(96);
    clock.advance(Duration.ofMinutes(1).minusMillis(1));
    assertThat(book.valid(id)).isEqualTo(a);
    clock.advance(Duration.ofMillis(1));
    assertThatThrownBy(() -> book.valid(id)).hasMessageStartingWith("EXPIRED");
  }

  @Test
  void defaultAllowanceIsValidated() {
    assertThatThrownBy(() -> new AgreementBook(store, me, clock, 0))
        .hasMessageContaining("defaultMaxArtifactBytes");
  }
}
