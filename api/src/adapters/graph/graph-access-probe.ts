import type { AccessProbe, ProbeFailure, ProbePerson, ProbeResult } from '../../ports/access-probe.ts';
import type { GraphTokenProvider } from '../../ports/graph-token-provider.ts';
import type { GraphActor } from '../../ports/scheduling-gateway.ts';
import { readFreeBusyChunks } from './graph-access-free-busy.ts';
import { accessFailureOf, missingPermission } from './graph-access-reasons.ts';
import { DELEGATED_SCOPES } from './graph-actor.ts';
import { call, parse } from './graph-call.ts';
import type { GraphClientFactory } from './graph-client-factory.ts';
import { getBatched } from './graph-get-batch.ts';
import { GRAPH_USER_FIELDS, type GraphUser, graphUserListSchema, graphUserSchema } from './graph-schemas.ts';
import { missingGrant, NEEDED, tokenGrants } from './graph-token-grants.ts';

export interface GraphAccessProbeDeps {
  tokens: GraphTokenProvider;
  /** A client whose RetryHandler retries a throttled request once, honouring Retry-After. */
  createClient: GraphClientFactory;
}

/** A token for the actor with the permissions it carries, or why there is none. */
type Grant = { ok: true; token: string; missing: (needed: readonly string[]) => ProbeFailure | null } | ProbeFailure;

/**
 * The access test's Graph reads (ports/access-probe.ts). Permissions are read from the token before a request is
 * sent: a token without the permission is `consent_missing`, never a 403 to be mistaken for the access policy.
 * Calendar writes are checked without writing (docs/reference/graph-calendar.md §8): the application token must
 * carry `Calendars.ReadWrite` — an access policy blocks reads and writes alike, so a mailbox read proves the
 * policy lets Confer in — and a person's own delegated token must carry it in its scopes.
 */
export function createGraphAccessProbe(deps: GraphAccessProbeDeps): AccessProbe {
  const grant = async (acquire: () => Promise<string>): Promise<Grant> => {
    try {
      const token = await acquire();
      const grants = tokenGrants(token);
      return {
        ok: true,
        token,
        missing: (needed) => {
          const permission = missingGrant(grants, needed);
          return permission === null ? null : missingPermission(permission);
        },
      };
    } catch (error) {
      return accessFailureOf(error);
    }
  };
  const forActor = (actor: GraphActor) =>
    grant(() =>
      actor.kind === 'app'
        ? deps.tokens.forApp(actor.tenantId)
        : actor.kind === 'user'
          ? deps.tokens.forUser(actor.identity, DELEGATED_SCOPES)
          : deps.tokens.forStoredUser(actor.tenantId, actor.userId, DELEGATED_SCOPES),
    );
  /** The token when it carries one of `needed`, else why not. */
  const usable = (access: Grant, needed: readonly string[]): { token: string } | ProbeFailure =>
    access.ok ? (access.missing(needed) ?? { token: access.token }) : access;
  const clientOf = (token: string) => deps.createClient(async () => token);
  const everyone = <T>(keys: readonly string[], value: T) => new Map(keys.map((key) => [key, value]));

  return {
    async listDirectory(actor, top) {
      const access = usable(await forActor(actor), NEEDED.directory);
      if ('reason' in access) return access;
      try {
        const client = clientOf(access.token);
        const raw = await call(() => client.api('/users').select(GRAPH_USER_FIELDS).top(top).get());
        return parse(graphUserListSchema, raw, 'user list').value.map(toProbePerson);
      } catch (error) {
        return accessFailureOf(error);
      }
    },

    async resolvePeople(actor, refs) {
      const keys = refs.map((ref) => ref.toLowerCase());
      if (keys.length === 0) return new Map();
      const access = usable(await forActor(actor), NEEDED.directory);
      if ('reason' in access) return everyone<ProbePerson | ProbeFailure | null>(keys, access);
      try {
        const urls = keys.map((ref) => `/users/${encodeURIComponent(ref)}?$select=${GRAPH_USER_FIELDS}`);
        const answers = await getBatched(clientOf(access.token), urls);
        return new Map(
          keys.map((key, index): [string, ProbePerson | ProbeFailure | null] => {
            const answer = answers[index];
            if (!answer) return [key, { ok: false, reason: 'error', code: null }];
            if (answer.ok) return [key, toProbePerson(parse(graphUserSchema, answer.body, 'user'))];
            // Graph answers an unknown id or UPN with 404 (docs/reference/graph-calendar.md §8).
            return [key, answer.error.statusCode === 404 ? null : accessFailureOf(answer.error)];
          }),
        );
      } catch (error) {
        return everyone<ProbePerson | ProbeFailure | null>(keys, accessFailureOf(error));
      }
    },

    async readFreeBusy(actor, organizer, people, window) {
      const ids = people.map((p) => p.userId);
      if (ids.length === 0) return new Map();
      const access = usable(await forActor(actor), NEEDED.freeBusy);
      if ('reason' in access) return everyone<ProbeResult>(ids, access);
      return readFreeBusyChunks(clientOf(access.token), actor, organizer, people, window);
    },

    async readMailboxSettingsAsApp(tenantId, people) {
      const ids = people.map((p) => p.userId);
      if (ids.length === 0) return new Map();
      const access = usable(await grant(() => deps.tokens.forApp(tenantId)), NEEDED.mailboxSettings);
      if ('reason' in access) return everyone<ProbeResult>(ids, access);
      try {
        const urls = ids.map((id) => `/users/${encodeURIComponent(id)}/mailboxSettings?$select=timeZone`);
        const answers = await getBatched(clientOf(access.token), urls);
        return new Map(
          ids.map((id, index): [string, ProbeResult] => {
            const answer = answers[index];
            if (!answer) return [id, { ok: false, reason: 'error', code: null }];
            return [id, answer.ok ? { ok: true } : accessFailureOf(answer.error)];
          }),
        );
      } catch (error) {
        return everyone<ProbeResult>(ids, accessFailureOf(error));
      }
    },

    async readOwnMailbox(tenantId, userId) {
      const access = await grant(() => deps.tokens.forStoredUser(tenantId, userId, DELEGATED_SCOPES));
      if (!access.ok) return { connected: false, failure: access };
      const calendarWrite = access.missing(NEEDED.calendarWrite) ?? { ok: true };
      const refused = access.missing(NEEDED.mailboxSettings);
      if (refused) return { connected: true, mailboxSettings: refused, calendarWrite };
      try {
        const client = clientOf(access.token);
        await call(() => client.api('/me/mailboxSettings').select('timeZone').get());
        return { connected: true, mailboxSettings: { ok: true }, calendarWrite };
      } catch (error) {
        return { connected: true, mailboxSettings: accessFailureOf(error), calendarWrite };
      }
    },

    async appCanWriteCalendars(tenantId) {
      const access = usable(await grant(() => deps.tokens.forApp(tenantId)), NEEDED.calendarWrite);
      return 'reason' in access ? access : { ok: true };
    },
  };
}

function toProbePerson(user: GraphUser): ProbePerson {
  return { userId: user.id, email: user.mail ?? user.userPrincipalName, displayName: user.displayName };
}
