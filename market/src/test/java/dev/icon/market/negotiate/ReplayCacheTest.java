package dev.icon.market.negotiate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.overlay.identity.PeerId;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nonces remembered until expiry, bounded in total and per peer, failing closed when full. */
class ReplayCacheTest {

  private final MutableClock clock = new MutableClock();
  private final PeerId alice = Fixture.key(1).publicKey().peerId();
  private final PeerId bob = Fixture.key(2).publicKey().peerId();

  private static ByteString n(String s) {
    return ByteString.copyFromUtf8(s);
  }

  private long in(int seconds) {
    return clock.millis() + seconds * 1000L;
  }

  @Test
  void aNonceIsAReplayUntilItExpires() {
    ReplayCache cache = new ReplayCache(clock, 10, 10);
    assertThat(cache.remember(alice, n("a"), in(2))).isEqualTo(ReplayCache.Verdict.FRESH);
    assertThat(cache.remember(bob, n("a"), in(2))).isEqualTo(ReplayCache.Verdict.REPLAY);
    clock.advance(Duration.ofSeconds(2));
    assertThat(cache.size()).isZero();
    assertThat(cache.remember(alice, n("a"), in(2))).isEqualTo(ReplayCache.Verdict.FRESH);
  }

  @Test
  void aFullCacheRefusesNewNoncesInsteadOfForgetting() {
    ReplayCache cache = new ReplayCache(clock, 2, 2);
    assertThat(cache.remember(alice, n("a"), in(1))).isEqualTo(ReplayCache.Verdict.FRESH);
    assertThat(cache.remember(bob, n("b"), in(5))).isEqualTo(ReplayCache.Verdict.FRESH);
    assertThat(cache.remember(bob, n("c"), in(5))).isEqualTo(ReplayCache.Verdict.FULL);
    assertThat(cache.remember(alice, n("a"), in(1))).isEqualTo(ReplayCache.Verdict.REPLAY);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.remember(bob, n("c"), in(5))).isEqualTo(ReplayCache.Verdict.FRESH);
  }

  @Test
  void onePeerCannotTakeMoreThanItsShare() {
    ReplayCache cache = new ReplayCache(clock, 100, 2);
    assertThat(cache.remember(alice, n("1"), in(1))).isEqualTo(ReplayCache.Verdict.FRESH);
    assertThat(cache.remember(alice, n("2"), in(3))).isEqualTo(ReplayCache.Verdict.FRESH);
    assertThat(cache.remember(alice, n("3"), in(3))).isEqualTo(ReplayCache.Verdict.PEER_FULL);
    assertThat(cache.remember(bob, n("4"), in(3))).isEqualTo(ReplayCache.Verdict.FRESH);
    clock.advance(Duration.ofSeconds(1)); // alice's first nonce expires: her share frees up
    assertThat(cache.remember(alice, n("3"), in(3))).isEqualTo(ReplayCache.Verdict.FRESH);
    assertThat(cache.size()).isEqualTo(3);
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new ReplayCache(clock, 0, 1)).hasMessageContaining("capacity");
    assertThatThrownBy(() -> new ReplayCache(clock, 1, 0)).hasMessageContaining("perPeer");
  }
}
