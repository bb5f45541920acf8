import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { openSchedule } from './pages/schedule-session.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // Tenant-wide mode reads calendars with Confer's application permission, which an Exchange Application Access
  // Policy can restrict to a group (docs/reference/graph-calendar.md §8); Joni Sherman is outside
  // "Confer Users", Alex inside.
  stack = await startStack({ connectionMode: 'tenant' });
  const policy = await stack.devtenant.control('access-policy', { enabled: true });
  expect(policy.status).toBe(200);
  browser = await launchChromium(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const JONI = { email: 'jonis@contoso.onmicrosoft.com', name: 'Joni Sherman' };

describe('a colleague outside the admin’s access policy (tenant-wide mode)', () => {
  it('is named in the banner with what to do, hatched as unknown, and never counted as free', {
    timeout: 120_000,
  }, async () => {
    const { context, page, schedule } = await openSchedule(browser, stack, 'teams', PEOPLE.alex, JONI.email);
    await schedule.waitForPicker();
    await schedule.banner.waitFor({ timeout: 30_000 });
    const item = schedule.banner.locator(`li[data-person="${JONI.email}"]`);
    expect(await item.getAttribute('data-status')).toBe('outside_access_policy');
    expect(await item.textContent()).toMatch(/outside the group your admin allowed Confer to use/);
    expect(await schedule.unknownLane(JONI.email).count()).toBeGreaterThan(0);
    const labels = (await schedule.cells()).map((c) => c.label);
    expect(labels.every((label) => label.includes(`calendar unknown: ${JONI.name}`))).toBe(true);
    expect(await schedule.root('[data-testid="suggestions-unaccounted"]').textContent()).toContain(JONI.name);
    // The organizer's own calendar is still read: their events carry titles.
    expect(await schedule.root('[data-mark="own"]').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'schedule-teams-unreadable-access-policy');
    await context.close();
  });
});
