package dev.icon.tomography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.identity.PrivateKey;
import dev.icon.overlay.multiaddr.Multiaddr;
import dev.icon.testing.BindServer;
import dev.icon.tomography.dns.DnsConfig;
import dev.icon.tomography.dns.DnsDiscovery;
import dev.icon.tomography.dns.DnsStatus;
import dev.icon.tomography.dns.DnsUpdateException;
import dev.icon.tomography.dns.DnsUpdater;
import dev.icon.tomography.dns.DnsjavaResolver;
import dev.icon.tomography.dns.DomainLookup;
import dev.icon.tomography.dns.ProviderRecord;
import dev.icon.tomography.dns.ProviderRegistration;
import dev.icon.tomography.dns.TsigKeys;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Provider registration by RFC 2136 update with TSIG against a real BIND, then discovery. */
class DnsUpdateBindIT {

  static final String SECRET = randomSecret();
  static BindServer bind;

  @BeforeAll
  static void startBind() throws Exception {
    bind = BindServer.onLoopback(Map.of("isp-a.example.", """
            $TTL 300
            @ IN SOA ns.isp-a.example. admin.isp-a.example. 1 3600 600 86400 30
            @ IN NS ns.isp-a.example.
            ns IN A 127.0.0.1
            """),
        "key \"icon-update\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };",
        "allow-update { key \"icon-update\"; };");
  }

  @AfterAll
  static void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void aRegisteredProviderIsDiscoveredAndGoneAfterUnregister() throws Exception {
    PeerId peer = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
    DnsUpdater updater = new DnsUpdater(bind.address(),
        TsigKeys.parse("icon-update:hmac-sha256:" + SECRET), Duration.ofSeconds(5));
    ProviderRegistration reg = registration(peer);

    updater.register(reg).get(10, TimeUnit.SECONDS);

    DnsConfig cfg = DnsConfig.builder(List.of(bind.address())).build();
    DnsDiscovery dns = new DnsDiscovery(new DnsjavaResolver(cfg), cfg);
    DomainLookup found = dns.providersAt(Name.fromString("fra.isp-a.example.")).get(5, TimeUnit.SECONDS);
    ProviderRecord p = found.providers().get(0);
    assertThat(p.peerId()).contains(peer);
    assertThat(p.port()).isEqualTo(4001);
    assertThat(p.srvTarget()).isEqualTo(Name.fromString("edge1.fra.isp-a.example."));
    assertThat(p.addrs()).extracting(Object::toString).containsExactly("/ip4/192.0.2.10/tcp/4001",
        "/ip6/2001:db8::10/tcp/4001");
    assertThat(p.targetAddresses()).containsExactly(InetAddress.getByName("192.0.2.10"));
    assertThat(p.problems()).isEmpty();

    updater.unregister(reg.zone(), reg.serviceName()).get(10, TimeUnit.SECONDS);

    DomainLookup gone = dns.providersAt(Name.fromString("fra.isp-a.example.")).get(5, TimeUnit.SECONDS);
    assertThat(gone.providers()).isEmpty();
    assertThat(gone.status()).isEqualTo(DnsStatus.NXDOMAIN);
  }

  @Test
  void registeringAgainReplacesThePreviousRecords() throws Exception {
    PeerId first = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
    PeerId second = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
    DnsUpdater updater = new DnsUpdater(bind.address(),
        TsigKeys.parse("icon-update:hmac-sha256:" + SECRET), Duration.ofSeconds(5));
    updater.register(registration(first)).get(10, TimeUnit.SECONDS);

    updater.register(registration(second)).get(10, TimeUnit.SECONDS);

    DnsConfig cfg = DnsConfig.builder(List.of(bind.address())).build();
    List<ProviderRecord> ps = new DnsDiscovery(new DnsjavaResolver(cfg), cfg)
        .providersAt(Name.fromString("fra.isp-a.example.")).get(5, TimeUnit.SECONDS).providers();
    assertThat(ps).singleElement().satisfies(p -> assertThat(p.peerId()).contains(second));
  }

  @Test
  void aWrongKeyIsRefusedWithNotauth() throws Exception {
    DnsUpdater wrong = new DnsUpdater(bind.address(),
        TsigKeys.parse("icon-update:hmac-sha256:" + randomSecret()), Duration.ofSeconds(5));
    PeerId peer = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());

    assertThatThrownBy(() -> wrong.register(registration(peer)).get(10, TimeUnit.SECONDS))
        .cause().isInstanceOf(DnsUpdateException.class).hasMessageContaining("NOTAUTH");
  }

  @Test
  void theCommandLineRegistersAndUnregisters() throws Exception {
    PeerId peer = PeerId.fromPublicKey(PrivateKey.generateEd25519().publicKey());
    List<String> common = List.of("--server", bind.hostPort(), "--zone", "isp-a.example",
        "--tsig", "icon-update:hmac-sha256:" + SECRET, "--name", "ams.isp-a.example");

    IconCli.Result reg = IconCli.run(List.of(), concat(List.of("dns", "register"), common,
        List.of("--peer", peer.toString(), "--addr", "/ip4/192.0.2.30/tcp/4003", "--port", "4003",
            "--target-address", "192.0.2.30")));

    assertThat(reg.exitCode()).as(reg.stderr()).isZero();
    assertThat(reg.stdout()).contains("registered _icon._tcp.ams.isp-a.example.");
    DnsConfig cfg = DnsConfig.builder(List.of(bind.address())).build();
    DnsDiscovery dns = new DnsDiscovery(new DnsjavaResolver(cfg), cfg);
    ProviderRecord p = dns.providersAt(Name.fromString("ams.isp-a.example.")).get(5, TimeUnit.SECONDS)
        .providers().get(0);
    assertThat(p.peerId()).contains(peer);
    assertThat(p.srvTarget()).isEqualTo(Name.fromString("edge.ams.isp-a.example."));
    assertThat(p.targetAddresses()).containsExactly(InetAddress.getByName("192.0.2.30"));

    IconCli.Result unreg = IconCli.run(List.of(), concat(List.of("dns", "unregister"), common));

    assertThat(unreg.exitCode()).as(unreg.stderr()).isZero();
    assertThat(dns.providersAt(Name.fromString("ams.isp-a.example.")).get(5, TimeUnit.SECONDS)
        .providers()).isEmpty();
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> out = new java.util.ArrayList<>();
    for (List<String> p : parts) {
      out.addAll(p);
    }
    return out;
  }

  private static ProviderRegistration registration(PeerId peer) throws Exception {
    return new ProviderRegistration(Name.fromString("isp-a.example."),
        Name.fromString("fra.isp-a.example."), DnsConfig.parseLabel("_icon._tcp"),
        Name.fromString("edge1.fra.isp-a.example."), 4001, 10, 5, 60, peer,
        List.of(Multiaddr.parse("/ip4/192.0.2.10/tcp/4001"),
            Multiaddr.parse("/ip6/2001:db8::10/tcp/4001")),
        List.of(InetAddress.getByName("192.0.2.10")));
  }

  private static String randomSecret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }
}
