package dev.icon.examples.chat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatLineTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "with \"quotes\" and \\ backslash", "tab\tnew\nline",
      "ünïcödé ✓ 漢字", "\u0001 control"})
  void survivesTheWireForm(String text) {
    ChatLine line = new ChatLine("nick \"n\"", text);
    assertThat(ChatLine.fromJson(line.toJson())).isEqualTo(line);
  }

  @Test
  void theWireFormIsTheDocumentedJsonObject() {
    assertThat(new String(new ChatLine("a", "b\n").toJson(), UTF_8))
        .isEqualTo("{\"nick\":\"a\",\"text\":\"b\\n\"}");
  }

  @Test
  void readsWhitespaceUnicodeEscapesAndIgnoresOtherMembers() {
    byte[] json = " { \"text\" : \"\\u0041\\/b\", \"extra\":\"x\", \"nick\":\"js\" } ".getBytes(UTF_8);
    assertThat(ChatLine.fromJson(json)).isEqualTo(new ChatLine("js", "A/b"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"nick\":\"a\"}", "{\"nick\":1,\"text\":\"t\"}",
      "{\"nick\":\"a\",\"text\":\"t\"", "{\"nick\":\"a\",\"text\":\"t\"} trailing",
      "{\"nick\":\"a\",\"text\":\"\\q\"}", "{\"nick\":\"a\",\"text\":\"\\u12\"}"})
  void refusesWhatIsNotAChatLine(String json) {
    assertThatThrownBy(() -> ChatLine.fromJson(json.getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
