import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import type { TabView } from './pages/tab-view.ts';
import { TeamsHostPage } from './pages/teams-host-page.ts';
import { signInInBrowser } from './support/browser-sign-in.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';

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

/** Relative luminance (WCAG) of a computed `rgb(...)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

async function waitForCanvas(tab: TabView, predicate: (rgb: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  let rgb = await tab.canvasBackground();
  while (!predicate(rgb) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    rgb = await tab.canvasBackground();
  }
  return rgb;
}

const isLight = (rgb: string) => luminance(rgb) > 0.8;
const isDark = (rgb: string) => luminance(rgb) < 0.05 && rgb !== 'rgb(0, 0, 0)';
const isBlack = (rgb: string) => rgb === 'rgb(0, 0, 0)';

describe('Teams themes', () => {
  it('follows the host theme at start and on live changes (default, dark, contrast)', {
    timeout: 120_000,
  }, async () => {
    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    const host = new TeamsHostPage(page);
    await host.open(stack.appUrl, { theme: 'dark' });
    await host.choosePerson(PEOPLE.alex.name);
    await host.tab.waitForWeek();
    // Started in dark: getContext carried the theme.
    expect(isDark(await waitForCanvas(host.tab, isDark))).toBe(true);
    await saveScreenshot(page, 'tab-teams-alex-dark');

    // Live changes: the host sends themeChange events without reloading the tab.
    await host.chooseTheme('High contrast');
    expect(await waitForCanvas(host.tab, isBlack)).toBe('rgb(0, 0, 0)');
    await saveScreenshot(page, 'tab-teams-alex-contrast');
    await host.chooseTheme('Default');
    expect(isLight(await waitForCanvas(host.tab, isLight))).toBe(true);
    expect(await host.calls('initialize').count()).toBe(1);
    await context.close();
  });

  it("follows the browser's colour scheme and forced colours outside Teams", { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ ...contextDefaults, colorScheme: 'light' });
    const page = await context.newPage();
    const tab = await signInInBrowser(page, stack, PEOPLE.megan.name);
    expect(isLight(await waitForCanvas(tab, isLight))).toBe(true);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(isDark(await waitForCanvas(tab, isDark))).toBe(true);
    await saveScreenshot(page, 'tab-browser-megan-dark');
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await waitForCanvas(tab, isBlack)).toBe('rgb(0, 0, 0)');
    await context.close();
  });
});
