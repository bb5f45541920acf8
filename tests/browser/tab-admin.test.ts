import { readFile } from 'node:fs/promises';
import { type AccessTestDto, type HealthPageDto, type IncidentDto, incidentListSchema } from '@confer/contracts';
import { addDays } from '@confer/contracts/time';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { rememberPeople } from '../support/known-people.ts';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { type HostMode, openTab, settleSettings } from './support/admin-session.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { emailOf } from './support/tab-session.ts';

/** The seeded person without an Exchange Online mailbox, and one outside the "Confer Users" access policy. */
const NORA = 'noraf@contoso.onmicrosoft.com';
const JONI = 'jonis@contoso.onmicrosoft.com';
const NOBODY = 'nobody.here@contoso.onmicrosoft.com';

describe.each(['teams', 'browser'] as const)('the admin center (%s host)', (host: HostMode) => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    // An Exchange Application Access Policy limits tenant-wide mode (docs/reference/graph-calendar.md §8);
    // Joni Sherman is outside its group, "Confer Users".
    expect((await stack.devtenant.control('access-policy', { enabled: true })).status).toBe(200);
    // People Confer knows (they connected once): the health list names them, the owners among them too.
    for (const person of [PEOPLE.adele, PEOPLE.alex, PEOPLE.isaiah, PEOPLE.patti]) {
      expect((await apiAs(stack, person.id).post('/api/me/connection')).status).toBe(200);
    }
    browser = await launchChromium(stack);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lets Megan change mode, owners and disconnecting, confirm what changes, and finds them after a reload', {
    timeout: 150_000,
  }, async () => {
    await settleSettings(stack);
    const tab = await openTab(browser, stack, host, PEOPLE.megan);
    const { admin } = tab;
    await admin.navLink.click();
    await admin.heading.waitFor();
    await admin.integrationSwitch.waitFor();
    expect(await admin.integrationSwitch.isChecked()).toBe(true);
    expect(await admin.mode('user').isChecked()).toBe(true);

    await admin.mode('tenant').check();
    await admin.disconnectSwitch.uncheck();
    await admin.addOwner('Adele', PEOPLE.adele.name);
    // Lynne never used Confer: after the reload only the directory can name her.
    await admin.addOwner('Lynne', PEOPLE.lynne.name);
    expect(await admin.owners.allTextContents()).toEqual([PEOPLE.adele.name, PEOPLE.lynne.name]);
    const lines = await admin.saveSettings();
    expect(lines.join('\n')).toMatch(/tenant-wide.*safe/);
    expect(lines.join('\n')).toContain('People can no longer disconnect their calendar');
    expect(lines.join('\n')).toContain(`New integration owners: ${PEOPLE.adele.name}`);
    expect(lines.join('\n')).toContain(PEOPLE.lynne.name);

    const stored = await apiAs(stack, PEOPLE.megan.id).get<{ integrationOwners: string[] }>('/api/admin/settings');
    expect(stored.body).toMatchObject({
      connectionMode: 'tenant',
      allowDisconnect: false,
      integrationOwners: [PEOPLE.adele.id.toLowerCase(), PEOPLE.lynne.id.toLowerCase()],
    });

    await tab.reload();
    await tab.go('#/admin');
    await admin.integrationSwitch.waitFor();
    expect(await admin.mode('tenant').isChecked()).toBe(true);
    expect(await admin.disconnectSwitch.isChecked()).toBe(false);
    await admin.owners.filter({ hasText: PEOPLE.adele.name }).waitFor();
    await admin.owners.filter({ hasText: PEOPLE.lynne.name }).waitFor();
    await saveScreenshot(tab.page, `admin-${host}-integration`);
    await tab.context.close();
  });

  it('creates admin-consent links: one Megan accepts in Entra (granted), one she cancels (refused with Entra’s error)', {
    timeout: 150_000,
  }, async () => {
    await settleSettings(stack);
    const tab = await openTab(browser, stack, host, PEOPLE.megan);
    const { admin } = tab;
    await tab.go('#/admin');
    await admin.button('Create link').click();
    await admin.consentLink.waitFor();
    const url = await admin.consentLink.inputValue();
    expect(new URL(url).pathname).toMatch(/\/v2\.0\/adminconsent$/);
    await tab.root.getByText(/^Expires /).waitFor();

    // The Microsoft administrator opens the link (Megan is the local tenant's Global Administrator) and accepts.
    const entra = await tab.context.newPage();
    await entra.goto(url);
    await entra.getByRole('heading', { name: 'Pick an account' }).waitFor({ timeout: 20_000 });
    await entra.getByRole('button', { name: new RegExp(PEOPLE.megan.name) }).click();
    await entra.getByRole('heading', { name: 'Permissions requested' }).waitFor({ timeout: 20_000 });
    await entra.getByRole('button', { name: 'Accept' }).click();
    await entra.waitForURL((at) => at.origin === new URL(stack.appUrl).origin, { timeout: 20_000 });
    await entra.close();

    await admin.button('Check the outcome again').click();
    await admin.consentOutcome.getByText('Consent granted').waitFor({ timeout: 20_000 });
    await admin.consentOutcome.getByText(`link created by ${PEOPLE.megan.name}`, { exact: false }).waitFor();

    // A second, fresh link the administrator cancels: the latest outcome is the refusal, with Entra's error.
    await admin.button('Create a new link').click();
    await expect.poll(() => admin.consentLink.inputValue()).not.toBe(url);
    const cancelled = await tab.context.newPage();
    await cancelled.goto(await admin.consentLink.inputValue());
    await cancelled.getByRole('button', { name: new RegExp(PEOPLE.megan.name) }).click();
    await cancelled.getByRole('button', { name: 'Cancel' }).click();
    await cancelled.waitForURL((at) => at.origin === new URL(stack.appUrl).origin, { timeout: 20_000 });
    await cancelled.close();
    await admin.button('Check the outcome again').click();
    await admin.consentOutcome.getByText('Consent refused').waitFor({ timeout: 20_000 });
    expect(await admin.consentOutcome.textContent()).toContain('access_denied');
    await saveScreenshot(tab.page, `admin-${host}-consent-refused`);
    await tab.context.close();
  });

  it('runs an access test with a mix of outcomes and reopens it from the previous results', {
    timeout: 180_000,
  }, async () => {
    await settleSettings(stack, { connectionMode: 'tenant' });
    const tab = await openTab(browser, stack, host, PEOPLE.megan);
    const { admin } = tab;
    await tab.go('#/admin/access');
    await admin.sampleSize.fill('2');
    await admin.namedPeople.fill(`${JONI}\n${NORA}, ${NOBODY}`);
    await admin.button('Run the test').click();
    await admin.accessSummary.waitFor({ timeout: 90_000 });

    const list = await apiAs(stack, PEOPLE.megan.id).get<{ tests: { id: string }[] }>('/api/admin/access-tests');
    const newest = list.body.tests[0];
    if (!newest) throw new Error('the access test was not kept');
    const result = (await apiAs(stack, PEOPLE.megan.id).get<AccessTestDto>(`/api/admin/access-tests/${newest.id}`))
      .body;
    expect(await admin.accessSummary.textContent()).toBe(`${result.succeeded} of ${result.tested} succeeded`);
    const reasons = Object.fromEntries(result.people.filter((p) => p.named).map((p) => [p.person, p.reason]));
    expect(reasons).toEqual({ [JONI]: 'outside_access_policy', [NORA]: 'no_mailbox', [NOBODY]: 'user_not_found' });
    for (const [words, person] of [
      ['Outside the application access policy', /Joni Sherman|jonis@/],
      ['No Exchange Online mailbox', /Nora Field|noraf@/],
      ['Not in the directory', /nobody\.here@/],
    ] as const) {
      const failure = admin.accessFailures.filter({ hasText: words });
      expect(await failure.textContent()).toMatch(person);
    }
    expect(await admin.accessPeople.count()).toBe(result.tested);
    const joni = admin.accessPeople.filter({ hasText: /Joni Sherman/ });
    expect(await joni.textContent()).toContain('Failed');

    await tab.reload();
    await tab.go('#/admin/access');
    await admin.accessHistory.first().waitFor();
    expect(await admin.accessHistory.first().textContent()).toContain(`${result.succeeded} of ${result.tested}`);
    await admin.accessHistory.first().getByRole('button').click();
    await admin.accessSummary.waitFor();
    expect(await admin.accessPeople.count()).toBe(result.tested);
    await saveScreenshot(tab.page, `admin-${host}-access-test`);
    await tab.context.close();
  });

  it('lists connection health by status, searches it, and exports what is shown as CSV', {
    timeout: 150_000,
  }, async () => {
    await settleSettings(stack);
    expect((await apiAs(stack, PEOPLE.patti.id).delete('/api/me/connection')).status).toBe(200);
    const tab = await openTab(browser, stack, host, PEOPLE.megan);
    const { admin } = tab;
    await tab.go('#/admin/health');
    await admin.healthRows.first().waitFor();
    const all = (await apiAs(stack, PEOPLE.megan.id).get<HealthPageDto>('/api/admin/health')).body;
    expect(await admin.statusChip('disconnected').textContent()).toBe(`Disconnected: ${all.counts.disconnected}`);

    await admin.statusChip('disconnected').click();
    await admin.healthMatching.filter({ hasText: `${all.counts.disconnected} of ${all.total}` }).waitFor();
    expect(await admin.healthRows.count()).toBe(all.counts.disconnected);
    expect(await admin.healthRows.allTextContents()).toContainEqual(expect.stringContaining(PEOPLE.patti.name));
    expect(new Set(await admin.healthRows.getByTestId('health-status').allTextContents())).toEqual(
      new Set(['Disconnected']),
    );
    expect(await admin.healthStatus.inputValue()).toBe('disconnected');

    await admin.healthStatus.selectOption('');
    await admin.healthSearch.fill('Isai');
    await admin.healthMatching.filter({ hasText: /^1 of / }).waitFor();
    expect(await admin.healthRows.allTextContents()).toEqual([expect.stringContaining(PEOPLE.isaiah.name)]);

    const [download] = await Promise.all([tab.page.waitForEvent('download'), admin.button('Export CSV').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toContain(emailOf(PEOPLE.isaiah));
    expect(csv).not.toContain(emailOf(PEOPLE.alex));
    expect(csv.trim().split(/\r?\n/)).toHaveLength(2);
    await tab.context.close();
  });

  it('shows an incident while Confer has lost its calendar permission, and as past once it is back', {
    timeout: 150_000,
  }, async () => {
    await settleSettings(stack, { connectionMode: 'tenant', integrationOwners: [PEOPLE.megan.id] });
    const consent = async (roles?: string[]) => {
      const body = { clientId: CLIENT_ID, granted: true, ...(roles ? { roles } : {}) };
      expect((await stack.devtenant.control('consent/admin', body)).status).toBe(200);
    };
    // The admin grant keeps reading users but loses the calendar permission (the app token no longer carries it).
    await consent(['User.Read.All', 'Mail.Send']);
    await stack.composed.incidents.monitor.evaluate();
    const open = await listIncidents(stack, 'open');
    const revoked = open.find((incident) => incident.kind === 'consent_revoked');
    if (!revoked) throw new Error('no consent_revoked incident opened');

    const tab = await openTab(browser, stack, host, PEOPLE.megan);
    const { admin } = tab;
    await tab.go('#/admin/incidents');
    const shown = admin.incidents('open').getByTestId('incident').filter({ hasText: revoked.summary });
    await shown.waitFor();
    expect(await admin.incidents('open').getByTestId('incident').count()).toBe(open.length);
    expect(await shown.textContent()).toContain(`What to do: ${revoked.advice}`);
    expect(await shown.textContent()).toContain('Opened ');
    // Megan, the owner, was told: one line per message, with what happened to the card and the email.
    // Owners are named once the directory answers (an id until then): wait for the name, not the first paint.
    const notice = shown.getByTestId('incident-notice').filter({ hasText: PEOPLE.megan.name }).first();
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(new RegExp(`^${PEOPLE.megan.name}, told .*Teams card.*email`));

    await consent();
    await stack.composed.incidents.monitor.evaluate();
    const past = await listIncidents(stack, 'resolved');
    expect(past.map((incident) => incident.id)).toContain(revoked.id);
    await tab.reload();
    await tab.go('#/admin/incidents');
    const resolved = admin.incidents('resolved').getByTestId('incident').filter({ hasText: revoked.summary });
    await resolved.waitFor();
    expect(await resolved.textContent()).toContain('resolved ');
    expect(await admin.incidents('resolved').getByTestId('incident').count()).toBe(past.length);
    await saveScreenshot(tab.page, `admin-${host}-incidents`);
    await tab.context.close();
  });

  it('filters the audit log by action, who and dates, and exports the filtered entries', {
    timeout: 120_000,
  }, async () => {
    await settleSettings(stack, { allowDisconnect: false });
    await settleSettings(stack);
    const tab = await openTab(browser, stack, host, PEOPLE.megan);
    const { admin } = tab;
    await tab.go('#/admin/audit');
    await admin.auditRows.first().waitFor();
    await admin.auditFilter('Action').fill('admin.settings_changed');
    await admin.auditFilter('Who (object id)').fill(PEOPLE.megan.id);
    const today = stack.devtenant.clock.now().toISOString().slice(0, 10);
    await admin.auditFilter('From').fill(addDays(today, -1));
    await admin.auditFilter('To').fill(addDays(today, 1));
    await admin.button('Apply filters').click();
    const expected = await apiAs(stack, PEOPLE.megan.id).get<{ entries: unknown[] }>(
      `/api/admin/audit?limit=200&action=admin.settings_changed&actor=${PEOPLE.megan.id}`,
    );
    await tab.root
      .getByTestId('audit-count')
      .filter({ hasText: new RegExp(`^${expected.body.entries.length} entr`) })
      .waitFor();
    expect(new Set(await admin.auditActions.allTextContents())).toEqual(new Set(['admin.settings_changed']));

    const [download] = await Promise.all([tab.page.waitForEvent('download'), admin.button('Export CSV').click()]);
    const csv = await readFile(await download.path(), 'utf8');
    const records = csv.trim().split(/\r?\n/).slice(1);
    expect(records).toHaveLength(expected.body.entries.length);
    for (const record of records) expect(record).toContain('admin.settings_changed');
    await tab.context.close();
  });

  it('pages a long health list with Load more', { timeout: 120_000 }, async () => {
    // Sixty people Confer has heard of but who never connected, written to its store as sign-ins would leave them.
    await rememberPeople(
      stack,
      Array.from({ length: 60 }, (_, i) => ({
        userId: `00000000-0000-0000-0001-0000000000${i + 10}`,
        email: `quinn.pager${i + 10}@contoso.onmicrosoft.com`,
        displayName: `Quinn Pager ${i + 10}`,
      })),
    );
    const tab = await openTab(browser, stack, host, PEOPLE.megan);
    const { admin } = tab;
    await tab.go('#/admin/health');
    await admin.healthRows.first().waitFor();
    await admin.healthSearch.fill('Quinn Pager');
    await admin.healthMatching.filter({ hasText: /^60 of .*; 50 shown/ }).waitFor();
    expect(await admin.healthRows.count()).toBe(50);
    await admin.button('Load more').click();
    await admin.healthMatching.filter({ hasText: /; 60 shown/ }).waitFor();
    const names = await admin.healthRows.allTextContents();
    expect(new Set(names).size).toBe(60);
    expect(await admin.button('Load more').count()).toBe(0);
    await tab.context.close();
  });

  it('offers Adele (no admin role) no Admin entry, refuses #/admin without asking for admin data, and the API refuses her every admin path', {
    timeout: 120_000,
  }, async () => {
    const tab = await openTab(browser, stack, host, PEOPLE.adele);
    const adminCalls: string[] = [];
    tab.context.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/admin')) adminCalls.push(request.url());
    });
    const nav = tab.root.getByRole('navigation', { name: 'Confer' });
    await nav.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await tab.admin.navLink.count()).toBe(0);
    for (const hash of ['#/admin', '#/admin/health', '#/admin/audit']) {
      await tab.go(hash);
      await tab.admin.refusal.waitFor();
      await tab.root.getByRole('heading', { name: 'Only admins of Confer can open this page' }).waitFor();
    }
    expect(await tab.admin.heading.count()).toBe(0);
    expect(adminCalls).toEqual([]);
    expect(await tab.admin.navLink.count()).toBe(0);
    await saveScreenshot(tab.page, `admin-${host}-refused`);
    await tab.context.close();

    const adele = apiAs(stack, PEOPLE.adele.id);
    const calls = [
      ['GET', '/api/admin/settings'],
      ['PUT', '/api/admin/settings'],
      ['GET', '/api/admin/audit'],
      ['GET', '/api/admin/audit.csv'],
      ['POST', '/api/admin/consent-link'],
      ['GET', '/api/admin/consent'],
      ['POST', '/api/admin/access-tests'],
      ['GET', '/api/admin/access-tests'],
      ['GET', '/api/admin/access-tests/some-id'],
      ['GET', '/api/admin/health'],
      ['GET', '/api/admin/health.csv'],
      ['GET', '/api/admin/incidents'],
    ] as const;
    for (const [method, path] of calls) {
      const answer =
        method === 'GET'
          ? await adele.get(path)
          : method === 'PUT'
            ? await adele.put(path, { connectionMode: 'user' })
            : await adele.post(path, { sampleSize: 1 });
      expect({ method, path, status: answer.status, body: answer.body }).toMatchObject({
        status: 403,
        body: { error: { code: 'admin_required' } },
      });
    }
  });
});

async function listIncidents(stack: Stack, state: 'open' | 'resolved'): Promise<IncidentDto[]> {
  const answer = await apiAs(stack, PEOPLE.megan.id).get(`/api/admin/incidents?state=${state}`);
  expect(answer.status).toBe(200);
  return incidentListSchema.parse(answer.body).incidents;
}
