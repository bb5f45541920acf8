import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Who a Graph client acts for: a person (delegated: their own token) or the app in a tenant (`userId` null, the
 * person then being the mailbox the request names).
 */
export interface GraphCaller {
  tenantId: string;
  userId: string | null;
}

/** Told of each person whose mailbox a Graph request served (cheap: it must not write per call). */
export type OnMailboxSuccess = (tenantId: string, userId: string) => void;

/** An app-only request on one person's mailbox: `/users/{id}/events…`, `/calendar…`, `/mailboxSettings`. */
const APP_MAILBOX_PATH = /^\/(?:v1\.0|beta)\/users\/([^/?#]+)\/(?:events|calendars?|calendarView|mailboxSettings)\b/i;

/** The person a successful request speaks for, or null when it names none (a `$batch`, a directory search). */
export function personServed(caller: GraphCaller, url: string): string | null {
  if (caller.userId !== null) return caller.userId;
  const match = APP_MAILBOX_PATH.exec(new URL(url, 'https://graph.invalid').pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * The one place every Confer Graph request passes on its way out and back: the outermost middleware, so it sees
 * the answer after the RetryHandler's retries. A 2xx answer marks the person's connection as working just now.
 */
export class GraphActivityHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly caller: GraphCaller,
    private readonly onSuccess: OnMailboxSuccess,
  ) {}

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('GraphActivityHandler needs a next middleware');
    await this.next.execute(context);
    if (!context.response?.ok) return;
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const userId = personServed(this.caller, url);
    if (userId !== null) this.onSuccess(this.caller.tenantId, userId);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
