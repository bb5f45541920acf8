import { type InboundAuth, trustedIssuers } from '@confer/bot';
import type { Config } from '../../config/config.ts';
import type { Clock } from '../../ports/clock.ts';
import type { FetchFunction } from '../http/trusted-fetch.ts';

/**
 * How the bot endpoint checks who sends it activities, from the configuration: Bot Connector tokens for the
 * bot's app id from the Bot Framework, or from the served tenant's own Entra (`sts.windows.net/{tenant}/`
 * and the authority's v2 issuer, keys from the authority's metadata); no check at all only where config
 * allowed it (the local tenant without a bot secret).
 */
export function botInboundAuth(config: Readonly<Config>, fetch: FetchFunction, clock: Clock): InboundAuth {
  const { bot } = config;
  if (bot.inboundAuth === 'off') return { mode: 'off' };
  if (bot.inboundAuth === 'closed' || !bot.credentials) return { mode: 'closed' };
  return {
    mode: 'verify',
    appId: bot.credentials.appId,
    issuers: trustedIssuers({
      tenantId: config.tenantId,
      botFrameworkMetadataUrl: bot.openIdMetadataUrl,
      entraIssuers: [`https://sts.windows.net/${config.tenantId}/`, config.issuer],
      entraMetadataUrl: `${config.authority}/v2.0/.well-known/openid-configuration`,
      fetch,
      now: () => clock.now().getTime(),
    }),
  };
}
