/**
 * Graph tokens On-Behalf-Of a person's API token, kept in memory for the requests that follow with the same
 * token: MSAL answers those from the person's cache partition, which it loads, decrypts and parses from the store
 * on every call (a quarter of a millisecond of CPU per request). Keyed by the API token itself, as MSAL keys its
 * On-Behalf-Of entries, so a new or another person's token never gets this one's answer; kept until five minutes
 * before the Graph token expires; requests made at once share one call; a disconnect forgets the person's entries
 * (the next request goes through MSAL again, as before). Bounded, oldest out first.
 */
export class OnBehalfOfTokens {
  private readonly tokens = new Map<string, { accessToken: string; until: number }>();
  private readonly pending = new Map<string, Promise<string>>();

  /** `key` names the tenant, the person, the scopes and the API token: `tenant|user|…`, the first two lower case. */
  async get(
    key: string,
    now: Date,
    acquire: () => Promise<{ accessToken: string; expiresOn: Date | null }>,
  ): Promise<string> {
    const known = this.tokens.get(key);
    if (known && known.until > now.getTime()) return known.accessToken;
    if (known) this.tokens.delete(key);
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const request: Promise<string> = acquire().then(({ accessToken, expiresOn }) => {
      const until = (expiresOn?.getTime() ?? 0) - OBO_REUSE_MARGIN_MS;
      // Not kept when the person disconnected while it was on its way (forget dropped it from `pending`).
      if (until > now.getTime() && this.pending.get(key) === request) this.remember(key, accessToken, until);
      return accessToken;
    });
    this.pending.set(key, request);
    try {
      return await request;
    } finally {
      if (this.pending.get(key) === request) this.pending.delete(key);
    }
  }

  forget(tenantId: string, userId: string): void {
    const prefix = `${tenantId.toLowerCase()}|${userId.toLowerCase()}|`;
    for (const map of [this.tokens, this.pending]) {
      for (const key of map.keys()) if (key.startsWith(prefix)) map.delete(key);
    }
  }

  private remember(key: string, accessToken: string, until: number): void {
    if (this.tokens.size >= MAX_OBO_TOKENS) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) this.tokens.delete(oldest);
    }
    this.tokens.set(key, { accessToken, until });
  }
}

const OBO_REUSE_MARGIN_MS = 5 * 60_000;
const MAX_OBO_TOKENS = 10_000;
