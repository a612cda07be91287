package dev.icon.node.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.icon.node.cli.IconMain;
import dev.icon.overlay.api.DhtMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class DhtOptionsTest {

  private static final String ID = "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

  private final StringWriter err = new StringWriter();

  /** Runs {@code icon peer ARGS}; only for arguments refused before the host starts. */
  private int runPeer(String... args) {
    CommandLine cli = IconMain.newCommandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "peer";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  private static PeerCommand parse(String... args) {
    PeerCommand command = new PeerCommand();
    new CommandLine(command).parseArgs(args);
    return command;
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
    assertThat(err.toString()).contains(message);
  }
}
