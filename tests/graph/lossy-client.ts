import {
  AuthenticationHandler,
  Client,
  type Context,
  type FetchOptions,
  HTTPMessageHandler,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import type { GraphClientFactory } from '../../api/src/adapters/graph/graph-client-factory.ts';
import type { TrustedHttp } from '../../api/src/adapters/http/trusted-fetch.ts';

/**
 * A Graph client whose connection drops after devtenant has answered the first `POST …/events`: the event
 * exists, the caller never hears of it — the "lost response" a create must survive without a duplicate.
 */
export function createLossyClientFactory(origin: string, http: TrustedHttp): GraphClientFactory & { lost: number } {
  const state = { lost: 0 };
  const factory = (getToken: () => Promise<string>) =>
    Client.initWithMiddleware({
      middleware: [
        new AuthenticationHandler({ getAccessToken: getToken }),
        new RetryHandler(new RetryHandlerOptions(0, 3)),
        new LoseFirstCreateResponse(state),
        new HTTPMessageHandler(),
      ],
      baseUrl: `${origin}/`,
      defaultVersion: 'v1.0',
      customHosts: new Set([new URL(origin).hostname]),
      fetchOptions: { dispatcher: http.dispatcher } as FetchOptions,
    });
  // defineProperty, not Object.assign: assign would copy the getter's value once instead of the getter.
  return Object.defineProperty(factory, 'lost', { get: () => state.lost }) as GraphClientFactory & { lost: number };
}

class LoseFirstCreateResponse implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly state: { lost: number }) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    await this.next?.execute(context);
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const method = context.options?.method ?? 'GET';
    if (this.state.lost === 0 && method === 'POST' && /\/events$/.test(new URL(url).pathname)) {
      this.state.lost += 1;
      throw new TypeError('fetch failed: socket hang up');
    }
  }
}
