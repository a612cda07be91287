package dev.icon.market.negotiate;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The 16-byte id of an agreement, chosen by the provider. Immutable; equality on the bytes; the
 * text form is lower-case hex.
 */
public record AgreementId(ByteString bytes) {

  /** Checks the length. */
  public AgreementId {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.size() != NegotiateProtocol.ID_LENGTH) {
      throw new IllegalArgumentException(
          "an agreement id has " + NegotiateProtocol.ID_LENGTH + " bytes, not " + bytes.size());
    }
  }

  /** Parses the hex text form. */
  public static AgreementId parse(String hex) {
    return new AgreementId(ByteString.copyFrom(HexFormat.of().parseHex(hex)));
  }

  /** Lower-case hex. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }
}
