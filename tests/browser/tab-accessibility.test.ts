import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { HomeView } from './pages/home-view.ts';
import { MeetingView } from './pages/meeting-view.ts';
import { SettingsView } from './pages/settings-view.ts';
import { seriousViolations } from './support/axe-scan.ts';
import { signInInBrowser } from './support/browser-sign-in.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';
import { createMeeting, emailOf, uniqueTitle } from './support/tab-session.ts';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let meetingId: string;
let meetingTitle: string;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium(stack);
  meetingTitle = uniqueTitle('Performance conversation Adele and Alex');
  const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title: meetingTitle });
  meetingId = meeting.id;
  context = await browser.newContext(contextDefaults);
  page = await context.newPage();
  await signInInBrowser(page, stack, PEOPLE.adele.name);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Theme = 'default' | 'dark' | 'contrast';
const themes: Theme[] = ['default', 'dark', 'contrast'];

/**
 * Outside Teams the tab follows the browser: dark colour scheme → Teams dark, forced colours → Teams contrast.
 * Forced colours are emulated with Windows' default high-contrast palette, which is dark (black canvas), the
 * palette Teams' own contrast theme matches.
 */
async function useTheme(target: Page, theme: Theme): Promise<void> {
  await target.emulateMedia({
    colorScheme: theme === 'default' ? 'light' : 'dark',
    forcedColors: theme === 'contrast' ? 'active' : 'none',
    // Fluent's colour transitions (e.g. a button's background) would otherwise be measured half-way.
    reducedMotion: 'reduce',
  });
}

const pages: { name: string; hash: string; ready: (p: Page) => Promise<void> }[] = [
  { name: 'home', hash: '#/', ready: (p) => new HomeView(p).card(meetingTitle).waitFor({ timeout: 20_000 }) },
  { name: 'home-week', hash: '#/week', ready: (p) => p.getByTestId('time-zone-note').waitFor({ timeout: 20_000 }) },
  {
    name: 'schedule',
    hash: '',
    ready: (p) => p.getByTestId('suggestion').first().waitFor({ timeout: 30_000 }),
  },
  {
    name: 'meeting',
    hash: '',
    ready: async (p) => {
      await new MeetingView(p).open(meetingTitle);
      await p.getByTestId('history').getByRole('listitem').first().waitFor({ timeout: 20_000 });
    },
  },
  { name: 'settings', hash: '#/settings', ready: (p) => new SettingsView(p).status.waitFor({ timeout: 20_000 }) },
];

const hashOf = (name: string, hash: string) =>
  name === 'schedule'
    ? `#/schedule?with=${emailOf(PEOPLE.alex)}`
    : name === 'meeting'
      ? `#/meetings/${meetingId}`
      : hash;

describe('accessibility and themes on every page', () => {
  for (const theme of themes) {
    it(`has no serious or critical axe violations in the ${theme} theme (screenshots saved)`, {
      timeout: 180_000,
    }, async () => {
      await useTheme(page, theme);
      const found: string[] = [];
      for (const target of pages) {
        await page.goto(`${stack.appUrl}/${hashOf(target.name, target.hash)}`);
        await target.ready(page);
        await saveScreenshot(page, `${target.name}-${theme}`);
        found.push(...(await seriousViolations(page)).map((v) => `${target.name}: ${v}`));
      }
      expect(found).toEqual([]);
    });
  }

  it('has no serious or critical violations on the sign-in screen in any theme', { timeout: 60_000 }, async () => {
    const fresh = await browser.newContext(contextDefaults);
    const signIn = await fresh.newPage();
    await signIn.goto(`${stack.appUrl}/`);
    await signIn.getByRole('heading', { name: 'Welcome to Confer' }).waitFor();
    const found: string[] = [];
    for (const theme of themes) {
      await useTheme(signIn, theme);
      await saveScreenshot(signIn, `sign-in-${theme}`);
      found.push(...(await seriousViolations(signIn)).map((v) => `${theme}: ${v}`));
    }
    expect(found).toEqual([]);
    await fresh.close();
  });

  it('fits a 320 px wide Teams side panel without sideways scrolling', { timeout: 120_000 }, async () => {
    await useTheme(page, 'default');
    await page.setViewportSize({ width: 320, height: 800 });
    const overflowing: string[] = [];
    for (const target of pages) {
      await page.goto(`${stack.appUrl}/${hashOf(target.name, target.hash)}`);
      await target.ready(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`${target.name}: ${width}px`);
      await saveScreenshot(page, `${target.name}-320px`);
    }
    await page.setViewportSize(contextDefaults.viewport ?? { width: 1280, height: 900 });
    expect(overflowing).toEqual([]);
  });

  it("works by keyboard alone: from Home to a meeting's notes through the quick actions menu", {
    timeout: 60_000,
  }, async () => {
    await page.goto(`${stack.appUrl}/#/`);
    const home = new HomeView(page);
    await home.card(meetingTitle).waitFor({ timeout: 20_000 });
    const menuButton = home.card(meetingTitle).getByRole('button', { name: `Actions for ${meetingTitle}` });
    // Tab until the menu button has focus, as a keyboard user would.
    for (
      let presses = 0;
      presses < 40 && !(await menuButton.evaluate((el) => el === document.activeElement));
      presses++
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await menuButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Open notes and actions' }).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await new MeetingView(page).open(meetingTitle);
    await page.getByTestId('private-note').getByRole('textbox').focus();
    await page.keyboard.type('Typed without a mouse');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe('Save private note');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('private-note')
      .getByRole('status')
      .filter({ hasText: /^Saved / })
      .waitFor();
  });
});
