/**
 * The personal tab: how much JavaScript it needs before it can start, and how long until the picker shows a
 * grid with suggestions in headless Chromium against the local app and devtenant.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { signInInBrowser } from '../tests/browser/support/browser-sign-in.ts';
import { contextDefaults, launchChromium } from '../tests/browser/support/chromium.ts';
import { PEOPLE, repoRoot, startStack } from '../tests/support/stack.ts';
import type { BenchResult } from './lib/results.ts';
import { printChunks, reactAloneGzip, tabChunks } from './lib/tab-bundle.ts';

const RUNS = 10;

export async function benchTab(): Promise<BenchResult[]> {
  // A production build whatever NODE_ENV this process runs under (Vite keeps an inherited NODE_ENV=test).
  execFileSync('npm', ['run', 'build', '-w', 'tab'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const chunks = tabChunks(join(repoRoot, 'tab', 'dist'));
  printChunks(chunks);
  const initialGzip = chunks.filter((c) => c.initial).reduce((sum, c) => sum + c.gzip, 0);
  const reactGzip = await reactAloneGzip(repoRoot);
  const timing = await pickerTiming();
  return [
    {
      name: 'tab initial JavaScript (gzip)',
      unit: 'KB',
      value: initialGzip / 1024,
      target: 300,
      baseline: reactGzip / 1024,
      better: 'lower',
    },
    {
      name: 'tab: navigation → picker grid with suggestions (median of 10)',
      unit: 'ms',
      value: timing.picker,
      target: 1000,
      baseline: timing.blankPaint,
      better: 'lower',
    },
  ];
}

async function pickerTiming(): Promise<{ picker: number; blankPaint: number }> {
  const stack = await startStack();
  let browser: Browser | undefined;
  try {
    // Timings come from performance.now() and paint entries, so the page keeps the machine's own clock.
    browser = await launchChromium(stack, { machineClock: true });
    const context = await browser.newContext(contextDefaults);
    // Marks, in the page's own clock (ms since navigation start), the first frame with a grid and a suggestion.
    // A string, not a function: tsx compiles functions with helpers (`__name`) that do not exist in the page.
    await context.addInitScript(`{
      const check = () => {
        if (document.querySelector('[role="grid"]') && document.querySelector('[data-testid="suggestion"]')) {
          window.pickerReadyAt = performance.now();
        } else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }`);
    const page = await context.newPage();
    await signInInBrowser(page, stack, PEOPLE.adele.name);
    const url = `${stack.appUrl}/#/schedule?with=alexw@contoso.onmicrosoft.com`;
    await measure(page, url); // warm-up: HTTP cache and the API's first availability read
    const picker: number[] = [];
    for (let run = 0; run < RUNS; run++) picker.push(await measure(page, url));
    const blank: number[] = [];
    for (let run = 0; run < RUNS; run++) blank.push(await firstPaint(page));
    return { picker: median(picker), blankPaint: median(blank) };
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

async function measure(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(() => 'pickerReadyAt' in window, null, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as { pickerReadyAt: number }).pickerReadyAt);
}

async function firstPaint(page: Page): Promise<number> {
  await page.goto('data:text/html,<!doctype html><title>blank</title><p>.</p>');
  await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0);
  return page.evaluate(() => performance.getEntriesByType('paint')[0]?.startTime ?? 0);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
