package dev.icon.market.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.icon.market.negotiate.TestAgreements;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.proto.icon.negotiate.BudgetGrant;
import dev.icon.proto.icon.negotiate.BudgetGrantBody;
import dev.icon.testing.MutableClock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Signed budget grants from a parent ICON to a child. */
class BudgetGrantsTest {

  final MutableClock clock = new MutableClock();
  final PrivateKey parent = TestAgreements.key(41);
  final PeerId child = TestAgreements.key(42).publicKey().peerId();
  final PeerId parentId = parent.publicKey().peerId();
  final BudgetGrant grant =
      BudgetGrants.issue(parent, child, 5_000_000, Duration.ofHours(1), clock, new Random(1));

  private void assertRefused(BudgetGrant g, PeerId from, PeerId to, GrantError error) {
    assertThatThrownBy(() -> BudgetGrants.verify(g, from, to, clock))
        .isInstanceOfSatisfying(GrantException.class, e -> assertThat(e.error()).isEqualTo(error));
  }

  @Test
  void aGrantVerifiesForItsPeersUntilItExpires() {
    BudgetGrantBody body = BudgetGrants.verify(grant, parentId, child, clock);
    assertThat(body.getAmountMicros()).isEqualTo(5_000_000);
    clock.advance(Duration.ofHours(1));
    assertRefused(grant, parentId, child, GrantError.EXPIRED);
  }

  @Test
  void forgedMisaddressedAndMalformedGrantsAreRefused() {
    byte[] body = grant.getBody().toByteArray();
    body[body.length - 1] ^= 1;
    assertRefused(grant.toBuilder().setBody(ByteString.copyFrom(body)).build(), parentId, child,
        GrantError.BAD_SIGNATURE);
    assertRefused(grant.toBuilder().clearSignature().build(), parentId, child,
        GrantError.BAD_SIGNATURE);
    assertRefused(grant, child, parentId, GrantError.WRONG_PEER);
    assertRefused(grant.toBuilder().setBody(ByteString.copyFrom(new byte[] {(byte) 0xff})).build(),
        parentId, child, GrantError.MALFORMED);
    assertRefused(grant.toBuilder().setSignature(ByteString.copyFrom(new byte[2000])).build(),
        parentId, child, GrantError.MALFORMED);
    assertThatThrownBy(() -> BudgetGrants.issue(parent, child, 0, Duration.ofHours(1), clock,
        new Random(1))).hasMessageContaining("amountMicros");
  }
}
