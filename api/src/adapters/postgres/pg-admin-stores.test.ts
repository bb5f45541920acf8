import { describe, expect, it } from 'vitest';
import { accessTestStoreContract, anAccessTest } from '../../ports/access-test-store.contract.ts';
import {
  aConsentOutcome,
  aConsentRequest,
  adminConsentStoreContract,
} from '../../ports/admin-consent-store.contract.ts';
import { TENANT_A } from '../../ports/store-fixtures.contract.ts';
import { usePostgresSchemas } from '../../test-support/postgres.ts';
import { createPgAccessTestStore } from './pg-access-test-store.ts';
import { createPgAdminConsentStore } from './pg-admin-consent-store.ts';

const postgres = usePostgresSchemas();

accessTestStoreContract('PostgreSQL', async () => createPgAccessTestStore(await postgres.open()));
adminConsentStoreContract('PostgreSQL', async () => createPgAdminConsentStore(await postgres.open()));

/** Two processes on one database: a pool each, on the same schema. */
async function twoProcesses() {
  const schema = postgres.newSchema();
  const first = await postgres.open({ schema });
  const second = await postgres.open({ schema });
  return [first, second] as const;
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));
const TENANTS = Array.from({ length: 20 }, (_, i) => `tenant-${i}`);

describe('PostgreSQL access test store across processes', () => {
  it('lets one of two processes claiming a tenant at once run its test', async () => {
    const [a, b] = (await twoProcesses()).map(createPgAccessTestStore);
    const won = await Promise.all(
      TENANTS.map(async (tenantId) => {
        const [first, second] = await Promise.all([
          a?.claim(tenantId, at(10), at(0)),
          b?.claim(tenantId, at(10), at(0)),
        ]);
        return Number(first) + Number(second);
      }),
    );
    expect(won).toEqual(TENANTS.map(() => 1));
  });

  it('lets one of two processes take over a stale claim', async () => {
    const [a, b] = (await twoProcesses()).map(createPgAccessTestStore);
    for (const tenantId of TENANTS) await a?.claim(tenantId, at(0), at(0));
    const won = await Promise.all(
      TENANTS.map(async (tenantId) => {
        const [first, second] = await Promise.all([
          a?.claim(tenantId, at(30), at(20)),
          b?.claim(tenantId, at(31), at(20)),
        ]);
        return Number(first) + Number(second);
      }),
    );
    expect(won).toEqual(TENANTS.map(() => 1));
  });

  it('lists results saved at one instant in the order they were saved', async () => {
    const store = createPgAccessTestStore(await postgres.open());
    for (const id of ['b', 'c', 'a']) await store.save(anAccessTest(5, { id }));
    expect((await store.list(TENANT_A, 10)).map((t) => t.id)).toEqual(['a', 'c', 'b']);
  });
});

describe('PostgreSQL admin consent store across processes', () => {
  it('completes a request once when two return pages answer it at the same moment', async () => {
    const [dbA, dbB] = await twoProcesses();
    const [a, b] = [createPgAdminConsentStore(dbA), createPgAdminConsentStore(dbB)];
    const digests = Array.from({ length: 20 }, (_, i) => String(i).padStart(64, '0'));
    for (const stateDigest of digests) await a.saveRequest(aConsentRequest({ stateDigest }));
    const refused = aConsentOutcome({ outcome: 'refused', scope: null, error: 'access_denied' });
    const answered = await Promise.all(
      digests.map(async (stateDigest) => {
        const [first, second] = await Promise.all([
          a.completeRequest(TENANT_A, stateDigest, aConsentOutcome()),
          b.completeRequest(TENANT_A, stateDigest, refused),
        ]);
        return Number(first) + Number(second);
      }),
    );
    expect(answered).toEqual(digests.map(() => 1));
    expect(await dbA.query('SELECT count(*)::int AS n FROM admin_consent_outcomes')).toEqual([{ n: digests.length }]);
  });
});
