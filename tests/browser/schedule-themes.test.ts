import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { openSchedule } from './pages/schedule-session.ts';
import { injectAxe } from './support/axe-scan.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { emailOf } from './support/tab-session.ts';

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

function tabFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/index.html'));
  if (!frame) throw new Error('the tab frame is not open');
  return frame;
}

/** axe-core's WCAG 2.1 AA rules (colour contrast included) on the schedule page only, inside the tab's frame. */
async function scheduleViolations(frame: Frame): Promise<string[]> {
  await injectAxe(frame);
  const violations = await frame.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<Result> } }).axe;
    const result = await axe.run(
      // Tabster's focus sentinels (Fluent's arrow-key movers) are aria-hidden and hand focus on at once: never read.
      { include: [['[data-testid="schedule-page"]']], exclude: [['[data-tabster-dummy]']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] },
    );
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

describe.each(['default', 'dark', 'contrast'] as const)('the schedule page in the %s theme', (theme) => {
  it('draws the grid with readable contrast and no serious accessibility violations', {
    timeout: 120_000,
  }, async () => {
    const { context, page, schedule } = await openSchedule(
      browser,
      stack,
      'teams',
      PEOPLE.megan,
      emailOf(PEOPLE.adele),
      {
        theme,
        viewport: { width: 1280, height: 2400 },
      },
    );
    await schedule.waitForPicker();
    await schedule.suggestions.first().click();
    await schedule.clashCheck.locator('xpath=self::*[@data-state="clear"]').waitFor({ timeout: 20_000 });
    expect(await scheduleViolations(tabFrame(page))).toEqual([]);
    await saveScreenshot(page, `schedule-picker-${theme}`);
    await context.close();
  });
});

describe('the schedule page on a narrow screen', () => {
  it('shows one day at a time from 320 px, steps by day, and keeps the page from scrolling sideways', {
    timeout: 120_000,
  }, async () => {
    const { context, page, schedule } = await openSchedule(
      browser,
      stack,
      'browser',
      PEOPLE.megan,
      emailOf(PEOPLE.adele),
      {
        viewport: { width: 320, height: 900 },
      },
    );
    await schedule.waitForPicker();
    await expect(schedule.root('[data-testid="schedule-grid"]').getAttribute('data-days')).resolves.toBe('1');
    const before = await schedule.root('[data-testid="grid-range"]').textContent();
    await schedule.next();
    await expect.poll(() => schedule.root('[data-testid="grid-range"]').textContent()).not.toBe(before);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await saveScreenshot(page, 'schedule-picker-320px');
    await context.close();
  });
});

describe('while availability and suggestions are loading', () => {
  it('holds the grid’s place with skeletons of the same size (no layout shift), whichever answer comes first', {
    timeout: 120_000,
  }, async () => {
    const gate = () => {
      let open: () => void = () => undefined;
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      return { opened, open };
    };
    const availability = gate();
    const suggestions = gate();
    const { context, page, schedule } = await openSchedule(browser, stack, 'browser', PEOPLE.megan, null);
    await page.route('**/api/availability', async (route) => {
      await availability.opened;
      await route.continue();
    });
    await page.route('**/api/suggestions', async (route) => {
      await suggestions.opened;
      await route.continue();
    });
    await schedule.page.waitFor({ timeout: 30_000 });
    await schedule.addPerson('Adele', /Adele Vance/);
    const skeleton = schedule.root('[data-testid="schedule-grid-loading"]');
    await skeleton.waitFor();
    const held = await skeleton.boundingBox();
    availability.open();
    await schedule.grid.waitFor({ timeout: 30_000 });
    const drawn = await schedule.root('[data-testid="schedule-grid"]').boundingBox();
    expect(drawn?.y).toBe(held?.y);
    expect(drawn?.height).toBe(held?.height);
    suggestions.open();
    await schedule.root('[data-testid="suggestion"]').first().waitFor({ timeout: 30_000 });
    const after = await schedule.root('[data-testid="schedule-grid"]').boundingBox();
    expect(after?.y).toBe(held?.y);
    await context.close();
  });
});
