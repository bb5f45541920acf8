import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { graphEventsTitled } from './pages/organizer-calendar.ts';
import type { SchedulePage } from './pages/schedule-page.ts';
import { openSchedule } from './pages/schedule-session.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { emailOf, uniqueTitle } from './support/tab-session.ts';

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

interface Focused {
  role: string | null;
  name: string | null;
  day: number | null;
  row: number | null;
  tag: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    const number = (name: string) => (element?.hasAttribute(name) ? Number(element.getAttribute(name)) : null);
    return {
      role: element?.getAttribute('role') ?? null,
      name:
        element?.getAttribute('aria-label') ??
        (element as HTMLInputElement | null)?.labels?.[0]?.textContent ??
        element?.textContent ??
        null,
      day: number('data-day'),
      row: number('data-row'),
      tag: element?.tagName ?? '',
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `limit` presses. */
async function tabUntil(page: Page, match: (f: Focused) => boolean, backwards = false, limit = 80): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (match(now)) return now;
    seen.push(`${now.tag}[${now.role ?? ''}] ${(now.name ?? '').slice(0, 40)}`);
  }
  throw new Error(`focus never reached the expected control; it went through: ${seen.join(' → ')}`);
}

/** Moves the grid's focus cell with arrow keys only. */
async function arrowTo(page: Page, from: Focused, day: number, row: number): Promise<void> {
  const steps = [
    ...Array(Math.max(0, day - (from.day ?? 0))).fill('ArrowRight'),
    ...Array(Math.max(0, (from.day ?? 0) - day)).fill('ArrowLeft'),
    ...Array(Math.max(0, row - (from.row ?? 0))).fill('ArrowDown'),
    ...Array(Math.max(0, (from.row ?? 0) - row)).fill('ArrowUp'),
  ];
  for (const key of steps) await page.keyboard.press(key);
}

async function freeRun(schedule: SchedulePage) {
  return schedule.findRun((label) => label.includes('free for everyone'), 2).catch(() => null);
}

describe('the schedule page by keyboard alone', () => {
  it('invites, names, picks an hour on the grid and creates, without a mouse', { timeout: 180_000 }, async () => {
    const { context, page, schedule } = await openSchedule(browser, stack, 'browser', PEOPLE.patti, null);
    await schedule.page.waitFor({ timeout: 30_000 });

    await tabUntil(page, (f) => f.name === 'Add people' || f.tag === 'INPUT');
    await page.keyboard.type('Adele');
    await page.getByRole('option', { name: /Adele Vance/ }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await schedule.chip(PEOPLE.adele.name).waitFor();

    const title = uniqueTitle('Keyboard mentoring');
    await tabUntil(page, (f) => f.tag === 'INPUT' && (f.name ?? '').startsWith('Title'));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(title);
    await schedule.waitForPicker();

    let cell = await tabUntil(page, (f) => f.role === 'gridcell');
    // Every slot has a spoken name: the day, the times and what they mean for everyone.
    expect(cell.name).toMatch(/^\w+day \d{1,2} \w+, \d{1,2}:\d\d to \d{1,2}:\d\d, /);
    let run = await freeRun(schedule);
    while (!run) {
      await tabUntil(page, (f) => f.name === 'Next week', true);
      await page.keyboard.press('Enter');
      cell = await tabUntil(page, (f) => f.role === 'gridcell');
      run = await freeRun(schedule);
    }
    const [from, to] = run;
    if (!from || !to) throw new Error('no free run');
    await arrowTo(page, cell, from.day, from.row);
    cell = await focused(page);
    expect([cell.day, cell.row]).toEqual([from.day, from.row]);
    expect(cell.name).toContain('free for everyone');
    // Focus shows everyone's own local time for the slot (Adele works in London, Patti in Seattle).
    await expect
      .poll(() => schedule.slotDetails.textContent())
      .toMatch(/Patti Fernandez \(you\).*Pacific Time.*Adele Vance.*United Kingdom Time/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(schedule.field('Length').inputValue()).resolves.toBe('60');
    await expect(schedule.cell(to.day, to.row).getAttribute('aria-selected')).resolves.toBe('true');
    await schedule.clashCheck.locator('xpath=self::*[@data-state="clear"]').waitFor({ timeout: 20_000 });

    await tabUntil(page, (f) => f.tag === 'BUTTON' && (f.name ?? '').trim() === 'Create');
    await page.keyboard.press('Enter');
    await schedule.created.waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'schedule-keyboard-created');
    const [event, ...more] = await graphEventsTitled(stack, PEOPLE.patti.id, title);
    expect(more).toEqual([]);
    expect(event?.isOnlineMeeting).toBe(true);
    expect(event?.attendees.map((a) => a.emailAddress.address.toLowerCase())).toEqual([emailOf(PEOPLE.adele)]);
    expect(new Date(`${event?.start.dateTime.replace(/Z$/, '')}Z`).toISOString()).toBe(from.start);
    await context.close();
  });
});

describe('the clash check', () => {
  it('warns before creating at a time the attendee is busy, then creates only when told to', {
    timeout: 180_000,
  }, async () => {
    const { context, page, root, schedule } = await openSchedule(
      browser,
      stack,
      'teams',
      PEOPLE.alex,
      emailOf(PEOPLE.megan),
    );
    await schedule.waitForPicker();
    const title = uniqueTitle('Clashing review');
    await schedule.field('Title').fill(title);
    const busy = `busy: ${PEOPLE.megan.name}`;
    let run = await schedule
      .findRun((label) => label.includes(busy) && !label.includes('you have'), 1)
      .catch(() => null);
    while (!run) {
      await schedule.next();
      run = await schedule.findRun((label) => label.includes(busy) && !label.includes('you have'), 1).catch(() => null);
    }
    const [slot] = run;
    if (!slot) throw new Error('no busy slot');
    await schedule.cell(slot.day, slot.row).click();

    // The warning is there before anything is created, naming who is busy.
    await schedule.clashCheck.locator('xpath=self::*[@data-state="clash"]').waitFor({ timeout: 20_000 });
    const warning = (await schedule.clashCheck.textContent()) ?? '';
    expect(warning).toContain('This time clashes');
    expect(warning).toContain(`${PEOPLE.megan.name}: busy`);
    expect(await graphEventsTitled(stack, PEOPLE.alex.id, title)).toEqual([]);
    await saveScreenshot(page, 'schedule-teams-clash-warning');

    // Creating anyway goes through the API's own check (409 conflicts_found), which names the clash again.
    await schedule.createButton.click();
    await schedule.createConflicts.waitFor({ timeout: 20_000 });
    expect(await schedule.createConflicts.textContent()).toContain(`${PEOPLE.megan.name}: busy`);
    expect(await graphEventsTitled(stack, PEOPLE.alex.id, title)).toEqual([]);
    await schedule.createConflicts.getByRole('button', { name: 'Create anyway' }).click();
    await schedule.created.waitFor({ timeout: 30_000 });
    expect(await graphEventsTitled(stack, PEOPLE.alex.id, title)).toHaveLength(1);
    await root.getByTestId('join-link').waitFor();
    await context.close();
  });
});
