import {
  type AccessTestDto,
  type AccessTestRequest,
  accessFailureReasonSchema,
  accessTestRequestSchema,
} from '@confer/contracts';
import { AppError } from '../../domain/app-error.ts';
import type { Logger } from '../../logging/logger.ts';
import type { AccessProbe } from '../../ports/access-probe.ts';
import type { AccessTestRecord, AccessTestStore, AccessTestSummary } from '../../ports/access-test-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Identity } from '../../ports/identity.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import type { AuditLog, ConnectionMode, TenantStore } from '../../ports/tenant-store.ts';
import { accessAdvice } from './access-advice.ts';
import { checkEveryone, firstFailure, type PersonChecks } from './access-checks.ts';
import { choosePeople, type Unresolved } from './access-people.ts';
import type { Candidate } from './access-sample.ts';
import type { Admin } from './admin-settings.ts';
import { assertIntegrationOn, settingsOf } from './tenant-settings.ts';

export interface AccessTestDeps {
  clock: Clock;
  logger: Logger;
  tenants: Pick<TenantStore, 'getSettings' | 'listUsers' | 'getUser' | 'upsertUser'>;
  audit: AuditLog;
  defaultConnectionMode: ConnectionMode;
  probe: AccessProbe;
  tests: AccessTestStore;
  newId: () => string;
  /** [0, 1) like Math.random; tests pass a seeded one. */
  random: () => number;
}

/** A claim older than this belongs to a process that stopped mid-test: the next test may take it over. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Free/busy is read over the next day: enough to prove the read. */
const WINDOW_MS = 24 * 3_600_000;
/** The list shows the kept results (the store keeps 20). */
const LIST_LIMIT = 20;

interface Runner {
  tenantId: string;
  adminId: string;
  adminEmail: string;
  /** The admin's own token in hand (a click in the admin center); null when run for them afterwards. */
  identity: Identity | null;
  trigger: AccessTestDto['trigger'];
}

/** POST /api/admin/access-tests: the admin's sample and named people, tested now and kept. */
export function runAccessTest(deps: AccessTestDeps, admin: Admin, request: AccessTestRequest): Promise<AccessTestDto> {
  const runner: Runner = {
    tenantId: admin.tenantId,
    adminId: admin.userId,
    adminEmail: admin.userPrincipalName?.toLowerCase() ?? '',
    identity: admin,
    trigger: 'manual',
  };
  return run(deps, runner, request);
}

/** Right after admin consent (the consent return page): the default sample, credited to that admin. */
export async function runAccessTestAfterConsent(
  deps: AccessTestDeps,
  tenantId: string,
  adminUserId: string,
): Promise<AccessTestDto> {
  const known = await deps.tenants.getUser(tenantId, adminUserId);
  const runner: Runner = {
    tenantId,
    adminId: adminUserId,
    adminEmail: known?.email.toLowerCase() ?? '',
    identity: null,
    trigger: 'after_consent',
  };
  return run(deps, runner, accessTestRequestSchema.parse({}));
}

export async function listAccessTests(deps: AccessTestDeps, admin: Admin): Promise<Omit<AccessTestDto, 'people'>[]> {
  const tests = await deps.tests.list(admin.tenantId, LIST_LIMIT);
  return tests.map(({ tenantId: _tenant, ...test }: AccessTestSummary) => ({ ...test, at: test.at.toISOString() }));
}

export async function getAccessTest(deps: AccessTestDeps, admin: Admin, id: string): Promise<AccessTestDto> {
  const test = await deps.tests.get(admin.tenantId, id);
  if (!test) throw new AppError('not_found', 'No kept access test has this id.');
  return toDto(test);
}

async function run(deps: AccessTestDeps, runner: Runner, request: AccessTestRequest): Promise<AccessTestDto> {
  const settings = await settingsOf(deps.tenants, runner.tenantId, deps.defaultConnectionMode);
  assertIntegrationOn(settings);
  const now = deps.clock.now();
  if (!(await deps.tests.claim(runner.tenantId, now, new Date(now.getTime() - STALE_CLAIM_MS)))) {
    throw new AppError('access_test_running', 'An access test is already running for this organisation.');
  }
  try {
    const record = await test(deps, runner, settings.connectionMode, request, now);
    await deps.tests.save(record);
    await recordFindings(deps, record, now);
    await deps.audit.append({
      tenantId: runner.tenantId,
      at: now,
      actorId: runner.adminId,
      action: 'admin.access_test_run',
      target: record.id,
      details: { trigger: record.trigger, mode: record.mode, tested: record.tested, succeeded: record.succeeded },
    });
    return toDto(record);
  } finally {
    await deps.tests.release(runner.tenantId);
  }
}

/**
 * Tenant-wide, whether Confer can reach a person's mailbox is their connection status, so what the test found is
 * what the picker and the health page say too: outside the access policy or without a mailbox → `outside_scope`,
 * reachable again → `connected`. Only people Confer already knows are updated (a directory top-up adds nobody), and
 * nobody is sent a prompt: the test is the admin's, not theirs. Per-user, a status is each person's own connection,
 * which an admin's test does not change.
 */
async function recordFindings(deps: AccessTestDeps, record: AccessTestRecord, now: Date): Promise<void> {
  if (record.mode !== 'tenant') return;
  for (const person of record.people) {
    if (!person.userId) continue;
    const status =
      person.reason === null
        ? 'connected'
        : person.reason === 'outside_access_policy' || person.reason === 'no_mailbox'
          ? 'outside_scope'
          : null;
    if (!status) continue;
    const user = await deps.tenants.getUser(record.tenantId, person.userId);
    if (!user || user.connectionStatus === status) continue;
    await deps.tenants.upsertUser({ ...user, connectionStatus: status, connectionCheckedAt: now, updatedAt: now });
  }
}

async function test(
  deps: AccessTestDeps,
  runner: Runner,
  mode: ConnectionMode,
  request: AccessTestRequest,
  now: Date,
): Promise<AccessTestRecord> {
  const actor = actorOf(runner, mode);
  const { candidates, unresolved } = await choosePeople(deps, runner.tenantId, actor, request);
  const organizer = { userId: runner.adminId, email: runner.adminEmail };
  const window = { start: now, end: new Date(now.getTime() + WINDOW_MS) };
  const people = candidates.map((c) => c.person);
  const checks = await checkEveryone(deps.probe, { mode, tenantId: runner.tenantId, actor, organizer, window }, people);
  const entries = [
    ...candidates.map((c) => personEntry(c, checks.get(c.person.userId))),
    ...unresolved.map(unresolvedEntry),
  ];
  return {
    id: deps.newId(),
    tenantId: runner.tenantId,
    at: now,
    by: runner.adminId,
    trigger: runner.trigger,
    mode,
    tested: entries.length,
    succeeded: entries.filter((e) => e.reason === null).length,
    failures: failureGroups(entries, mode),
    people: entries,
  };
}

/** Tenant-wide: the application. Per-user: the admin's own token, as the picker uses the organizer's. */
function actorOf(runner: Runner, mode: ConnectionMode): GraphActor {
  if (mode === 'tenant') return { kind: 'app', tenantId: runner.tenantId };
  return runner.identity
    ? { kind: 'user', identity: runner.identity }
    : { kind: 'stored-user', tenantId: runner.tenantId, userId: runner.adminId };
}

type PersonEntry = AccessTestDto['people'][number];

function personEntry(candidate: Candidate, checks: PersonChecks | undefined): PersonEntry {
  const skipped = { state: 'skipped' } as const;
  const all = checks ?? { freeBusy: skipped, mailboxSettings: skipped, calendarWrite: skipped };
  const failure = firstFailure(all);
  return {
    userId: candidate.person.userId,
    person: candidate.typed,
    displayName: candidate.person.displayName,
    named: candidate.named,
    freeBusy: all.freeBusy.state,
    mailboxSettings: all.mailboxSettings.state,
    calendarWrite: all.calendarWrite.state,
    reason: failure?.reason ?? null,
    code: failure?.code ?? null,
  };
}

function unresolvedEntry(entry: Unresolved): PersonEntry {
  return {
    userId: null,
    person: entry.typed,
    displayName: null,
    named: true,
    freeBusy: 'skipped',
    mailboxSettings: 'skipped',
    calendarWrite: 'skipped',
    reason: entry.failure?.reason ?? 'user_not_found',
    code: entry.failure?.code ?? null,
  };
}

function failureGroups(entries: readonly PersonEntry[], mode: ConnectionMode): AccessTestDto['failures'] {
  return accessFailureReasonSchema.options.flatMap((reason) => {
    const people = entries.filter((e) => e.reason === reason).map((e) => e.person);
    return people.length === 0 ? [] : [{ reason, count: people.length, advice: accessAdvice(reason, mode), people }];
  });
}

function toDto({ tenantId: _tenant, ...record }: AccessTestRecord): AccessTestDto {
  return { ...record, at: record.at.toISOString() };
}
