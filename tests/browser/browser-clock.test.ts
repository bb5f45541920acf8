import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { type Stack, startStack } from '../support/stack.ts';
import { launchChromium } from './support/chromium.ts';

// A Sunday evening in a year unlike the one the tests are written in, so a page on the machine's own clock shows.
const STACK_NOW = new Date('2027-03-28T19:30:00.000Z');
const SLACK_MS = 15_000;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ tabDir: null, clock: createControllableClock(STACK_NOW) });
  browser = await launchChromium(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe("the browser's clock", () => {
  it("is the stack's clock in every context and page, and keeps running", async () => {
    for (const open of [() => browser.newContext().then((c) => c.newPage()), () => browser.newPage()]) {
      const page = await open();
      await page.goto(`${stack.appUrl}/api/health`);
      const first = await page.evaluate(() => Date.now());
      expect(Math.abs(first - stack.devtenant.clock.now().getTime())).toBeLessThan(SLACK_MS);
      await page.waitForTimeout(300);
      const later = Date.parse(await page.evaluate(() => new Date().toISOString()));
      expect(later).toBeGreaterThan(first);
      expect(later - first).toBeLessThan(SLACK_MS);
      await page.context().close();
    }
  });
});
