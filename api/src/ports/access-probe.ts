import type { AccessFailureReason } from '@confer/contracts';
import type { Interval } from '../domain/scheduling/model.ts';
import type { GraphActor, MailboxRef } from './scheduling-gateway.ts';

/** Someone an access test looks at: a directory id and the address getSchedule reads them by. */
export interface ProbePerson {
  userId: string;
  email: string;
  displayName: string | null;
}

/** What one check found for one person; `code` keeps Graph's (or the sign-in service's) code of a failure. */
export type ProbeResult = { ok: true } | ProbeFailure;
export interface ProbeFailure {
  ok: false;
  reason: AccessFailureReason;
  code: string | null;
}

/**
 * A person's own stored delegated token, as the per-user mode would use it: not there (never connected, expired,
 * consent withdrawn), or what it could read and whether it may write their calendar.
 */
export type OwnMailboxProbe =
  | { connected: false; failure: ProbeFailure }
  | {
      connected: true;
      mailboxSettings: ProbeResult;
      /** `Calendars.ReadWrite` in the token's scopes; checked without writing anything. */
      calendarWrite: ProbeResult;
    };

/**
 * Graph's side of the admin's access test (docs/reference/graph-calendar.md §1, §6, §8): reads only, batched, and
 * every per-person failure comes back as a result, never as a thrown error, so one refusal never hides the others.
 */
export interface AccessProbe {
  /** One page of the directory (`GET /users`, minimal `$select`). A refused read is a failure for the caller. */
  listDirectory(actor: GraphActor, top: number): Promise<ProbePerson[] | ProbeFailure>;
  /** Named people by object id, UPN or email (`$batch` of `GET /users/{ref}`); null for one the directory lacks. */
  resolvePeople(actor: GraphActor, refs: readonly string[]): Promise<Map<string, ProbePerson | ProbeFailure | null>>;
  /** getSchedule, 20 addresses a request, on the organizer's mailbox; keyed by user id. */
  readFreeBusy(
    actor: GraphActor,
    organizer: MailboxRef,
    people: readonly ProbePerson[],
    window: Interval,
  ): Promise<Map<string, ProbeResult>>;
  /** `GET /users/{id}/mailboxSettings` with the application token, 20 to a `$batch`; keyed by user id. */
  readMailboxSettingsAsApp(tenantId: string, people: readonly ProbePerson[]): Promise<Map<string, ProbeResult>>;
  /** The person's own stored delegated token: `GET /me/mailboxSettings` and its write scope. */
  readOwnMailbox(tenantId: string, userId: string): Promise<OwnMailboxProbe>;
  /** Whether the application token carries `Calendars.ReadWrite` (its `roles`); no Graph request. */
  appCanWriteCalendars(tenantId: string): Promise<ProbeResult>;
}
