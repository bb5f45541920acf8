import type { HttpError } from '@microsoft/agents-hosting';

export class SendTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer from the connector within ${timeoutMs} ms`);
    this.name = 'SendTimeoutError';
  }
}

/** True when `work` did not settle within `timeoutMs` (it may still complete at the connector). */
export async function raceTimeout(work: Promise<void>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), timeoutMs);
  });
  try {
    return (await Promise.race([work.then(() => false as const), timeout])) === true;
  } finally {
    clearTimeout(timer);
  }
}

/** The Bot Connector's `{ error: { code } }`, e.g. `MessageWritesBlocked`. */
export function errorCodeOf(error: HttpError): string | null {
  const data: unknown = error.response.data;
  if (typeof data !== 'object' || data === null || !('error' in data)) return null;
  const inner: unknown = data.error;
  if (typeof inner !== 'object' || inner === null || !('code' in inner)) return null;
  return typeof inner.code === 'string' ? inner.code : null;
}
