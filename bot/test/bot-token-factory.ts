import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

/**
 * Signs Bot Connector-style tokens for tests, with keys it publishes the way the Bot Framework and Entra do:
 * an OpenID metadata document per issuer whose `jwks_uri` lists the public keys (the Bot Framework's with the
 * channels each key is endorsed for). The bot is pointed at these documents through its configuration, so
 * its validation runs unchanged; nothing here is reachable from production code.
 */
export interface BotTokenFactory {
  /** Stands in for the Bot Framework's metadata (keys endorsed for `msteams`). */
  botFrameworkMetadataUrl: string;
  /** Stands in for the tenant's Entra metadata (keys without endorsements). */
  entraMetadataUrl: string;
  /** Signs `claims` with the Bot Framework key, the Entra key, or a key nobody publishes (under the Bot Framework key's id). */
  sign(claims: JWTPayload, signer?: Signer): Promise<string>;
  /** Requests for metadata or keys so far. */
  keyRequests: number;
  close(): Promise<void>;
}

export type Signer = 'botframework' | 'entra' | 'stranger';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** The claims the Bot Connector puts on a channel token, valid for ten minutes from `now`. */
export function botConnectorClaims(options: {
  appId: string;
  serviceUrl: string;
  now: Date;
  issuer?: string;
  extra?: JWTPayload;
}): JWTPayload {
  const seconds = Math.floor(options.now.getTime() / 1000);
  return {
    iss: options.issuer ?? BOT_FRAMEWORK_ISSUER,
    aud: options.appId,
    serviceurl: options.serviceUrl,
    nbf: seconds - 60,
    iat: seconds - 60,
    exp: seconds + 600,
    ...options.extra,
  };
}

export async function startBotTokenFactory(options: { endorsements?: string[] } = {}): Promise<BotTokenFactory> {
  const keys = {
    botframework: { kid: 'bf-key-1', ...(await generateKeyPair('RS256', { extractable: true })) },
    entra: { kid: 'entra-key-1', ...(await generateKeyPair('RS256', { extractable: true })) },
    stranger: { kid: 'bf-key-1', ...(await generateKeyPair('RS256', { extractable: true })) },
  };
  const published = {
    botframework: [
      {
        ...(await exportJWK(keys.botframework.publicKey)),
        kid: keys.botframework.kid,
        use: 'sig',
        endorsements: options.endorsements ?? ['msteams'],
      },
    ],
    entra: [{ ...(await exportJWK(keys.entra.publicKey)), kid: keys.entra.kid, use: 'sig' }],
  };
  let origin = '';
  const state = { keyRequests: 0 };
  const server = createServer((req, res) => {
    state.keyRequests++;
    const documents: Record<string, unknown> = {
      '/botframework/.well-known/openidconfiguration': {
        issuer: BOT_FRAMEWORK_ISSUER,
        jwks_uri: `${origin}/botframework/keys`,
      },
      '/botframework/keys': { keys: published.botframework },
      '/entra/v2.0/.well-known/openid-configuration': { jwks_uri: `${origin}/entra/keys` },
      '/entra/keys': { keys: published.entra },
    };
    const body = documents[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    botFrameworkMetadataUrl: `${origin}/botframework/.well-known/openidconfiguration`,
    entraMetadataUrl: `${origin}/entra/v2.0/.well-known/openid-configuration`,
    get keyRequests() {
      return state.keyRequests;
    },
    sign(claims, signer = 'botframework') {
      const key = keys[signer];
      return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
