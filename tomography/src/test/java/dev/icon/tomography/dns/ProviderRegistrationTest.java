package dev.icon.tomography.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class ProviderRegistrationTest {

  private static final PeerId PEER = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
  private static final PeerId OTHER = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());

  @Test
  void theServiceNameIsTheLabelUnderTheName() throws Exception {
    assertThat(reg("isp-a.example.", "fra.isp-a.example.", "edge.fra.isp-a.example.", 4001,
        List.of(Multiaddr.parse("/ip4/192.0.2.1/tcp/4001"))).serviceName())
        .isEqualTo(Name.fromString("_icon._tcp.fra.isp-a.example."));
  }

  @Test
  void rejectsWhatAServerWouldRefuseOrAClientMisread() {
    List<Multiaddr> ok = List.of(Multiaddr.parse("/ip4/192.0.2.1/tcp/4001"));
    assertThatThrownBy(() -> reg("isp-a.example.", "isp-b.example.", "e.isp-a.example.", 1, ok))
        .hasMessageContaining("is not inside zone");
    assertThatThrownBy(() -> reg("isp-a.example.", "fra.isp-a.example.", "e.other.", 1, ok))
        .hasMessageContaining("its addresses cannot be set");
    assertThatThrownBy(() -> reg("isp-a.example.", "fra.isp-a.example.", "e.isp-a.example.", 0, ok))
        .hasMessageContaining("port must be 1..65535");
    assertThatThrownBy(() -> reg("isp-a.example.", "fra.isp-a.example.", "e.isp-a.example.", 1,
        List.of())).hasMessageContaining("at least one multiaddr");
    assertThatThrownBy(() -> reg("isp-a.example.", "fra.isp-a.example.", "e.isp-a.example.", 1,
        List.of(Multiaddr.parse("/ip4/192.0.2.1/tcp/1/p2p/" + OTHER))))
        .hasMessageContaining("names another peer");
  }

  private static ProviderRegistration reg(String zone, String name, String target, int port,
      List<Multiaddr> addrs) throws Exception {
    return new ProviderRegistration(Name.fromString(zone), Name.fromString(name),
        DnsConfig.parseLabel("_icon._tcp"), Name.fromString(target), port, 0, 0, 60, PEER, addrs,
        List.of(InetAddress.getByName("192.0.2.1")));
  }
}
