package dev.icon.tomography.dns;

import java.util.Base64;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;

/** Parses TSIG keys written {@code NAME:ALG:SECRET} (secret in base64). Stateless. */
public final class TsigKeys {

  private TsigKeys() {}

  /**
   * The key {@code text} describes, e.g. {@code icon-update:hmac-sha256:c2VjcmV0...}.
   *
   * @throws IllegalArgumentException naming the part at fault (never echoing the secret)
   */
  public static TSIG parse(String text) {
    String[] parts = text == null ? new String[0] : text.split(":", 3);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw new IllegalArgumentException("TSIG key must be NAME:ALG:SECRET");
    }
    Name name;
    try {
      name = Name.fromString(parts[0], Name.root);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("TSIG key name '" + parts[0] + "': " + e.getMessage(), e);
    }
    Name alg;
    try {
      alg = TSIG.algorithmToName(parts[1].toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      alg = null;
    }
    if (alg == null || alg.equals(TSIG.GSS_TSIG)) {
      throw new IllegalArgumentException("TSIG algorithm '" + parts[1]
          + "' is not one of hmac-sha256, hmac-sha384, hmac-sha512, hmac-sha224, hmac-sha1, hmac-md5");
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TSIG secret is not valid base64", e);
    }
    if (secret.length == 0) {
      throw new IllegalArgumentException("TSIG secret is empty");
    }
    return new TSIG(alg, name, secret);
  }
}
