import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { chromiumExecutable, HEADLESS_CHROMIUM_FLAGS } from '../../../scripts/lib/chromium-path.ts';
import { repoRoot } from '../../support/stack.ts';

export const screenshotDir = join(repoRoot, 'tests', 'artifacts', 'screenshots');

/** What the browser needs from the running stack: devtenant's certificate, and the clock the app and devtenant share. */
export interface BrowserStack {
  devtenant: { spkiHash: string; clock: { now(): Date } };
}

/**
 * Chromium (or Chrome or Edge, see scripts/lib/chromium-path.ts), headless, trusting exactly one self-signed
 * certificate: devtenant's, by the hash of its public key. TLS verification stays on for everything else (never
 * `ignoreHTTPSErrors`). Every context it opens reads the stack's clock: the page's `Date` starts at the stack's
 * now and runs on from there, so "today", "upcoming" and "past" mean the same to the tab as to the API when a
 * test (or CONFER_TEST_NOW) moves the stack to another day.
 */
export async function launchChromium(
  stack: BrowserStack,
  options: {
    /** Leave the page on the machine's clock: Playwright's clock also fakes `performance`, which timings read. */
    machineClock?: boolean;
  } = {},
): Promise<Browser> {
  // The app serves the built tab; without it every page is a 404 and the tests would fail obscurely.
  if (!existsSync(join(repoRoot, 'tab', 'dist', 'index.html'))) {
    throw new Error('tab/dist is missing: run `npm run build -w tab` (npm test does it first).');
  }
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [...HEADLESS_CHROMIUM_FLAGS, `--ignore-certificate-errors-spki-list=${stack.devtenant.spkiHash}`],
  });
  if (options.machineClock) return browser;
  // Every context, however a test opens it (browser.newPage opens one too), gets the clock before its first page.
  const openContext = browser.newContext.bind(browser);
  browser.newContext = async (contextOptions) => {
    const context = await openContext(contextOptions);
    await context.clock.install({ time: stack.devtenant.clock.now() });
    return context;
  };
  return browser;
}

/** Default context for the tab tests: a browser zone far from every seeded mailbox zone, so "in her zone" is tested. */
export const contextDefaults: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: 'en-GB',
  timezoneId: 'Pacific/Kiritimati',
};

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
