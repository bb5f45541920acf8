import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { chromiumExecutable } from '../../../scripts/lib/chromium-path.ts';
import { repoRoot } from '../../support/stack.ts';

export const screenshotDir = join(repoRoot, 'tests', 'artifacts', 'screenshots');

/**
 * Chromium (or Chrome or Edge, see scripts/lib/chromium-path.ts), headless, trusting exactly one self-signed
 * certificate: devtenant's, by the hash of its public key. TLS verification stays on for everything else (never
 * `ignoreHTTPSErrors`).
 */
export function launchChromium(spkiHash: string): Promise<Browser> {
  // The app serves the built tab; without it every page is a 404 and the tests would fail obscurely.
  if (!existsSync(join(repoRoot, 'tab', 'dist', 'index.html'))) {
    throw new Error('tab/dist is missing: run `npm run build -w tab` (npm test does it first).');
  }
  return chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--ignore-certificate-errors-spki-list=${spkiHash}`,
    ],
  });
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
