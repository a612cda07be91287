package dev.icon.examples.chat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One chat message on the wire: the UTF-8 JSON object {@code {"nick":"...","text":"..."}}.
 * Immutable. The codec is a few lines of hand-written JSON so the example needs nothing but the
 * ICON public API and the JDK; it reads any JSON object whose values are strings (other members
 * are ignored) and refuses everything else.
 *
 * @param nick the author's chosen name
 * @param text what they typed
 */
public record ChatLine(String nick, String text) {

  /** Rejects nulls. */
  public ChatLine {
    Objects.requireNonNull(nick, "nick");
    Objects.requireNonNull(text, "text");
  }

  /** The wire form. */
  public byte[] toJson() {
    return ("{\"nick\":" + quote(nick) + ",\"text\":" + quote(text) + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses the wire form.
   *
   * @throws IllegalArgumentException when it is not a JSON object of strings with nick and text
   */
  public static ChatLine fromJson(byte[] bytes) {
    Map<String, String> members = new JsonStrings(new String(bytes, StandardCharsets.UTF_8))
        .object();
    String nick = members.get("nick");
    String text = members.get("text");
    if (nick == null || text == null) {
      throw new IllegalArgumentException("chat message needs nick and text");
    }
    return new ChatLine(nick, text);
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** A reader for a flat JSON object whose values are all strings. */
  private static final class JsonStrings {
    private final String s;
    private int i;

    JsonStrings(String s) {
      this.s = s;
    }

    Map<String, String> object() {
      Map<String, String> m = new HashMap<>();
      expect('{');
      if (peek() == '}') {
        i++;
      } else {
        do {
          String key = string();
          expect(':');
          m.put(key, string());
        } while (next() == ',');
        i--;
        expect('}');
      }
      if (skipSpace() < s.length()) {
        throw new IllegalArgumentException("trailing characters at " + i);
      }
      return m;
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        if (i >= s.length()) {
          throw new IllegalArgumentException("unterminated escape");
        }
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw new IllegalArgumentException("short \\u escape");
            }
            try {
              b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            } catch (NumberFormatException ex) {
              throw new IllegalArgumentException("bad \\u escape at " + i, ex);
            }
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape \\" + e);
        }
      }
    }

    private int skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      return i;
    }

    private char peek() {
      skipSpace();
      if (i >= s.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return s.charAt(i);
    }

    private char next() {
      char c = peek();
      i++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
      }
    }
  }
}
