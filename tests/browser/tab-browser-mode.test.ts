import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { signInInBrowser } from './support/browser-sign-in.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';
import { apiWeekFor, graphSubjects, sameDayTimedCards, uniqueSorted } from './support/expected-week.ts';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the tab in a plain browser (MSAL sign-in on devtenant)', () => {
  it('signs Megan in and shows her own next 7 days in her mailbox zone', { timeout: 120_000 }, async () => {
    context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    const tab = await signInInBrowser(page, stack, PEOPLE.megan.name);
    expect(await tab.signedInName.textContent()).toBe(PEOPLE.megan.name);

    const week = await apiWeekFor(stack, PEOPLE.megan.id);
    // What the API answered is what devtenant's Graph holds for her, and the tab shows exactly those subjects.
    expect(uniqueSorted(week.events.map((e) => e.subject))).toEqual(
      uniqueSorted(await graphSubjects(stack, PEOPLE.megan.id, week.window)),
    );
    expect(week.events.length).toBeGreaterThan(0);
    expect(uniqueSorted(await tab.subjects())).toEqual(uniqueSorted(week.events.map((e) => e.subject)));
    expect(await tab.timeZoneNote.textContent()).toContain(`(${week.user.timeZone})`);

    // Times and days are hers, not the browser's (Pacific/Kiritimati is UTC+14, far from every seeded zone).
    const cards = sameDayTimedCards(week).slice(0, 6);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const shown = tab.eventsOn(card.dateKey).filter({ hasText: card.subject }).filter({ hasText: card.startText });
      await shown.first().waitFor();
      expect(await shown.first().textContent()).toContain(card.endText);
    }
    await saveScreenshot(page, 'tab-browser-megan');

    await tab.signOut();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('shows the sign-in screen first, with an accessible Sign in button', { timeout: 60_000 }, async () => {
    const fresh = await browser.newContext(contextDefaults);
    const page = await fresh.newPage();
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole('heading', { name: 'Welcome to Confer' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    await saveScreenshot(page, 'tab-browser-sign-in');
    await fresh.close();
  });
});
