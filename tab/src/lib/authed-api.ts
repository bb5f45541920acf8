import { type AnswerParser, type ApiDeps, requestJson } from './api-client.ts';
import { AppError } from './app-error.ts';

/** The API as the signed-in person: the session's token for every call. */
export interface AuthedApi extends ApiDeps {
  getToken(): Promise<string>;
  /** A new token after the API refused the last one (a token kept by the page may have been revoked or skewed). */
  refreshToken?(): Promise<string>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function callApi<T>(
  api: AuthedApi,
  method: Method,
  path: string,
  parser: AnswerParser<T>,
  body?: unknown,
): Promise<T> {
  const send = (token: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return requestJson(api, path, parser, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      // Meetings, responses and notes change under the person's feet; a cached answer would show stale state.
      cache: 'no-store',
    });
  };
  try {
    return await send(await api.getToken());
  } catch (error) {
    // The API refused the token itself (401): once, with a new one. Nothing was done with the refused request.
    if (!api.refreshToken || !(error instanceof AppError) || error.status !== 401) throw error;
    return send(await api.refreshToken());
  }
}

/** `{ [key]: T[] }`, the shape of every list the API answers. */
export function listOf<T>(key: string, item: AnswerParser<T>): AnswerParser<T[]> {
  return {
    safeParse(value) {
      if (typeof value !== 'object' || value === null || !Array.isArray((value as Record<string, unknown>)[key])) {
        return { success: false, error: new Error(`expected { ${key}: [...] }`) };
      }
      const items: T[] = [];
      for (const entry of (value as Record<string, unknown[]>)[key] ?? []) {
        const parsed = item.safeParse(entry);
        if (!parsed.success) return parsed;
        items.push(parsed.data);
      }
      return { success: true, data: items };
    },
  };
}

/** An empty answer (204). */
export const noContent: AnswerParser<null> = {
  safeParse: (value) =>
    value === null ? { success: true, data: null } : { success: false, error: new Error('expected no content') },
};
