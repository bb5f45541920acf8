import type { AppRegistration } from '../core/options.ts';

/**
 * An Azure Bot "OAuth Connection Setting" with the service provider "Azure Active Directory v2": the app whose
 * credentials the token service uses, the scopes of the tokens it hands the bot, and the token exchange URL, the
 * Application ID URI Teams' single sign-on tokens for the bot are addressed to (docs/sign-in-from-chat.md).
 */
export interface BotOAuthConnection {
  name: string;
  clientId: string;
  /** Space separated, as the Azure portal's "Scopes" field. */
  scopes: string;
  /** `api://{domain}/botid-{botAppId}` in Teams; an identifier URI of the connection's app. */
  tokenExchangeUrl: string;
}

/** The connection name `npm start` and the tests use when nothing else is configured. */
export const DEFAULT_BOT_CONNECTION_NAME = 'confer-sso';

/** Where the sign-in page returns after the authorize page: the real service's `/.auth/web/redirect`. */
export const TOKEN_SERVICE_REDIRECT_PATH = '/.auth/web/redirect';

/** `providerId` of a Microsoft Entra connection in a token exchange resource (as the real service sends). */
export const ENTRA_PROVIDER_ID = 'AzureAD';

/**
 * The first app's own API, with a refresh token and the user's profile; its token exchange URL is the app's
 * bot single sign-on URI (`api://{domain}/botid-{botId}`) when it exposes one, else its first identifier URI.
 */
export function defaultConnections(apps: readonly AppRegistration[]): BotOAuthConnection[] {
  const app = apps[0];
  const uri = app?.identifierUris.find((u) => /\/botid-[^/]+$/i.test(u)) ?? app?.identifierUris[0];
  if (!app || !uri) return [];
  return [
    {
      name: DEFAULT_BOT_CONNECTION_NAME,
      clientId: app.clientId,
      scopes: `${uri}/access_as_user openid profile offline_access`,
      tokenExchangeUrl: uri,
    },
  ];
}

/** The apps with the token service's redirect URI added for those a connection uses, as the admin guide says. */
export function withTokenServiceRedirect(
  apps: readonly AppRegistration[],
  connections: readonly BotOAuthConnection[],
  origin: string,
): AppRegistration[] {
  const redirect = `${origin}${TOKEN_SERVICE_REDIRECT_PATH}`;
  return apps.map((app) =>
    connections.some((c) => c.clientId.toLowerCase() === app.clientId.toLowerCase()) &&
    !app.redirectUris.includes(redirect)
      ? { ...app, redirectUris: [...app.redirectUris, redirect] }
      : app,
  );
}
