import type { AccessTestDto, HealthPageDto } from '@confer/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
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
    // Tenant-wide mode may be limited by an Exchange Application Access Policy (docs/reference/graph-calendar.md
    // §8): Joni Sherman is outside "Confer Users".
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
    expect(await admin.owners.allTextContents()).toEqual([PEOPLE.adele.name]);
    const lines = await admin.saveSettings();
    expect(lines.join('\n')).toMatch(/tenant-wide.*safe/);
    expect(lines.join('\n')).toContain('People can no longer disconnect their calendar');
    expect(lines.join('\n')).toContain(`New integration owners: ${PEOPLE.adele.name}.`);

    const stored = await apiAs(stack, PEOPLE.megan.id).get<{ integrationOwners: string[] }>('/api/admin/settings');
    expect(stored.body).toMatchObject({
      connectionMode: 'tenant',
      allowDisconnect: false,
      integrationOwners: [PEOPLE.adele.id.toLowerCase()],
    });

    await tab.reload();
    await tab.go('#/admin');
    await admin.integrationSwitch.waitFor();
    expect(await admin.mode('tenant').isChecked()).toBe(true);
    expect(await admin.disconnectSwitch.isChecked()).toBe(false);
    await admin.owners.filter({ hasText: PEOPLE.adele.name }).waitFor();
    await saveScreenshot(tab.page, `admin-${host}-integration`);
    await tab.context.close();
  });
});
