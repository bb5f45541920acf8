import type { Request, Router } from 'express';

/**
 * The contract between devtenant's core (server, identity, directory, throttling, control API)
 * and the Graph feature routers (calendar, subscriptions, mail). Feature routers never parse
 * tokens or render error bodies themselves: they call `authorize`/`resolveMailbox` and throw
 * `GraphHttpError`, which the core renders in Graph's error shape (docs/reference/graph-calendar.md §7).
 */

/** Who is calling, taken from a validated devtenant access token for Graph. */
export interface GraphCaller {
  kind: 'delegated' | 'application';
  tenantId: string;
  /** Client id (`azp`/`appid`) of the calling application. */
  appId: string;
  /** Entra object id of the signed-in user; present for delegated tokens only. */
  userId?: string;
  /** Delegated scopes (`scp`), e.g. `Calendars.ReadWrite`. Empty for application tokens. */
  scopes: readonly string[];
  /** Application roles (`roles`), e.g. `Calendars.ReadWrite`. Empty for delegated tokens. */
  roles: readonly string[];
}

export interface WorkingHours {
  daysOfWeek: readonly ('sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday')[];
  /** `HH:mm:ss.0000000`, local to `timeZone`. */
  startTime: string;
  endTime: string;
  /** Windows time-zone name, e.g. `GMT Standard Time`. */
  timeZone: string;
}

export interface DirectoryUser {
  id: string;
  tenantId: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  /** Null for a user without a mailbox (Graph then answers MailboxNotEnabledForRESTAPI). */
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  /** Windows time-zone name from mailboxSettings, e.g. `Pacific Standard Time`. */
  timeZone: string;
  workingHours: WorkingHours;
  /** Ids of the groups the user belongs to (used by the Application Access Policy). */
  groupIds: readonly string[];
}

export interface Directory {
  /** By object id or userPrincipalName (case-insensitive), inside one tenant. */
  findUser(tenantId: string, idOrUpn: string): DirectoryUser | undefined;
  /** By SMTP address (mail or UPN), across the tenant; undefined for external addresses. */
  findByEmail(tenantId: string, address: string): DirectoryUser | undefined;
  listUsers(tenantId: string): readonly DirectoryUser[];
}

export interface Clock {
  now(): Date;
}

/** A change to a mailbox's calendar, emitted by the calendar engine for subscriptions and delta. */
export interface CalendarChange {
  tenantId: string;
  mailboxId: string;
  eventId: string;
  changeType: 'created' | 'updated' | 'deleted';
  /**
   * The event's changeKey after the change, when it still exists: notifications carry it as `@odata.etag`, so an
   * app can recognise its own writes (docs/reference/graph-calendar.md §4).
   */
  changeKey?: string;
}

export interface GraphContext {
  clock: Clock;
  /** Absolute https origin of this devtenant, e.g. `https://localhost:8443`; used for nextLink/deltaLink. */
  baseUrl: string;
  directory: Directory;
  /**
   * Validates the bearer token of `req` and checks that it carries one of the given delegated scopes
   * (for a delegated token) or application roles (for an app token). Throws GraphHttpError 401
   * `InvalidAuthenticationToken` or 403 `ErrorAccessDenied`.
   */
  authorize(req: Request, permissions: { delegated: readonly string[]; application: readonly string[] }): GraphCaller;
  /**
   * Resolves the mailbox addressed by a path segment (`me` or a user id/UPN) for this caller:
   * `me` needs a delegated token; unknown user → 404 `ErrorItemNotFound`/`ResourceNotFound`;
   * out of the Application Access Policy → 403 `ErrorAccessDenied`; no mailbox → `MailboxNotEnabledForRESTAPI`.
   * `access: 'own'` (default) additionally refuses a delegated caller acting on someone else's mailbox.
   */
  resolveMailbox(req: Request, caller: GraphCaller, idOrMe: string, access?: 'own' | 'freeBusy'): DirectoryUser;
  /** Publishes calendar changes to subscriptions and delta bookkeeping. */
  publishChange(change: CalendarChange): void;
  /**
   * Registers a hook the control API calls to expire every delta token (`POST /_devtenant/delta-tokens/expire`):
   * the calendar feature forgets its sync states so the next delta call with an old token answers
   * 410 `syncStateNotFound` (docs/reference/graph-calendar.md §5). Optional so hand-written test contexts need not
   * provide it.
   */
  onDeltaTokensExpired?(listener: () => void): void;
}

/** A Graph error to render as `{ error: { code, message, innerError } }` with the given status. */
export class GraphHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'GraphHttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** A Graph feature mounted by the core under `/v1.0`. */
export interface GraphFeature {
  router: Router;
  /** Serialisable state for file persistence; `restore` receives what `snapshot` returned. */
  snapshot(): unknown;
  restore(state: unknown): void;
  /** Back to the seed for the current clock (control API `reset`). */
  reset(): void;
}
