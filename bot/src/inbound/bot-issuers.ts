import type { TrustedIssuer } from './bot-token-validator.ts';
import { createOpenIdKeys } from './openid-keys.ts';

/** The Bot Connector's own token issuer (docs/bot-trust.md). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** Where the Bot Framework publishes the keys its tokens are signed with. */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

export interface BotTrustSettings {
  /** The one tenant served: Entra-issued tokens are accepted from it and no other. */
  tenantId: string;
  /** OpenID metadata of the Bot Framework issuer (BOT_FRAMEWORK_OPENID_METADATA_URL unless configured). */
  botFrameworkMetadataUrl: string;
  /** The tenant's Entra issuers, e.g. `https://sts.windows.net/{tenant}/` and `{authority}/v2.0`. */
  entraIssuers: readonly string[];
  /** OpenID metadata of the tenant's Entra authority, which publishes the keys of both Entra issuers. */
  entraMetadataUrl: string;
  fetch: typeof fetch;
  now: () => number;
}

/**
 * The issuers an inbound token may come from: the Bot Framework, which the Bot Connector uses for Teams, and
 * Entra for the served tenant only, which newer single-tenant channel registrations sign with. A token from
 * any other tenant's Entra is refused by issuer before a key is looked at.
 */
export function trustedIssuers(settings: BotTrustSettings): TrustedIssuer[] {
  const { fetch, now } = settings;
  const botFramework = createOpenIdKeys({ metadataUrl: settings.botFrameworkMetadataUrl, fetch, now });
  const entra = createOpenIdKeys({ metadataUrl: settings.entraMetadataUrl, fetch, now });
  return [
    { issuer: BOT_FRAMEWORK_ISSUER, keys: botFramework, tenantId: null },
    ...settings.entraIssuers.map((issuer) => ({ issuer, keys: entra, tenantId: settings.tenantId })),
  ];
}
