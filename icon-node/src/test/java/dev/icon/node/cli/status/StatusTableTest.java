package dev.icon.node.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StatusTableTest {

  @Test
  void aPlainNodeWithoutGossipShowsWhatIsOff() throws Exception {
    String json = """
        {"peerId":"12D3KooX","addrs":["/ip4/127.0.0.1/tcp/1/p2p/12D3KooX"],"roles":["host"],
         "peers":{"connected":2,"ids":["a","b"]},"dht":{"mode":"client","routingTable":5},
         "gossip":{"enabled":false,"topics":{}},
         "services":{"bootstrap":{"state":"RUNNING"},"providers":{"state":"FAILED","known":[]}}}
        """;
    String table = StatusTable.render(new ObjectMapper().readTree(json));
    assertThat(table).contains("peers connected              2")
        .contains("dht                          client, routing table 5")
        .contains("gossip                       off")
        .contains("topology map                 off")
        .contains("agreements                   - (not a provider)")
        .contains("providers known              0")
        .containsPattern("providers\\s+FAILED");
  }
}
