package dev.icon.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatOptionsTest {

  private static final String PEER =
      "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";

  @Test
  void defaultsToLoopbackAnonInTheLobby() {
    ChatOptions o = ChatOptions.parse();
    assertThat(o.listen().toString()).isEqualTo("/ip4/127.0.0.1/tcp/0");
    assertThat(o.connect()).isEmpty();
    assertThat(o.nick()).isEqualTo("anon");
    assertThat(o.topic()).isEqualTo("icon-chat/lobby");
  }

  @Test
  void readsEveryOptionAndRepeatedConnects() {
    ChatOptions o = ChatOptions.parse("--listen", "/ip4/127.0.0.1/tcp/5000", "--connect", PEER,
        "--connect", PEER, "--nick", "alice", "--room", "ops");
    assertThat(o.connect()).hasSize(2);
    assertThat(o.nick()).isEqualTo("alice");
    assertThat(o.topic()).isEqualTo("icon-chat/ops");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--nick | --nick needs a value",
      "--colour red | unknown option: --colour",
      "--connect /ip4/127.0.0.1/tcp/4001 | --connect needs /p2p/",
      "--listen nowhere | --listen: not a multiaddr",
      "--room ' ' | must not be blank"})
  void badArgumentsAreNamed(String args, String message) {
    String[] argv = args.contains("' '") ? new String[] {"--room", " "} : args.split(" ");
    assertThatThrownBy(() -> ChatOptions.parse(argv))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
