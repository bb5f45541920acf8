import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { seriousViolations } from './support/axe-scan.ts';
import { launchChromium } from './support/chromium.ts';
import { createMeeting, emailOf, openInTeams, uniqueTitle } from './support/tab-session.ts';

let stack: Stack;
let browser: Browser;
let meetingId: string;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium(stack);
  meetingId = (await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title: uniqueTitle('Themes 1:1') })).id;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Each page opened through a Teams deep link, with what shows it has finished loading. */
const pages = () => [
  { name: 'home', subEntityId: '', ready: '[data-testid="meeting-card"]' },
  { name: 'schedule', subEntityId: `schedule:${emailOf(PEOPLE.alex)}`, ready: '[data-testid="suggestion"]' },
  { name: 'meeting', subEntityId: `meeting:${meetingId}`, ready: '[data-testid="history"] li' },
  { name: 'settings', subEntityId: 'settings', ready: '[data-testid="connection-status"]' },
];

describe("Teams' dark and contrast themes on every page (inside the Teams host, no forced colours)", () => {
  for (const theme of ['dark', 'contrast'] as const) {
    it(`keeps every page readable in the ${theme} theme (axe: no serious or critical violations)`, {
      timeout: 150_000,
    }, async () => {
      const found: string[] = [];
      for (const target of pages()) {
        const tab = await openInTeams(browser, stack, PEOPLE.adele, {
          theme,
          ...(target.subEntityId ? { subEntityId: target.subEntityId } : {}),
        });
        await tab.root.locator(target.ready).first().waitFor({ timeout: 30_000 });
        const frame = tab.page.frames().find((f) => f.url().includes('/index.html'));
        if (!frame) throw new Error('the tab frame is not open');
        const canvas = await frame.evaluate(
          () => getComputedStyle(document.querySelector('[data-testid="tab-canvas"]') as Element).backgroundColor,
        );
        // The theme really applied: dark grey for dark, pure black for contrast.
        expect(canvas).toBe(theme === 'contrast' ? 'rgb(0, 0, 0)' : 'rgb(31, 31, 31)');
        found.push(...(await seriousViolations(frame)).map((v) => `${target.name}: ${v}`));
        await tab.context.close();
      }
      expect(found).toEqual([]);
    });
  }
});
