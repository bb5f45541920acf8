import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { SettingsView } from './pages/settings-view.ts';
import { settleSettings } from './support/admin-session.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { emailOf, openInTeams } from './support/tab-session.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  expect((await apiAs(stack, PEOPLE.patti.id).post('/api/me/connection')).status).toBe(200);
  browser = await launchChromium(stack);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the admin's settings as people see them in the tab", () => {
  it('hides Disconnect and says why while the admin keeps calendars connected', { timeout: 120_000 }, async () => {
    await settleSettings(stack, { allowDisconnect: false });
    const tab = await openInTeams(browser, stack, PEOPLE.patti, { subEntityId: 'settings' });
    const settings = new SettingsView(tab.root);
    await settings.status.filter({ hasText: 'Connected' }).waitFor();
    await tab.root.getByTestId('disconnect-locked').waitFor();
    expect(await tab.root.getByTestId('disconnect-locked').textContent()).toContain(
      'Your organisation keeps calendars connected to Confer',
    );
    expect(await settings.button('Disconnect').count()).toBe(0);
    await tab.context.close();

    await settleSettings(stack);
    const again = await openInTeams(browser, stack, PEOPLE.patti, { subEntityId: 'settings' });
    await new SettingsView(again.root).button('Disconnect').waitFor();
    expect(await again.root.getByTestId('disconnect-locked').count()).toBe(0);
    await again.context.close();
  });

  it('says the integration is switched off on Home, Schedule and Settings, and offers no Connect', {
    timeout: 150_000,
  }, async () => {
    await settleSettings(stack, { integrationEnabled: false });
    const tab = await openInTeams(browser, stack, PEOPLE.patti);
    const banner = tab.root.getByTestId('connection-banner');
    await banner.getByText('Outlook integration is switched off').waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('Your organisation has switched the Outlook integration off');
    expect(await banner.getByRole('button').count()).toBe(0);
    await tab.root.getByRole('tab', { name: 'Next 7 days' }).click();
    await tab.root.getByRole('alert').filter({ hasText: 'Outlook integration is switched off' }).waitFor();
    await saveScreenshot(tab.page, 'admin-rules-home-integration-off');

    await tab.go(`#/schedule?with=${emailOf(PEOPLE.alex)}`);
    const refused = tab.root.getByRole('alert').filter({ hasText: 'Outlook integration is switched off' });
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toContain('integration_off');
    await saveScreenshot(tab.page, 'admin-rules-schedule-integration-off');

    await tab.go('#/settings');
    const settings = new SettingsView(tab.root);
    await settings.status.filter({ hasText: 'Switched off by your organisation' }).waitFor();
    expect(await settings.message.textContent()).toContain('switched the Outlook integration off');
    for (const name of ['Connect', 'Reconnect', 'Grant permission'])
      expect(await settings.button(name).count()).toBe(0);
    await tab.context.close();
    await settleSettings(stack);
  });
});
