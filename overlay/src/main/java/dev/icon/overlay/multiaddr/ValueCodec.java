package dev.icon.overlay.multiaddr;

import dev.icon.overlay.identity.IdentityException;
import dev.icon.overlay.identity.PeerId;
import dev.icon.overlay.multibase.Multibase;
import dev.icon.overlay.multibase.MultibaseException;
import dev.icon.overlay.varint.Uvarint;
import dev.icon.overlay.varint.VarintException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Converts one component's value between its text and binary forms, validating both. */
final class ValueCodec {

  private ValueCodec() {}

  /** Text value to bytes. */
  static byte[] toBytes(Protocol protocol, String text) {
    switch (protocol) {
      case IP4: {
        byte[] b = IpText.parse4(text);
        if (b == null) {
          throw invalid(protocol, "'" + text + "' is not a dotted-quad IPv4 address");
        }
        return b;
      }
      case IP6: {
        byte[] b = IpText.parse6(text);
        if (b == null) {
          throw invalid(protocol, "'" + text + "' is not an IPv6 address");
        }
        return b;
      }
      case TCP:
      case UDP:
        return portBytes(protocol, text);
      case DNS:
      case DNS4:
      case DNS6:
      case DNSADDR:
      case IP6ZONE:
      case SNI: {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        validate(protocol, b);
        return b;
      }
      case CERTHASH:
        try {
          byte[] b = Multibase.decode(text);
          validate(protocol, b);
          return b;
        } catch (MultibaseException e) {
          throw invalid(protocol, "'" + text + "' is not multibase: " + e.getMessage());
        }
      case P2P:
        try {
          return PeerId.parse(text).toBytes();
        } catch (IdentityException e) {
          throw new MultiaddrException(MultiaddrError.INVALID_VALUE,
              "/p2p value '" + text + "' is not a peer id: " + e.getMessage(), e);
        }
      default:
        throw new MultiaddrException(
            MultiaddrError.SYNTAX, "/" + protocol.protocolName() + " takes no value");
    }
  }

  /** Binary value to text; the value must already be valid. */
  static String toText(Protocol protocol, byte[] value) {
    switch (protocol) {
      case IP4:
        return IpText.print4(value, 0);
      case IP6:
        return IpText.print6(value);
      case TCP:
      case UDP:
        return Integer.toString(((value[0] & 0xFF) << 8) | (value[1] & 0xFF));
      case DNS:
      case DNS4:
      case DNS6:
      case DNSADDR:
      case IP6ZONE:
      case SNI:
        return new String(value, StandardCharsets.UTF_8);
      case CERTHASH:
        return Multibase.encodeBase64Url(value);
      case P2P:
        return PeerId.fromBytes(value).toBase58();
      default:
        return "";
    }
  }

  /** Checks a binary value for {@code protocol}. */
  static void validate(Protocol protocol, byte[] value) {
    int size = protocol.size();
    if (size != Protocol.VARIABLE && value.length != size) {
      throw invalid(protocol, "value must be " + size + " bytes, got " + value.length);
    }
    if (size != Protocol.VARIABLE) {
      return;
    }
    if (value.length == 0) {
      throw invalid(protocol, "value is empty");
    }
    if (protocol == Protocol.P2P) {
      try {
        PeerId.fromBytes(value);
      } catch (IdentityException e) {
        throw new MultiaddrException(MultiaddrError.INVALID_VALUE,
            "/p2p value is not a peer id multihash: " + e.getMessage(), e);
      }
      return;
    }
    if (protocol == Protocol.CERTHASH) {
      checkMultihash(protocol, value);
      return;
    }
    String text = strictUtf8(protocol, value);
    if (text.indexOf('/') >= 0) {
      throw invalid(protocol, "name '" + text + "' contains '/'");
    }
  }

  /** Any multihash: varint code, varint length, exactly that many digest bytes. */
  private static void checkMultihash(Protocol protocol, byte[] value) {
    try {
      Uvarint.Decoded code = Uvarint.decode(value, 0);
      Uvarint.Decoded length = Uvarint.decode(value, code.length());
      if (length.value() != value.length - code.length() - length.length()) {
        throw invalid(protocol, "multihash length " + length.value() + " does not match its digest");
      }
    } catch (VarintException e) {
      throw invalid(protocol, "value is not a multihash: " + e.getMessage());
    }
  }

  private static byte[] portBytes(Protocol protocol, String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(protocol, "'" + text + "' is not a port number");
    }
    int port = Integer.parseInt(text);
    if (port > 65535) {
      throw invalid(protocol, "port " + port + " is over 65535");
    }
    return new byte[] {(byte) (port >>> 8), (byte) port};
  }

  private static String strictUtf8(Protocol protocol, byte[] value) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(protocol, "value is not valid UTF-8");
    }
  }

  private static MultiaddrException invalid(Protocol protocol, String message) {
    return new MultiaddrException(
        MultiaddrError.INVALID_VALUE, "/" + protocol.protocolName() + ": " + message);
  }
}
