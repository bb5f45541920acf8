import type { Stack } from './stack.ts';

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the app's API as a person, with the token Teams SSO would give the tab for them. */
export function apiAs(stack: Stack, userId: string) {
  let token: string | undefined;
  const send = async <T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
    token ??= await stack.tabTokenFor(userId);
    const response = await fetch(`${stack.appUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  };
  return {
    get: <T = unknown>(path: string) => send<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => send<T>('POST', path, body ?? {}),
    patch: <T = unknown>(path: string, body: unknown) => send<T>('PATCH', path, body),
    put: <T = unknown>(path: string, body: unknown) => send<T>('PUT', path, body),
    delete: <T = unknown>(path: string) => send<T>('DELETE', path),
  };
}
