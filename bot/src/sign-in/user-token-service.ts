import type { SignInResource } from '@microsoft/agents-hosting';
import { z } from 'zod';

/**
 * The Bot Framework user-token service, where an Azure Bot's OAuth connections live: the same paths, parameters
 * and bodies as the Agents SDK's `UserTokenClient` (`api/usertoken/GetToken`, `api/usertoken/exchange`,
 * `api/botsignin/GetSignInResource`, `api/usertoken/SignOut`). Confer calls it itself because the SDK takes the
 * service's address only from the process-wide `TOKEN_SERVICE_ENDPOINT` and calls it with the global `fetch`,
 * which cannot trust devtenant's certificate authority (docs/sign-in-from-chat.md).
 */
export interface UserTokenService {
  /** A sign-in link and the token exchange resource Teams uses for single sign-on, for this conversation. */
  signInResource(connectionName: string, conversation: SignInConversation): Promise<SignInResource>;
  /** Trades Teams' single sign-on token for the connection's token (On-Behalf-Of, at the service). */
  exchange(userId: string, connectionName: string, channelId: string, token: string): Promise<ExchangeResult>;
  /** The token the service holds for the person, or the one a sign-in left behind `code`; undefined when none. */
  getToken(userId: string, connectionName: string, channelId: string, code?: string): Promise<string | undefined>;
  signOut(userId: string, connectionName: string, channelId: string): Promise<void>;
}

/** The conversation reference the service keeps with a sign-in (it names the Teams user the token is for). */
export interface SignInConversation {
  channelId: string;
  serviceUrl: string;
  conversation: { id: string };
  user: { id: string; aadObjectId?: string };
  agent: { id: string };
  msAppId: string;
}

/**
 * `refused`: the service will not sign this person in (account disabled, not assigned to the app): showing a
 * sign-in button would only fail again. `needs_sign_in`: any other failure, consent first among them: Teams
 * falls back to the sign-in card, where the person can consent.
 */
export type ExchangeResult =
  | { ok: true; token: string }
  | { ok: false; kind: 'refused' | 'needs_sign_in'; code: string; message: string };

export interface UserTokenServiceOptions {
  /** e.g. `https://api.botframework.com`, no trailing slash. */
  baseUrl: string;
  fetch: typeof fetch;
  /** A Bot Framework token for the service; absent for the local tenant, whose service takes anonymous calls. */
  accessToken?: () => Promise<string>;
}

const tokenResponseSchema = z.object({ token: z.string().min(1) }).passthrough();
const signInResourceSchema = z
  .object({
    signInLink: z.string().url(),
    tokenExchangeResource: z.object({ id: z.string(), uri: z.string(), providerId: z.string() }).passthrough(),
  })
  .passthrough();
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class TokenServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'TokenServiceError';
  }
}

export function createUserTokenService(options: UserTokenServiceOptions): UserTokenService {
  const call = async (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    params: Record<string, string>,
    body?: unknown,
  ) => {
    const url = new URL(`${options.baseUrl}${path}`);
    url.search = new URLSearchParams(params).toString();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.accessToken) headers.authorization = `Bearer ${await options.accessToken()}`;
    const response = await options.fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? safeJson(text) : undefined };
  };
  return {
    async signInResource(connectionName, conversation) {
      const state = Buffer.from(
        JSON.stringify({ connectionName, conversation, relatesTo: undefined, msAppId: conversation.msAppId }),
      ).toString('base64');
      const answer = await call('GET', '/api/botsignin/GetSignInResource', { state });
      const parsed = signInResourceSchema.safeParse(answer.json);
      if (answer.status !== 200 || !parsed.success) throw failure('GetSignInResource', answer);
      return parsed.data as unknown as SignInResource;
    },
    async exchange(userId, connectionName, channelId, token) {
      const answer = await call('POST', '/api/usertoken/exchange', { userId, connectionName, channelId }, { token });
      const parsed = tokenResponseSchema.safeParse(answer.json);
      if (answer.status === 200 && parsed.success) return { ok: true, token: parsed.data.token };
      if (answer.status >= 500 || answer.status === 401) throw failure('exchange', answer);
      const error = errorSchema.safeParse(answer.json);
      const code = error.success ? error.data.error.code : `http_${answer.status}`;
      const message = error.success ? error.data.error.message : 'The token service did not exchange the token.';
      return { ok: false, kind: answer.status === 403 ? 'refused' : 'needs_sign_in', code, message };
    },
    async getToken(userId, connectionName, channelId, code) {
      const params: Record<string, string> = { userId, connectionName, channelId };
      if (code) params.code = code;
      const answer = await call('GET', '/api/usertoken/GetToken', params);
      if (answer.status === 404) return undefined;
      const parsed = tokenResponseSchema.safeParse(answer.json);
      if (answer.status !== 200 || !parsed.success) throw failure('GetToken', answer);
      return parsed.data.token;
    },
    async signOut(userId, connectionName, channelId) {
      const answer = await call('DELETE', '/api/usertoken/SignOut', { userId, connectionName, channelId });
      if (answer.status !== 200 && answer.status !== 204) throw failure('SignOut', answer);
    },
  };
}

function failure(operation: string, answer: { status: number; json: unknown }): TokenServiceError {
  const error = errorSchema.safeParse(answer.json);
  // The service's own words, never a token: its error bodies carry codes and messages only.
  const detail = error.success ? `${error.data.error.code}: ${error.data.error.message}` : 'no error body';
  return new TokenServiceError(
    answer.status,
    `The user-token service answered ${operation} with ${answer.status} (${detail}).`,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
