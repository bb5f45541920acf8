import {
  anyErrorBodySchema,
  errorBodySchema,
  type RuntimeConfig,
  runtimeConfigSchema,
  type WeekResponse,
  weekResponseSchema,
} from '@confer/contracts';
import type { z } from 'zod';
import { AppError } from './app-error.ts';

export interface ApiDeps {
  readonly fetch: typeof fetch;
  /** Base URL of the app server; the tab is served by it, so normally `location.origin`. */
  readonly baseUrl: string;
}

export function fetchRuntimeConfig(deps: ApiDeps): Promise<RuntimeConfig> {
  return requestJson(deps, '/api/config', runtimeConfigSchema, {});
}

export async function fetchWeek(deps: ApiDeps, getToken: () => Promise<string>): Promise<WeekResponse> {
  const token = await getToken();
  return requestJson(deps, '/api/me/week', weekResponseSchema, { headers: { authorization: `Bearer ${token}` } });
}

/** Anything that validates an answer the way a zod schema does (see `listOf` for wrapped lists). */
export interface AnswerParser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

export async function requestJson<T>(
  deps: ApiDeps,
  path: string,
  schema: AnswerParser<T> | z.ZodType<T>,
  init: RequestInit,
): Promise<T> {
  let response: Response;
  try {
    response = await deps.fetch(new URL(path, deps.baseUrl), {
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (cause) {
    throw new AppError('network_error', 'Confer could not be reached. Check your connection and try again.', { cause });
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw errorFromBody(response.status, body);
  const parsed = (schema as AnswerParser<T>).safeParse(body);
  if (!parsed.success) {
    throw new AppError('invalid_response', `Confer answered ${path} in an unexpected shape.`, {
      status: response.status,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * The API's error body as an AppError with its code. A body from a newer server whose code this build does
 * not know keeps the server's message and details under the bare status code, so the person still reads
 * the reason and the tab treats it by its status (401 sign in, 403 access denied, otherwise retry).
 */
function errorFromBody(status: number, body: unknown): AppError {
  const known = errorBodySchema.safeParse(body);
  if (known.success) {
    const { code, message, details } = known.data.error;
    return new AppError(code, message, { status, details });
  }
  const unknown = anyErrorBodySchema.safeParse(body);
  if (unknown.success) {
    const { code, message, details } = unknown.data.error;
    // The tab acts on the status; the person still sees (and can quote) the server's own code.
    return new AppError(`http_${status}`, message, { status, details, cause: unknown.data.error, shownCode: code });
  }
  return new AppError(`http_${status}`, `Confer answered with HTTP ${status}.`, { status });
}
