/**
 * Home on a cold first visit inside the Teams-host emulation: a fresh browser context (empty HTTP cache) opens the
 * host page with a person chosen, and the tab inside it shows that person's upcoming meetings.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { contextDefaults } from '../../tests/browser/support/chromium.ts';
import type { Stack } from '../../tests/support/stack.ts';
import { profileOf, type ScriptProfile, startTrace } from './browser-trace.ts';

export interface ColdHomeRun extends ScriptProfile {
  /** From the host page's navigation start to the first frame with a meeting on Home. */
  readonly wallMs: number;
  /** The same end, from the tab frame's own navigation start (what Teams' own page load would not include). */
  readonly tabWallMs: number;
  /** `authentication.getAuthToken` requests the host answered until then. */
  readonly ssoCalls: number;
  /** Every teams-js request the host received until then. */
  readonly hostCalls: number;
}

export interface HostAloneRun extends ScriptProfile {
  /** From navigation start to the host page listing the demo people (no tab framed yet). */
  readonly wallMs: number;
}

/**
 * Marks, in every frame, the first animation frame that shows what the run waits for: in the tab, a meeting in the
 * Upcoming list; in the host page, the list of people to choose from. A string, not a function: tsx compiles
 * functions with helpers (`__name`) that do not exist in the page.
 */
const READY_SCRIPT = `{
  const inTab = window !== window.top;
  const mark = inTab ? 'home-ready' : 'host-ready';
  const shown = inTab
    ? () => document.querySelector('ul[aria-label="Upcoming meetings"] li')
    : () => document.querySelectorAll('select option').length > 1;
  const check = () => {
    if (shown()) {
      performance.mark(mark);
      window.benchReadyAt = performance.timeOrigin + performance.now();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}`;

export async function coldHomeRun(browser: Browser, stack: Stack, userId: string): Promise<ColdHomeRun> {
  const context = await browser.newContext(contextDefaults);
  try {
    await context.addInitScript(READY_SCRIPT);
    const page = await context.newPage();
    const tracer = await startTrace(context, page);
    await page.goto(hostUrl(stack, userId));
    const tab = await tabFrame(page);
    await tab.waitForFunction(() => 'benchReadyAt' in window, null, { timeout: 30_000 });
    const events = await tracer.stop();
    const readyAt = await tab.evaluate(() => (window as unknown as { benchReadyAt: number }).benchReadyAt);
    const tabOrigin = await tab.evaluate(() => performance.timeOrigin);
    const hostOrigin = await page.evaluate(() => performance.timeOrigin);
    return {
      ...profileOf(events, stack.appUrl, 'home-ready'),
      wallMs: readyAt - hostOrigin,
      tabWallMs: readyAt - tabOrigin,
      ssoCalls: await hostCallCount(page, 'authentication.getAuthToken'),
      hostCalls: await hostCallCount(page),
    };
  } finally {
    await context.close();
  }
}

/** The host page alone, with nobody chosen: the share of a cold Home's figures the emulation itself costs. */
export async function hostAloneRun(browser: Browser, stack: Stack): Promise<HostAloneRun> {
  const context = await browser.newContext(contextDefaults);
  try {
    await context.addInitScript(READY_SCRIPT);
    const page = await context.newPage();
    const tracer = await startTrace(context, page);
    await page.goto(hostUrl(stack, null));
    await page.waitForFunction(() => 'benchReadyAt' in window, null, { timeout: 30_000 });
    const events = await tracer.stop();
    const readyAt = await page.evaluate(() => (window as unknown as { benchReadyAt: number }).benchReadyAt);
    const origin = await page.evaluate(() => performance.timeOrigin);
    return { ...profileOf(events, stack.appUrl, 'host-ready'), wallMs: readyAt - origin };
  } finally {
    await context.close();
  }
}

/**
 * SSO round trips for each view of one visit: cold Home, then Settings, Schedule and Home again through the tab's
 * own links. Each view's count is taken once its API requests have settled.
 */
export async function ssoCallsPerView(browser: Browser, stack: Stack, userId: string): Promise<number[]> {
  const context = await browser.newContext(contextDefaults);
  try {
    const page = await context.newPage();
    const inFlight = new Set<string>();
    page.on('request', (r) => r.url().includes('/api/') && inFlight.add(r.url()));
    page.on('requestfinished', (r) => inFlight.delete(r.url()));
    page.on('requestfailed', (r) => inFlight.delete(r.url()));
    await page.goto(hostUrl(stack, userId));
    const tab = await tabFrame(page);
    const counts: number[] = [];
    let before = 0;
    for (const [hash, heading] of VIEWS) {
      if (hash) await tab.evaluate((target) => (window.location.hash = target), hash);
      await tab.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
      await settled(page, inFlight);
      const total = await hostCallCount(page, 'authentication.getAuthToken');
      counts.push(total - before);
      before = total;
    }
    return counts;
  } finally {
    await context.close();
  }
}

const VIEWS: readonly [hash: string | null, heading: RegExp][] = [
  [null, /Your meetings/],
  ['#/settings', /Settings/],
  ['#/schedule', /Schedule a meeting/],
  ['#/', /Your meetings/],
];

/** No API request in flight for 300 ms: the view has asked for everything it shows. */
async function settled(page: Page, inFlight: ReadonlySet<string>): Promise<void> {
  let quietSince = Date.now();
  while (Date.now() - quietSince < 300) {
    if (inFlight.size > 0) quietSince = Date.now();
    await page.waitForTimeout(25);
  }
}

function hostUrl(stack: Stack, userId: string | null): string {
  const url = new URL('/dev/teams-host.html', stack.appUrl);
  if (userId) url.searchParams.set('user', userId);
  url.searchParams.set('locale', 'en-gb');
  return url.href;
}

/** The tab's frame once it has navigated to the tab (a new iframe starts on about:blank). */
export async function tabFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/index.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the host page framed no tab within 30 s');
    await page.waitForTimeout(10);
  }
}

function hostCallCount(page: Page, func?: string): Promise<number> {
  const selector = func ? `li[data-from="content"][data-func="${func}"]` : 'li[data-from="content"]';
  return page.locator(`ol[aria-label="teams-js calls"] ${selector}`).count();
}
