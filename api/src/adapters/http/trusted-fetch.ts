import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';

export type FetchFunction = typeof fetch;

export interface TrustedHttp {
  fetch: FetchFunction;
  /** The undici dispatcher behind `fetch`, for clients that take fetch options (the Graph client). */
  dispatcher: Agent | undefined;
}

/**
 * A fetch that trusts one extra certificate authority (devtenant's self-signed certificate) on top of the
 * system store, for our own HTTP clients only. TLS verification stays on: we name the CA instead of turning
 * checks off. Without a CA this is the global fetch.
 */
export function createTrustedHttp(caPem: string | null): TrustedHttp {
  if (!caPem) return { fetch: globalThis.fetch, dispatcher: undefined };
  // `ca` replaces Node's default roots for this agent, so add them back: Microsoft's endpoints must keep working.
  const dispatcher = new Agent({ connect: { ca: [...rootCertificates, caPem] } });
  const trustedFetch: FetchFunction = (input, init) =>
    globalThis.fetch(input, { ...init, dispatcher } as RequestInit & { dispatcher: Agent });
  return { fetch: trustedFetch, dispatcher };
}
