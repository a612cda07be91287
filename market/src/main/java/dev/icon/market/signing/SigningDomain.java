package dev.icon.market.signing;

import java.nio.charset.StandardCharsets;

/**
 * The domain-separation prefixes of ICON's market signatures: a signature covers {@code
 * prefix || content bytes}, so a signature made for one kind of message never verifies as another.
 * The prefixes are part of the wire format ({@code icon/negotiate.proto}); a new version of a
 * message gets a new prefix.
 */
public enum SigningDomain {
  /** {@code RequestTerms}, signed by the consumer. */
  REQUEST("icon-request-v1:"),
  /** {@code AgreementTerms}, signed by the provider (offer) and by the consumer (accept). */
  AGREEMENT("icon-agreement-v1:"),
  /** {@code ReceiptBody}, signed by the agreement's consumer. */
  RECEIPT("icon-receipt-v1:"),
  /** {@code BudgetGrantBody}, signed by the grantor. */
  BUDGET_GRANT("icon-budget-grant-v1:");

  private final byte[] prefix;

  SigningDomain(String prefix) {
    this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
  }

  /** The prefix text, e.g. {@code icon-agreement-v1:}. */
  public String prefix() {
    return new String(prefix, StandardCharsets.US_ASCII);
  }

  /** {@code prefix || content}: the bytes a signature of this domain covers. */
  public byte[] signingBytes(byte[] content) {
    byte[] out = new byte[prefix.length + content.length];
    System.arraycopy(prefix, 0, out, 0, prefix.length);
    System.arraycopy(content, 0, out, prefix.length, content.length);
    return out;
  }
}
