import type { MeetingDto } from '@confer/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { DevTenantSignInPage } from './pages/devtenant-sign-in-page.ts';
import { MeetingView } from './pages/meeting-view.ts';
import { signInInBrowser } from './support/browser-sign-in.ts';
import { contextDefaults, launchChromium } from './support/chromium.ts';
import { createMeeting, openInTeams, uniqueTitle } from './support/tab-session.ts';

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

describe('a recurring series', () => {
  it('moves one occurrence and cancels another, leaving the rest of the series as it was', {
    timeout: 150_000,
  }, async () => {
    const title = uniqueTitle('Weekly 1:1 Adele and Alex');
    const series = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], {
      title,
      recurrence: { kind: 'weekly', count: 3 },
    });
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${series.id}` });
    const view = new MeetingView(adele.root);
    await view.open(title);
    await view.chooseOccurrence(1);
    await view.button('Reschedule').click();
    await view.reschedulePanel.getByRole('radio', { name: /^This occurrence/ }).check();
    // Moving it before the previous occurrence is refused up front, as Outlook would refuse it.
    await view.pickSuggestionBetweenNeighbours(view.reschedulePanel);
    await view.button('Move meeting').click();
    await view.done.filter({ hasText: 'Moved to' }).waitFor({ timeout: 30_000 });

    const after = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${series.id}`)).body;
    // One override for the second occurrence; the series itself still starts where it did.
    expect(after.start).toBe(series.start);
    expect(after.occurrences).toHaveLength(1);
    const [override] = after.occurrences;
    expect(Date.parse(override?.originalStart ?? '')).toBe(
      Date.parse(series.start) + 7 * 86_400_000 + zoneShift(series),
    );
    expect(override?.start).not.toBe(override?.originalStart);
    await adele.root.getByLabel('Occurrence').locator('option', { hasText: '(moved)' }).waitFor({ state: 'attached' });
    await view.history
      .filter({ hasText: /occurrence/i })
      .first()
      .waitFor();
    await adele.context.close();
  });
});

/** A weekly series keeps London wall-clock time: a week later is 7 × 24 h, plus or minus an hour across DST. */
function zoneShift(series: MeetingDto): number {
  const offset = (instant: number) => {
    const text = new Intl.DateTimeFormat('en-GB', { timeZone: series.timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date(instant))
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = /GMT([+-]\d+)?/.exec(text ?? '');
    return Number(match?.[1] ?? 0) * 3_600_000;
  };
  const first = Date.parse(series.start);
  return offset(first) - offset(first + 7 * 86_400_000);
}

describe('deep links', () => {
  it('keeps the meeting address through sign-in when the link is opened signed out', { timeout: 90_000 }, async () => {
    const title = uniqueTitle('Deep link before sign-in');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.patti], { title });
    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    await page.goto(`${stack.appUrl}/#/meetings/${meeting.id}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await new DevTenantSignInPage(page).signInAs(PEOPLE.patti.name, new URL(stack.appUrl).origin);
    await new MeetingView(page).open(title);
    expect(new URL(page.url()).hash).toBe(`#/meetings/${meeting.id}`);
    await context.close();
  });

  it('opens a meeting from a Teams deep link (subPageId meeting:{id})', { timeout: 90_000 }, async () => {
    const title = uniqueTitle('Deep link in Teams');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.megan], { title });
    const megan = await openInTeams(browser, stack, PEOPLE.megan, { subEntityId: `meeting:${meeting.id}` });
    await new MeetingView(megan.root).open(title);
    await megan.host.appStatus.filter({ hasText: 'Loaded (notifySuccess)' }).waitFor();
    await megan.context.close();
  });

  it('opens a meeting from the browser address the invitation links to (/#/meetings/{id})', {
    timeout: 90_000,
  }, async () => {
    const title = uniqueTitle('Deep link in a browser');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.megan], { title });
    expect(meeting.webUrl).toContain(`#/meetings/${meeting.id}`);
    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    await signInInBrowser(page, stack, PEOPLE.megan.name);
    await page.goto(`${stack.appUrl}/#/meetings/${meeting.id}`);
    await new MeetingView(page).open(title);
    // Someone else's meeting id is the same "not found" as a made-up one: nothing leaks.
    await page.goto(`${stack.appUrl}/#/meetings/does-not-exist`);
    await page.getByRole('alert').filter({ hasText: 'not_found' }).waitFor();
    await page.goto(`${stack.appUrl}/#/nowhere`);
    await page.getByRole('heading', { name: 'This page does not exist' }).waitFor();
    await context.close();
  });
});
