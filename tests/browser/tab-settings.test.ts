import type { PreferencesDto } from '@confer/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { SettingsView } from './pages/settings-view.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { openInTeams } from './support/tab-session.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('settings', () => {
  it('shows the calendar connection, disconnects and connects again', { timeout: 90_000 }, async () => {
    const isaiah = await openInTeams(browser, stack, PEOPLE.isaiah, { subEntityId: 'settings' });
    const settings = new SettingsView(isaiah.root);
    await settings.heading.waitFor();
    await settings.status.filter({ hasText: 'Connected' }).waitFor({ timeout: 20_000 });
    await settings.button('Disconnect').click();
    await settings.status.filter({ hasText: 'Not connected' }).waitFor({ timeout: 20_000 });
    expect(await settings.message.textContent()).toContain('not connected');
    expect((await apiAs(stack, PEOPLE.isaiah.id).get<{ status: string }>('/api/me/connection')).body.status).toBe(
      'not_connected',
    );
    await settings.button('Connect').click();
    await settings.status.filter({ hasText: 'Connected' }).waitFor({ timeout: 20_000 });
    await settings.button('Disconnect').waitFor({ timeout: 20_000 });
    await isaiah.context.close();
  });

  it('saves reminders, a time-zone override and working hours, and shows them after a reload', {
    timeout: 90_000,
  }, async () => {
    const patti = await openInTeams(browser, stack, PEOPLE.patti, { subEntityId: 'settings' });
    const settings = new SettingsView(patti.root);
    await settings.heading.waitFor();
    await settings.reminder('15 minutes').check();
    await settings.reminder('1 day').check();
    await settings.timeZone.selectOption('Asia/Kolkata');
    await settings.overrideHours.check();
    await settings.day('Friday').uncheck();
    await settings.start.fill('08:30');
    await settings.end.fill('16:00');
    await settings.save();
    await saveScreenshot(patti.page, 'settings-saved');

    const saved = (await apiAs(stack, PEOPLE.patti.id).get<PreferencesDto>('/api/me/preferences')).body;
    expect(saved).toEqual({
      reminderMinutes: [15, 1440],
      timeZoneOverride: 'Asia/Kolkata',
      workingHoursOverride: { days: ['monday', 'tuesday', 'wednesday', 'thursday'], start: '08:30', end: '16:00' },
    });

    await patti.page.reload();
    await settings.heading.waitFor({ timeout: 20_000 });
    await settings.overrideHours.and(patti.root.locator(':checked')).waitFor();
    expect(await settings.timeZone.inputValue()).toBe('Asia/Kolkata');
    expect(await settings.reminder('15 minutes').isChecked()).toBe(true);
    expect(await settings.day('Friday').isChecked()).toBe(false);
    expect(await settings.start.inputValue()).toBe('08:30');
    await patti.context.close();
  });

  it('refuses working hours that end before they start, with the reason next to the field', {
    timeout: 60_000,
  }, async () => {
    const lynne = await openInTeams(browser, stack, PEOPLE.lynne, { subEntityId: 'settings' });
    const settings = new SettingsView(lynne.root);
    await settings.heading.waitFor();
    await settings.overrideHours.check();
    await settings.start.fill('18:00');
    await lynne.root.getByText('Working hours must end after they start.').waitFor();
    expect(await settings.button('Save preferences').isDisabled()).toBe(true);
    await lynne.context.close();
  });
});
