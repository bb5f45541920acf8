import {
  type ChatConnections,
  createUserTokenService,
  type PendingSignInStore,
  type SignInDeps,
} from '@confer/bot/sign-in';
import { MsalTokenProvider } from '@microsoft/agents-hosting';
import type { BotConfig } from '../../config/config.ts';

/** The Bot Framework's scope for calls to its services (the token service among them). */
const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

/**
 * Sign-in from chat's wiring: the user-token service at the configured address, called with the bot's own
 * Bot Framework token when the bot has credentials (the local tenant's service takes anonymous calls, as the
 * Agents Playground's does), through the app's trusted fetch (devtenant's certificate authority).
 */
export function createChatSignIn(options: {
  config: BotConfig;
  fetch: typeof fetch;
  connections: ChatConnections;
  pending: PendingSignInStore;
}): SignInDeps {
  const { signIn, credentials } = options.config;
  if (!signIn) throw new Error('Sign-in from chat needs BOT_OAUTH_CONNECTION.');
  const provider = credentials
    ? new MsalTokenProvider({
        clientId: credentials.appId,
        clientSecret: credentials.password,
        tenantId: credentials.tenantId,
      })
    : undefined;
  return {
    connectionName: signIn.connectionName,
    botAppId: credentials?.appId ?? '',
    tokens: createUserTokenService({
      baseUrl: signIn.tokenServiceUrl,
      fetch: options.fetch,
      ...(provider ? { accessToken: () => provider.getAccessToken(BOT_FRAMEWORK_SCOPE) } : {}),
    }),
    connections: options.connections,
    pending: options.pending,
  };
}
