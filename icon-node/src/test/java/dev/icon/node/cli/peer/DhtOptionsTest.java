package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.overlay.api.DhtMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DhtOptionsTest {

  private static final String ID = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

  private final PeerCli cli = new PeerCli();

  private int runPeer(String... args) {
    return cli.run(args);
  }

  private static PeerCommand parse(String... args) {
    return PeerCli.parse(args);
  }

  @Test
  void dhtIsOffWithoutOptionsServerWithDhtAndClientForActionsAlone() {
    assertThat(parse().dht.enabled()).isFalse();
    assertThat(parse("--dht").dht.mode()).isEqualTo(DhtMode.SERVER);
    assertThat(parse("--dht").dht.hasActions()).isFalse();
    DhtOptions client = parse("--find-peer", ID).dht;
    assertThat(client.enabled()).isTrue();
    assertThat(client.mode()).isEqualTo(DhtMode.CLIENT);
    assertThat(parse("--find-peer", ID).hasActions()).isTrue();
  }

  @Test
  void readsRepeatedActionsAndKeepsEqualsSignsInPutValues() {
    DhtOptions o = parse("--dht", "--bootstrap", "/ip4/127.0.0.1/tcp/1/p2p/" + ID,
        "/dnsaddr/bootstrap.example", "--put", "a=x=1", "b=", "--provide", "k1", "--provide", "k2",
        "--get", "/icon/" + ID + "/a", "--find-providers", "k1", "--find-peer", ID).dht;
    assertThat(o.bootstrap).hasSize(2);
    assertThat(o.put).containsExactly("a=x=1", "b=");
    assertThat(o.provide).containsExactly("k1", "k2");
    assertThat(o.get).containsExactly("/icon/" + ID + "/a");
    assertThat(o.findProviders).containsExactly("k1");
    assertThat(o.findPeer).containsExactly(ID);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "--bootstrap, /ip4/127.0.0.1/tcp/1, needs /p2p/",
      "--bootstrap, /ip4/127.0.0.1/tcp/x, bad multiaddr",
      "--put, =value, expected KEY=VALUE",
      "--put, novalue, expected KEY=VALUE",
      "--get, plain, record keys are",
      "--get, /pk/notapeer, bad peer id",
      "--find-peer, notapeer, not a peer id",
  })
  void badDhtArgumentsAreUsageErrors(String option, String value, String message) {
    assertThat(runPeer(option, value)).isEqualTo(2);
    assertThat(cli.err()).contains(message);
  }
}
