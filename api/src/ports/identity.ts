/** The caller of the API, taken only from a validated access token. */
export interface Identity {
  tenantId: string;
  /** Entra object id (`oid`): the stable user key, equal to the Graph user id. */
  userId: string;
  /** Display only (`preferred_username` is mutable). */
  userPrincipalName: string | null;
  name: string | null;
  /** App roles granted to the person in Entra (the token's `roles` claim); empty when none. */
  roles: readonly string[];
  /** The raw token, kept only to exchange it On-Behalf-Of; never logged, never returned. */
  rawToken: string;
}

export interface TokenValidator {
  /** Validates a bearer token; throws AppError with a `token_*` code when it is not acceptable. */
  validate(token: string): Promise<Identity>;
}
