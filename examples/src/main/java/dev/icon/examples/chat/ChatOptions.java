package dev.icon.examples.chat;

import dev.icon.overlay.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chat room's command line: {@code --listen MULTIADDR} (default
 * {@code /ip4/127.0.0.1/tcp/0}), {@code --connect MULTIADDR} (repeatable, each with
 * {@code /p2p/<peer id>}), {@code --nick NAME} (default {@code anon}), {@code --room NAME}
 * (default {@code lobby}). Immutable.
 *
 * @param listen where to listen
 * @param connect peers to join through
 * @param nick our name in the room
 * @param room the room; its gossip topic is {@code icon-chat/<room>}
 */
public record ChatOptions(Multiaddr listen, List<Multiaddr> connect, String nick, String room) {

  /** The usage text. */
  public static final String USAGE = """
      usage: ChatRoom [--listen MULTIADDR] [--connect MULTIADDR]... [--nick NAME] [--room NAME]
        --listen   where to listen (default /ip4/127.0.0.1/tcp/0)
        --connect  a peer already in the room, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...
        --nick     your name (default anon)
        --room     the room to join (default lobby)""";

  /** Copies the list and rejects nulls and blank names. */
  public ChatOptions {
    Objects.requireNonNull(listen, "listen");
    connect = List.copyOf(connect);
    if (nick == null || nick.isBlank() || room == null || room.isBlank()) {
      throw new IllegalArgumentException("--nick and --room must not be blank");
    }
  }

  /** The gossip topic of the room. */
  public String topic() {
    return "icon-chat/" + room;
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming the bad argument
   */
  public static ChatOptions parse(String... args) {
    Multiaddr listen = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");
    List<Multiaddr> connect = new ArrayList<>();
    String nick = "anon";
    String room = "lobby";
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      switch (name) {
        case "--listen" -> listen = address(name, value);
        case "--connect" -> {
          Multiaddr a = address(name, value);
          if (a.peerId().isEmpty()) {
            throw new IllegalArgumentException("--connect needs /p2p/<peer id>: " + value);
          }
          connect.add(a);
        }
        case "--nick" -> nick = value;
        case "--room" -> room = value;
        default -> throw new IllegalArgumentException("unknown option: " + name);
      }
    }
    return new ChatOptions(listen, connect, nick, room);
  }

  private static Multiaddr address(String name, String value) {
    try {
      return Multiaddr.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(name + ": not a multiaddr: " + value, e);
    }
  }
}
