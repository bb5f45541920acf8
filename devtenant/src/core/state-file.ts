import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppRoleAssignment } from '../identity/app-role-assignments.ts';
import type { ConsentSnapshot } from '../identity/consent-store.ts';
import type { RefreshGrant } from '../identity/refresh-token-store.ts';
import type { SentMessage } from '../mail/outbox.ts';
import type { ApplicationAccessPolicy } from './access-policy.ts';
import type { DevTenantLogger } from './options.ts';
import type { Tenant } from './tenant.ts';

interface PersistedState {
  version: 1;
  savedAt: string;
  consent: ConsentSnapshot;
  /** Absent in files written before app roles existed: the seed assignments stay. */
  appRoleAssignments?: AppRoleAssignment[];
  refreshTokens: Record<string, RefreshGrant>;
  accessPolicies: ApplicationAccessPolicy[];
  outbox: SentMessage[];
  features: Record<string, unknown>;
}

export interface StatePersistence {
  load(): Promise<void>;
  /** Writes if anything changed since the last write. */
  flush(): Promise<void>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

const FILE_NAME = 'state.json';

/**
 * `npm start` keeps demo state (consent, app role assignments, refresh tokens, policies, outbox, calendars,
 * subscriptions) in one JSON file in dataDir, written atomically every few seconds when it changed and on
 * shutdown. A file that cannot be read is set aside (never silently overwritten) and the tenant starts from its
 * seed.
 */
export function createStatePersistence(dataDir: string, tenant: Tenant, log: DevTenantLogger): StatePersistence {
  const path = join(dataDir, FILE_NAME);
  let lastWritten = '';
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const serialise = () => {
    const state: Omit<PersistedState, 'savedAt'> = {
      version: 1,
      consent: tenant.consent.snapshot(),
      appRoleAssignments: tenant.appRoles.snapshot(),
      refreshTokens: tenant.refreshTokens.snapshot(),
      accessPolicies: tenant.accessPolicies.snapshot(),
      outbox: tenant.outbox.snapshot(),
      features: Object.fromEntries([...tenant.features].map(([name, feature]) => [name, feature.snapshot()])),
    };
    return JSON.stringify(state);
  };
  const flush = async () => {
    const body = serialise();
    if (body === lastWritten) return;
    lastWritten = body;
    const withTime = `{"savedAt":${JSON.stringify(tenant.clock.now().toISOString())},${body.slice(1)}`;
    writing = writing.then(async () => {
      await writeFile(`${path}.tmp`, withTime, { mode: 0o600 });
      await rename(`${path}.tmp`, path);
    });
    await writing;
  };
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      try {
        restore(tenant, JSON.parse(text) as PersistedState);
        lastWritten = serialise();
      } catch (error) {
        const aside = `${path}.unreadable-${Date.now()}`;
        await rename(path, aside);
        log.error('devtenant state file could not be restored; starting from the seed', {
          file: aside,
          error: String(error),
        });
      }
    },
    flush,
    start(intervalMs) {
      timer = setInterval(() => {
        flush().catch((error: unknown) =>
          log.error('devtenant could not save its state', { file: path, error: String(error) }),
        );
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await flush();
    },
  };
}

function restore(tenant: Tenant, state: PersistedState): void {
  if (state.version !== 1) throw new Error(`Unknown state file version ${String(state.version)}.`);
  tenant.consent.restore(state.consent);
  if (state.appRoleAssignments) tenant.appRoles.restore(state.appRoleAssignments);
  tenant.refreshTokens.restore(state.refreshTokens);
  tenant.accessPolicies.restore(state.accessPolicies);
  tenant.outbox.restore(state.outbox);
  for (const [name, feature] of tenant.features) {
    if (name in state.features) feature.restore(state.features[name]);
  }
}
