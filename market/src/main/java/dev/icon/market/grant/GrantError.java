package dev.icon.market.grant;

/** Why a budget grant is refused. */
public enum GrantError {
  /** Oversized, unparsable, or a field missing or out of range. */
  MALFORMED,
  /** Missing or wrong signature of the grantor. */
  BAD_SIGNATURE,
  /** The grant names another grantee or grantor than expected. */
  WRONG_PEER,
  /** Past its expiry. */
  EXPIRED
}
