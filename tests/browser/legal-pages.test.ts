// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{VAR}} is the Agents Toolkit's placeholder syntax in the manifest under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type Stack, startStack } from '../support/stack.ts';
import { seriousViolations } from './support/axe-scan.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';

/** The privacy statement and terms of use the Teams manifest names: served by the app, to anyone, readable. */
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium(stack);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const manifest = JSON.parse(readFileSync(join(repoRoot, 'appPackage', 'manifest.json'), 'utf8')) as {
  developer: { privacyUrl: string; termsOfUseUrl: string };
};
const legalPages = [
  { name: 'privacy', url: manifest.developer.privacyUrl, heading: 'Confer privacy statement' },
  { name: 'terms', url: manifest.developer.termsOfUseUrl, heading: 'Confer terms of use' },
];

describe('privacy and terms pages', () => {
  it('are the pages the manifest names, under the tab endpoint', () => {
    expect(legalPages.map((p) => p.url)).toEqual(['${{TAB_ENDPOINT}}/privacy.html', '${{TAB_ENDPOINT}}/terms.html']);
  });

  for (const legal of legalPages) {
    const path = legal.url.replace('${{TAB_ENDPOINT}}', '');
    it(`serves ${path} without signing in, as HTML`, async () => {
      const response = await fetch(`${stack.appUrl}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain(legal.heading);
    });

    it(`shows ${path} without serious accessibility violations, light and dark`, { timeout: 60_000 }, async () => {
      const context = await browser.newContext(contextDefaults);
      const page = await context.newPage();
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(`${stack.appUrl}${path}`);
        await page.getByRole('heading', { level: 1, name: legal.heading }).waitFor();
        await saveScreenshot(page, `${legal.name}-${colorScheme}`);
        found.push(...(await seriousViolations(page)).map((v) => `${colorScheme}: ${v}`));
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }
});
