package dev.icon.market.negotiate;

/** The protocol id of ICON's bilateral negotiation. */
public final class NegotiateProtocol {

  /** {@code /icon/negotiate/1.0.0}. */
  public static final String ID = "/icon/negotiate/1.0.0";

  /** Version of the request, agreement, receipt and grant schemas this code writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  /** Length of request ids, agreement ids, grant ids and nonces. */
  public static final int ID_LENGTH = 16;

  private NegotiateProtocol() {}
}
