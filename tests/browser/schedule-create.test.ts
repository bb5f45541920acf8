import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { graphEventsTitled } from './pages/organizer-calendar.ts';
import type { SchedulePage } from './pages/schedule-page.ts';
import { type HostMode, openSchedule } from './pages/schedule-session.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { emailOf, type Person, uniqueTitle } from './support/tab-session.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  // A pinned Monday morning: the free runs the drag looks for, and which of them are already past, depend on the
  // hour and the day.
  stack = await startStack({ clock: createControllableClock(new Date('2026-12-07T09:00:00Z')) });
  browser = await launchChromium(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('slot is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Creates, then checks what Outlook holds: exactly one event at that time, with a Teams meeting and its link. */
async function createAndVerify(
  page: Page,
  schedule: SchedulePage,
  organizer: Person,
  attendee: Person,
  title: string,
  expected: { start: string; end: string },
  screenshot: string,
): Promise<void> {
  await schedule.createButton.click();
  await schedule.created.waitFor({ timeout: 30_000 });
  await expect(schedule.created.getByRole('heading', { level: 2 }).textContent()).resolves.toContain(title);
  const href = await schedule.joinLink.getAttribute('href');
  expect(href).toMatch(/^https:\/\//);
  await saveScreenshot(page, screenshot);

  const events = await graphEventsTitled(stack, organizer.id, title);
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event?.isOnlineMeeting).toBe(true);
  expect(event?.onlineMeetingProvider).toBe('teamsForBusiness');
  expect(event?.onlineMeeting?.joinUrl).toBe(href);
  expect(event?.attendees.map((a) => a.emailAddress.address.toLowerCase())).toEqual([emailOf(attendee)]);
  const utc = (value: { dateTime: string; timeZone: string } | undefined) =>
    new Date(`${value?.dateTime.replace(/Z$/, '')}${value?.timeZone === 'UTC' ? 'Z' : ''}`).toISOString();
  expect(event?.start.timeZone).toBe('UTC');
  expect(utc(event?.start)).toBe(expected.start);
  expect(utc(event?.end)).toBe(expected.end);
}

const cases: { mode: HostMode; suggestion: [Person, Person]; drag: [Person, Person] }[] = [
  { mode: 'teams', suggestion: [PEOPLE.alex, PEOPLE.adele], drag: [PEOPLE.isaiah, PEOPLE.megan] },
  { mode: 'browser', suggestion: [PEOPLE.megan, PEOPLE.patti], drag: [PEOPLE.lynne, PEOPLE.adele] },
];

describe.each(cases)('scheduling in $mode mode', ({ mode, suggestion, drag }) => {
  it('schedules at a suggested time and opens the new meeting', { timeout: 180_000 }, async () => {
    const [organizer, attendee] = suggestion;
    const { context, page, root, schedule } = await openSchedule(browser, stack, mode, organizer, emailOf(attendee));
    await schedule.waitForPicker();
    await schedule.chip(attendee.name).waitFor();
    const title = uniqueTitle('Suggested catch-up');
    // A meeting type fills the length and the agenda prompts; the suggestions follow the new length.
    await schedule.field('Meeting type').selectOption('mentoring-session');
    await expect(schedule.field('Length').inputValue()).resolves.toBe('45');
    await expect(schedule.field('Agenda').inputValue()).resolves.toContain('What has gone well since we last met');
    await schedule.field('Title').fill(title);

    const first = schedule.suggestions.first();
    await expect
      .poll(
        async () =>
          Date.parse((await first.getAttribute('data-end')) ?? '') -
          Date.parse((await first.getAttribute('data-start')) ?? ''),
      )
      .toBe(45 * 60_000);
    const start = (await first.getAttribute('data-start')) ?? '';
    const end = (await first.getAttribute('data-end')) ?? '';
    await first.click();
    await expect(first.getAttribute('aria-pressed')).resolves.toBe('true');
    // The chosen time is drawn on the grid, and its slots are named as selected for screen readers.
    const chosen = root.locator('[role="gridcell"][aria-selected="true"]');
    await chosen.first().waitFor();
    expect(Date.parse((await chosen.first().getAttribute('data-start')) ?? '')).toBeLessThanOrEqual(Date.parse(start));
    expect(await root.locator('[data-mark="chosen"]').count()).toBe(1);
    await schedule.clashCheck.locator('xpath=self::*[@data-state="clear"]').waitFor({ timeout: 20_000 });
    await createAndVerify(page, schedule, organizer, attendee, title, { start, end }, `schedule-${mode}-suggestion`);

    await schedule.created.getByRole('button', { name: 'Open meeting' }).click();
    await root.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 20_000 });
    await context.close();
  });

  it('schedules an hour chosen by dragging over two free slots', { timeout: 180_000 }, async () => {
    const [organizer, attendee] = drag;
    const { context, page, schedule } = await openSchedule(browser, stack, mode, organizer, emailOf(attendee));
    await schedule.waitForPicker();
    const title = uniqueTitle('Dragged planning');
    await schedule.field('Title').fill(title);

    let run = await schedule.findRun((label) => label.includes('free for everyone'), 2).catch(() => null);
    while (!run) {
      await schedule.next();
      await schedule.grid.waitFor();
      run = await schedule.findRun((label) => label.includes('free for everyone'), 2).catch(() => null);
    }
    const [from, to] = run;
    if (!from || !to) throw new Error('no free run');
    const a = await center(schedule.cell(from.day, from.row));
    const b = await center(schedule.cell(to.day, to.row));
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 6 });
    await page.mouse.up();

    const expected = { start: from.start, end: new Date(Date.parse(to.start) + 30 * 60_000).toISOString() };
    // The selection renders after the pointer is released: wait for it rather than read it at once (a loaded machine
    // paints later).
    await expect.poll(() => schedule.cell(from.day, from.row).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => schedule.cell(to.day, to.row).getAttribute('aria-selected')).toBe('true');
    // The length follows the dragged range.
    await expect.poll(() => schedule.field('Length').inputValue()).toBe('60');
    await schedule.clashCheck.locator('xpath=self::*[@data-state="clear"]').waitFor({ timeout: 20_000 });
    await createAndVerify(page, schedule, organizer, attendee, title, expected, `schedule-${mode}-dragged`);
    await context.close();
  });
});
