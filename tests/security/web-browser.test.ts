import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamsHostPage } from '../browser/pages/teams-host-page.ts';
import { signInInBrowser } from '../browser/support/browser-sign-in.ts';
import { contextDefaults, launchChromium } from '../browser/support/chromium.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';

/**
 * The built tab under its Content-Security-Policy, in Chromium: it must run in a plain browser and inside the
 * Teams-host emulation without a single violation, and keep browser-mode tokens out of localStorage.
 */
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

/** Every CSP violation Chromium reports in any frame of the page (it logs each one to the console). */
function collectViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The keys of both web storages of the tab's origin, and whether MSAL holds an account in each. */
async function storageOf(page: Page) {
  return page.evaluate(() => {
    const keys = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
    return { local: keys(window.localStorage), session: keys(window.sessionStorage) };
  });
}

describe('the tab under its Content-Security-Policy', () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it('signs in with MSAL in a plain browser with no violation, keeping tokens in this tab’s sessionStorage', {
    timeout: 120_000,
  }, async () => {
    context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    const violations = collectViolations(page);
    const tab = await signInInBrowser(page, stack, PEOPLE.megan.name);
    expect(await tab.signedInName.textContent()).toBe(PEOPLE.megan.name);
    // The week loaded, so the API calls (fetch to self) and MSAL's token redemption (fetch to devtenant) ran.
    const storage = await storageOf(page);
    const msalKeys = (keys: string[]) => keys.filter((key) => /msal|token|account/i.test(key));
    expect(msalKeys(storage.session).length).toBeGreaterThan(0);
    expect(msalKeys(storage.local)).toEqual([]);
    // A reload of the same tab stays signed in (sessionStorage lives as long as the tab) …
    await page.reload();
    await tab.waitForWeek();
    // … while another tab of the same browser finds nothing to use and asks to sign in.
    const other = await context.newPage();
    await other.goto(`${stack.appUrl}/`);
    await other.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 20_000 });
    expect(violations).toEqual([]);
  });

  it('runs inside the Teams-host emulation (framed by its own origin, teams-js SSO) with no violation', {
    timeout: 120_000,
  }, async () => {
    const teams = await browser.newContext(contextDefaults);
    try {
      const page = await teams.newPage();
      const violations = collectViolations(page);
      const host = new TeamsHostPage(page);
      await host.open(stack.appUrl);
      await host.choosePerson(PEOPLE.alex.name);
      expect(await host.tab.waitForWeek()).toBe(PEOPLE.alex.name);
      await host.appStatus.filter({ hasText: 'Loaded (notifySuccess)' }).waitFor();
      expect(violations).toEqual([]);
    } finally {
      await teams.close();
    }
  });

  it('cannot be framed by a page of another origin', { timeout: 60_000 }, async () => {
    const framing = await browser.newContext(contextDefaults);
    try {
      const page = await framing.newPage();
      // devtenant's origin stands in for any other site: it is not among the tab's frame ancestors.
      await page.route(`${stack.devtenant.url}/framing-test`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><iframe title="framed" src="${stack.appUrl}/"></iframe>`,
        }),
      );
      await page.goto(`${stack.devtenant.url}/framing-test`);
      const framedUrl = () =>
        page
          .frames()
          .find((frame) => frame !== page.mainFrame())
          ?.url() ?? 'about:blank';
      await expect.poll(framedUrl, { timeout: 20_000 }).not.toBe('about:blank');
      // Chromium replaces a frame its ancestors may not hold with its own error page: the tab never loads.
      expect(framedUrl()).toMatch(/^chrome-error:/);
    } finally {
      await framing.close();
    }
  });
});
