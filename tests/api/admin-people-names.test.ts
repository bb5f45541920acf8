import { peopleNamesSchema } from '@confer/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { rememberPeople } from '../support/known-people.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';

/** Names for the ids the admin pages show: people Confer knows, then the directory, as the admin. */
describe.each(['user', 'tenant'] as const)('names for the admin pages (%s mode)', (mode) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ tabDir: null, connectionMode: mode });
    // Someone Confer knows by a name the directory does not have: the store answers first.
    await rememberPeople(stack, [
      { userId: PEOPLE.patti.id, email: 'pattif@contoso.onmicrosoft.com', displayName: 'Patti (known to Confer)' },
    ]);
  });
  afterAll(() => stack?.stop());

  const names = async (ids: string[]) => {
    const answer = await apiAs(stack, PEOPLE.megan.id).get(`/api/admin/people?ids=${ids.join(',')}`);
    expect(answer.status).toBe(200);
    return peopleNamesSchema.parse(answer.body).people;
  };
  const nobody = '00000000-0000-0000-0000-0000000009999';

  it('names people Confer knows and people only the directory knows, and leaves out ids nobody has', async () => {
    expect(await names([PEOPLE.patti.id, PEOPLE.alex.id.toUpperCase(), nobody, 'not-an-id'])).toEqual([
      { userId: PEOPLE.patti.id, displayName: 'Patti (known to Confer)', email: 'pattif@contoso.onmicrosoft.com' },
      { userId: PEOPLE.alex.id, displayName: PEOPLE.alex.name, email: 'alexw@contoso.onmicrosoft.com' },
    ]);
  });

  it('reads no directory while the integration is off: only the people Confer knows are named', async () => {
    const admin = apiAs(stack, PEOPLE.megan.id);
    const settings = { connectionMode: mode, allowDisconnect: true, integrationOwners: [] };
    expect((await admin.put('/api/admin/settings', { ...settings, integrationEnabled: false })).status).toBe(200);
    try {
      expect((await names([PEOPLE.patti.id, PEOPLE.isaiah.id])).map((p) => p.userId)).toEqual([PEOPLE.patti.id]);
    } finally {
      await admin.put('/api/admin/settings', { ...settings, integrationEnabled: true });
    }
  });

  it('is refused to someone without the Confer.Admin role', async () => {
    const answer = await apiAs(stack, PEOPLE.adele.id).get(`/api/admin/people?ids=${PEOPLE.alex.id}`);
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'admin_required' } } });
  });
});
