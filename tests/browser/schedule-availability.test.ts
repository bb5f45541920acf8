import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { DevTenantSignInPage } from './pages/devtenant-sign-in-page.ts';
import type { SchedulePage } from './pages/schedule-page.ts';
import { openSchedule } from './pages/schedule-session.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';

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
// The consent test withdraws the admin's delegated consent for everyone: every other test starts with it granted.
afterEach(async () => {
  const restored = await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: true });
  expect(restored.status).toBe(200);
});

const NORA = { email: 'noraf@contoso.onmicrosoft.com', name: 'Nora Field' };
const GUEST = 'mentor@fabrikam.example';

/** An unreadable calendar is named in the banner, hatched on the grid, never free, and called out by suggestions. */
async function expectUnknown(schedule: SchedulePage, email: string, name: string, message: RegExp): Promise<void> {
  await schedule.banner.waitFor({ timeout: 30_000 });
  const item = schedule.banner.locator(`li[data-person="${email}"]`);
  expect(await item.textContent()).toMatch(message);
  expect(await schedule.banner.textContent()).toContain(`${name}'s calendar can't be read`);
  expect(await schedule.unknownLane(email).count()).toBeGreaterThan(0);
  expect(await schedule.legend.textContent()).toContain(`Unknown (hatched): ${name}`);
  const labels = (await schedule.cells()).map((c) => c.label);
  expect(labels.every((label) => label.includes(`calendar unknown: ${name}`))).toBe(true);
  expect(labels.some((label) => label.includes('free for everyone'))).toBe(false);
  await schedule.root(`[data-testid="suggestions-unaccounted"]`).waitFor();
  expect(await schedule.root('[data-testid="suggestions-unaccounted"]').textContent()).toContain(name);
}

describe('calendars Confer cannot read', () => {
  it('says so for an address outside the organisation, added by typing it', { timeout: 120_000 }, async () => {
    const { context, page, schedule } = await openSchedule(browser, stack, 'teams', PEOPLE.adele, null);
    await schedule.page.waitFor({ timeout: 30_000 });
    await schedule.addPerson(GUEST, new RegExp(`Invite ${GUEST}`));
    await schedule.root('[data-testid="external-note"]').waitFor();
    await schedule.waitForPicker();
    await expectUnknown(schedule, GUEST, GUEST, /outside your organisation/);
    await saveScreenshot(page, 'schedule-teams-unreadable-external');
    await context.close();
  });

  it('says so for a colleague without a mailbox (Nora Field)', { timeout: 120_000 }, async () => {
    const { context, page, schedule } = await openSchedule(browser, stack, 'browser', PEOPLE.isaiah, NORA.email);
    await schedule.waitForPicker();
    await expectUnknown(schedule, NORA.email, NORA.name, /has no Outlook calendar/);
    await saveScreenshot(page, 'schedule-browser-unreadable-no-mailbox');
    await context.close();
  });

  it('asks the organizer for consent when Confer may not read their own calendar, then shows the grid', {
    timeout: 180_000,
  }, async () => {
    const response = await stack.devtenant.control('consent/admin', {
      clientId: CLIENT_ID,
      granted: true,
      delegated: [],
    });
    expect(response.status).toBe(200);
    const { context, page, root, schedule } = await openSchedule(
      browser,
      stack,
      'teams',
      PEOPLE.lynne,
      'adelev@contoso.onmicrosoft.com',
    );
    await schedule.page.waitFor({ timeout: 30_000 });
    const grant = root.getByTestId('time-picker').getByRole('button', { name: 'Grant permission' });
    await grant.waitFor({ timeout: 30_000 });
    expect(await schedule.grid.count()).toBe(0);
    await saveScreenshot(page, 'schedule-teams-consent-needed');

    const [popup] = await Promise.all([context.waitForEvent('page'), grant.click()]);
    await new DevTenantSignInPage(popup).consentAs(PEOPLE.lynne.name);
    await popup.waitForEvent('close', { timeout: 20_000 });
    await schedule.waitForPicker();
    expect(await schedule.banner.count()).toBe(0);
    await context.close();
  });
});
