import type { Browser, BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { DevTenantSignInPage } from './pages/devtenant-sign-in-page.ts';
import { SchedulePage } from './pages/schedule-page.ts';
import { contextDefaults, launchChromium } from './support/chromium.ts';
import { emailOf, openInTeams } from './support/tab-session.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // A pinned Monday morning: the week on screen and the suggestions depend on the day.
  stack = await startStack({ clock: createControllableClock(new Date('2026-12-07T09:00:00Z')) });
  browser = await launchChromium(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The API requests the tab sends, in the order it sends them, whichever frame it runs in. */
function recordApiRequests(context: BrowserContext): Request[] {
  const requests: Request[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) requests.push(request);
  });
  return requests;
}

const pathOf = (request: Request) => `${request.method()} ${new URL(request.url()).pathname}`;

/**
 * Opening the picker on someone asks the API once for both the calendars and the suggestions, and asks before the
 * tab has its time zone (the read does not wait for the page's code either); a later change of length asks for the
 * suggestions alone.
 */
describe.each(['teams', 'browser'] as const)('the picker opening in %s mode', (mode) => {
  it('reads the calendars and suggestions in one request, started beside the time zone', async () => {
    const context = await browser.newContext(contextDefaults);
    try {
      const withEmail = emailOf(PEOPLE.alex);
      let schedule: SchedulePage;
      let requests: Request[];
      if (mode === 'teams') {
        requests = recordApiRequests(context);
        const tab = await openInTeams(browser, stack, PEOPLE.adele, { context, subEntityId: `schedule:${withEmail}` });
        schedule = new SchedulePage(tab.root);
      } else {
        const page = await context.newPage();
        await page.goto(`${stack.appUrl}/`);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await new DevTenantSignInPage(page).signInAs(PEOPLE.adele.name, new URL(stack.appUrl).origin);
        await page.getByRole('navigation', { name: 'Confer' }).waitFor({ timeout: 20_000 });
        // A fresh load of a link to the picker, as from a chat message or a bookmark.
        requests = recordApiRequests(context);
        await page.goto(`${stack.appUrl}/?fresh=1#/schedule?with=${encodeURIComponent(withEmail)}`);
        schedule = new SchedulePage(page);
      }
      await schedule.waitForPicker();
      await expect.poll(() => schedule.suggestions.count()).toBeGreaterThan(0);

      const opening = requests.map(pathOf);
      expect(opening.filter((p) => p === 'POST /api/availability')).toHaveLength(1);
      expect(opening).not.toContain('POST /api/suggestions');
      const read = requests.find((r) => pathOf(r) === 'POST /api/availability');
      const body = read?.postDataJSON() as { attendees: string[]; suggest?: { durationMinutes: number } };
      expect(body.attendees).toEqual([withEmail]);
      expect(body.suggest?.durationMinutes).toBe(30);
      // Every page waits for the person's zone; the picker's read is sent before that answer arrives, not after
      // the page's code has come and rendered. The zone is its own small read, not the week's calendar.
      const zone = requests.find((r) => pathOf(r) === 'GET /api/me/time-zone');
      await zone?.response();
      const zoneTiming = zone?.timing();
      const readSent = read?.timing().startTime ?? Number.POSITIVE_INFINITY;
      expect(readSent).toBeLessThan((zoneTiming?.startTime ?? 0) + (zoneTiming?.responseEnd ?? 0));
      expect(requests.map(pathOf)).not.toContain('GET /api/me/week');

      const before = requests.length;
      await schedule.field('Length').selectOption('60');
      await expect.poll(() => requests.slice(before).map(pathOf)).toContain('POST /api/suggestions');
      expect(requests.slice(before).map(pathOf)).not.toContain('POST /api/availability');
    } finally {
      await context.close();
    }
  });
});

describe('a page whose code cannot be downloaded', () => {
  it('says so and shows the page once the download works again', async () => {
    const context = await browser.newContext(contextDefaults);
    try {
      const page = await context.newPage();
      await page.goto(`${stack.appUrl}/`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await new DevTenantSignInPage(page).signInAs(PEOPLE.adele.name, new URL(stack.appUrl).origin);
      await page.getByRole('navigation', { name: 'Confer' }).waitFor({ timeout: 20_000 });
      // The settings page's code (its chunk) fails, as when the connection drops or a new version replaced it.
      const failing = '**/assets/settings-page-*.js';
      await context.route(failing, (route) => route.abort('internetdisconnected'));
      await page.evaluate(() => {
        window.location.hash = '#/settings';
      });
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('This page could not be downloaded');
      await context.unroute(failing);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      await expect(alert.count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
