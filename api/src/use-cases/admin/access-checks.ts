import type { AccessFailureReason } from '@confer/contracts';
import type { Interval } from '../../domain/scheduling/model.ts';
import type { AccessProbe, OwnMailboxProbe, ProbeFailure, ProbePerson, ProbeResult } from '../../ports/access-probe.ts';
import type { GraphActor, MailboxRef } from '../../ports/scheduling-gateway.ts';
import type { ConnectionMode } from '../../ports/tenant-store.ts';

/** One check for one person: done and fine, not done (an earlier one already said why), or failed. */
export type Check = { state: 'ok' } | { state: 'skipped' } | { state: 'failed'; failure: ProbeFailure };

export interface PersonChecks {
  freeBusy: Check;
  mailboxSettings: Check;
  calendarWrite: Check;
}

const OK: Check = { state: 'ok' };
const SKIPPED: Check = { state: 'skipped' };
const checkOf = (result: ProbeResult | undefined): Check =>
  result === undefined ? SKIPPED : result.ok ? OK : { state: 'failed', failure: result };

/** Per-user mode: each person's own connection is read this many at a time (one token each, so no `$batch`). */
const OWN_MAILBOX_CONCURRENCY = 4;

/**
 * A mailbox that does not exist, is outside the access policy or belongs to nobody the directory knows blocks
 * reads and writes alike (docs/reference/graph-calendar.md §8): the other checks would only repeat the reason.
 */
export function closesMailbox(reason: AccessFailureReason): boolean {
  return reason === 'no_mailbox' || reason === 'outside_access_policy' || reason === 'user_not_found';
}

/**
 * The three checks for everyone. Free/busy as the picker reads it (as the actor, on the organizer's mailbox);
 * then, by mode, mailbox settings and the calendar write permission: tenant-wide with the application token
 * (settings in `$batch`es; writing needs `Calendars.ReadWrite` in its roles and a mailbox the policy lets Confer
 * reach), per-user with each person's own stored token (only those who connected have one).
 */
export async function checkEveryone(
  probe: AccessProbe,
  run: { mode: ConnectionMode; tenantId: string; actor: GraphActor; organizer: MailboxRef; window: Interval },
  people: readonly ProbePerson[],
): Promise<Map<string, PersonChecks>> {
  const freeBusy = await probe.readFreeBusy(run.actor, run.organizer, people, run.window);
  const closed = (p: ProbePerson) => {
    const result = freeBusy.get(p.userId);
    return result !== undefined && !result.ok && closesMailbox(result.reason);
  };
  const open = people.filter((p) => !closed(p));
  const checks = new Map<string, PersonChecks>();
  if (run.mode === 'tenant') {
    const settings = await probe.readMailboxSettingsAsApp(run.tenantId, open);
    const write = open.length > 0 ? await probe.appCanWriteCalendars(run.tenantId) : { ok: true as const };
    for (const person of people) {
      const fb = checkOf(freeBusy.get(person.userId));
      const ms = checkOf(settings.get(person.userId));
      const reached = fb.state === 'ok' || ms.state === 'ok';
      const cw = closed(person) ? SKIPPED : !write.ok ? checkOf(write) : reached ? OK : SKIPPED;
      checks.set(person.userId, { freeBusy: fb, mailboxSettings: ms, calendarWrite: cw });
    }
    return checks;
  }
  const own = await mapLimited(open, OWN_MAILBOX_CONCURRENCY, (p) => probe.readOwnMailbox(run.tenantId, p.userId));
  for (const person of people) {
    const mine: OwnMailboxProbe | undefined = own.get(person);
    const fb = checkOf(freeBusy.get(person.userId));
    if (!mine) checks.set(person.userId, { freeBusy: fb, mailboxSettings: SKIPPED, calendarWrite: SKIPPED });
    else if (!mine.connected) {
      checks.set(person.userId, { freeBusy: fb, mailboxSettings: SKIPPED, calendarWrite: checkOf(mine.failure) });
    } else {
      const ms = checkOf(mine.mailboxSettings);
      checks.set(person.userId, { freeBusy: fb, mailboxSettings: ms, calendarWrite: checkOf(mine.calendarWrite) });
    }
  }
  return checks;
}

/** The first failure in check order, which is the one the admin is told about. */
export function firstFailure(checks: PersonChecks): ProbeFailure | null {
  for (const check of [checks.freeBusy, checks.mailboxSettings, checks.calendarWrite]) {
    if (check.state === 'failed') return check.failure;
  }
  return null;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<Map<T, R>> {
  const results = new Map<T, R>();
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      results.set(item, await run(item));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
