package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderTxtTest {

  private static final PeerId PEER = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  private static final PeerId OTHER = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());

  @Test
  void readsThePeerAndEveryAddress() {
    ProviderTxt t = ProviderTxt.parse(List.of("v=1", "icon-peer=" + PEER,
        "icon-addr=/ip4/192.0.2.10/tcp/4001", "icon-addr=/ip6/2001:db8::10/tcp/4001/p2p/" + PEER),
        16);

    assertThat(t.peerId()).contains(PEER);
    assertThat(t.addrs()).extracting(Object::toString).containsExactly(
        "/ip4/192.0.2.10/tcp/4001", "/ip6/2001:db8::10/tcp/4001/p2p/" + PEER);
    assertThat(t.problems()).isEmpty();
  }

  @Test
  void anInvalidPeerIdIsDroppedWithAReason() {
    ProviderTxt t = ProviderTxt.parse(List.of("icon-peer=not-a-peer-id",
        "icon-addr=/ip4/192.0.2.10/tcp/4001"), 16);

    assertThat(t.peerId()).isEmpty();
    assertThat(t.addrs()).hasSize(1);
    assertThat(t.problems()).singleElement().asString()
        .startsWith("invalid icon-peer 'not-a-peer-id'");
  }

  @Test
  void conflictingPeerIdsLeaveNoPeer() {
    ProviderTxt t = ProviderTxt.parse(List.of("icon-peer=" + PEER, "icon-peer=" + OTHER), 16);

    assertThat(t.peerId()).isEmpty();
    assertThat(t.problems()).singleElement().asString().contains("conflicting icon-peer");
  }

  @Test
  void theSamePeerIdTwiceIsNoConflict() {
    ProviderTxt t = ProviderTxt.parse(List.of("icon-peer=" + PEER, "icon-peer=" + PEER), 16);

    assertThat(t.peerId()).contains(PEER);
  }

  @Test
  void invalidAndForeignAddressesAreDroppedWithReasons() {
    ProviderTxt t = ProviderTxt.parse(List.of("icon-peer=" + PEER, "icon-addr=/ip4/999.1.1.1/tcp/1",
        "icon-addr=garbage", "icon-addr=/ip4/192.0.2.1/tcp/1/p2p/" + OTHER,
        "icon-addr=/ip4/192.0.2.2/tcp/2"), 16);

    assertThat(t.addrs()).extracting(Object::toString).containsExactly("/ip4/192.0.2.2/tcp/2");
    assertThat(t.problems()).hasSize(3);
    assertThat(t.problems().get(2)).contains("names another peer");
  }

  @Test
  void addressesBeyondTheLimitAreIgnored() {
    ProviderTxt t = ProviderTxt.parse(List.of("icon-peer=" + PEER, "icon-addr=/ip4/192.0.2.1/tcp/1",
        "icon-addr=/ip4/192.0.2.2/tcp/2", "icon-addr=/ip4/192.0.2.3/tcp/3"), 2);

    assertThat(t.addrs()).hasSize(2);
    assertThat(t.problems()).singleElement().asString().contains("more than 2");
  }

  @Test
  void noPeerRecordIsAProblem() {
    assertThat(ProviderTxt.parse(List.of("hello"), 16).problems())
        .containsExactly("no icon-peer record");
  }
}
