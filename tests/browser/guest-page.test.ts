import type { GuestLinkResponse, MeetingDto, SuggestionsResponse } from '@confer/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { bodyOf, mail, uniqueTitle } from '../scheduling/support/scheduling-api.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { seriousViolations } from './support/axe-scan.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';

const GUEST = 'mentor@fabrikam.example';

/**
 * The guest page in a real browser (docs/guest-links.md): it runs under its own CSP with no violation, picks the
 * browser's time zone by itself, reads well in light, dark and right to left, and a pick made by clicking moves the
 * meeting.
 */
describe('the guest page in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  let link: GuestLinkResponse;
  let meeting: MeetingDto;

  beforeAll(async () => {
    const clock = createControllableClock(new Date('2026-12-07T09:00:00Z'));
    stack = await startStack({ tabDir: null, clock, connectionMode: 'tenant' });
    browser = await launchChromium(stack);
    const adele = apiAs(stack, PEOPLE.adele.id);
    const times = bodyOf<SuggestionsResponse>(
      await adele.post('/api/suggestions', { attendees: [mail('alexw')], durationMinutes: 30, maxSuggestions: 5 }),
      200,
    ).suggestions;
    const [first, ...rest] = times;
    meeting = bodyOf<MeetingDto>(
      await adele.post('/api/meetings', {
        title: uniqueTitle('Mentoring'),
        attendees: [mail('alexw'), GUEST],
        start: first?.start,
        end: first?.end,
        timeZone: 'Europe/London',
        acceptConflicts: true,
      }),
      201,
    );
    link = bodyOf<GuestLinkResponse>(
      await adele.post(`/api/meetings/${meeting.id}/guest-links`, {
        attendee: GUEST,
        slots: rest.slice(0, 3).map((s) => ({ start: s.start, end: s.end })),
      }),
      201,
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows the times in the browser’s zone, with no CSP violation and no serious accessibility problem', {
    timeout: 90_000,
  }, async () => {
    const context = await browser.newContext({ ...contextDefaults, timezoneId: 'Asia/Tokyo' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    const found: string[] = [];
    await page.goto(link.url);
    // The page's own script chose the browser's zone and showed the times again in it.
    await page.waitForURL(/tz=Asia%2FTokyo/);
    await expect.poll(() => page.locator('select#tz').inputValue()).toBe('Asia/Tokyo');
    expect(await page.getByRole('radio').count()).toBe(3);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await saveScreenshot(page, `guest-page-${colorScheme}`);
      found.push(...(await seriousViolations(page)).map((v) => `${colorScheme}: ${v}`));
    }
    await context.close();
    expect(violations).toEqual([]);
    expect(found).toEqual([]);
  });

  it('reads right to left in Arabic, without serious accessibility problems', { timeout: 60_000 }, async () => {
    const context = await browser.newContext({ ...contextDefaults, locale: 'ar-EG' });
    const page = await context.newPage();
    await page.goto(`${link.url}?tz=Africa/Cairo`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await saveScreenshot(page, 'guest-page-arabic');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('moves the meeting when the guest picks a time and confirms', { timeout: 60_000 }, async () => {
    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    await page.goto(`${link.url}?tz=Europe/London`);
    const chosen = link.offer.slots[1] as { start: string; end: string };
    await page.locator(`input[type="radio"][value="${chosen.start}"]`).check();
    await page.getByRole('button', { name: 'Confirm this time' }).click();
    await page.getByRole('heading', { name: 'Your time is confirmed' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
    const moved = bodyOf<MeetingDto>(await apiAs(stack, PEOPLE.adele.id).get(`/api/meetings/${meeting.id}`), 200);
    expect(moved.start).toBe(chosen.start);
  });
});
