/**
 * Where the tab's main-thread JavaScript goes: `npx tsx bench/profile-tab.ts [picker|home] [runs]` builds the tab
 * with source maps into bench/results/tab-profile-dist, starts the stack serving that build, and records a V8 CPU
 * profile (Chrome DevTools protocol) of `runs` (default 5) navigations: `picker` — a signed-in browser opening the
 * Schedule picker with a person (the `tab` benchmark's navigation); `home` — a cold first visit to Home inside the
 * Teams-host emulation. Self time is mapped back through the source maps and printed grouped by package or tab
 * folder, then the top functions, averaged per run. The raw profile of the last run goes to
 * bench/results/tab-<scenario>.cpuprofile (open it in DevTools).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { signInInBrowser } from '../tests/browser/support/browser-sign-in.ts';
import { contextDefaults, launchChromium } from '../tests/browser/support/chromium.ts';
import { createMeeting } from '../tests/browser/support/tab-session.ts';
import { PEOPLE, repoRoot, startStack } from '../tests/support/stack.ts';
import { tabFrame } from './lib/teams-home-timing.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const scenario = process.argv[2] === 'home' ? 'home' : 'picker';
const RUNS = Number(process.argv[3] ?? 5);
const outDir = join(repoRoot, 'bench', 'results', 'tab-profile-dist');
const maps = new Map<string, TraceMap | null>();

execFileSync('npx', ['vite', 'build', '--mode', 'local-tenant', '--sourcemap', '--outDir', outDir], {
  cwd: join(repoRoot, 'tab'),
  stdio: 'ignore',
  env: { ...process.env, NODE_ENV: 'production' },
});

const stack = await startStack({ tabDir: outDir });
let browser: Browser | undefined;
try {
  browser = await launchChromium(stack, { machineClock: true });
  const profiles: Profile[] = [];
  if (scenario === 'picker') {
    const context = await browser.newContext(contextDefaults);
    await context.addInitScript(`{
      const check = () => {
        if (document.querySelector('[role="grid"]') && document.querySelector('[data-testid="suggestion"]')) {
          window.profileReady = true;
        } else requestAnimationFrame(check);
      };
      if (location.origin === ${JSON.stringify(stack.appUrl)}) requestAnimationFrame(check);
    }`);
    const page = await context.newPage();
    await signInInBrowser(page, stack, PEOPLE.adele.name);
    const url = `${stack.appUrl}/#/schedule?with=alexw@contoso.onmicrosoft.com`;
    for (let run = 0; run <= RUNS; run++) {
      await page.goto('about:blank');
      const session = await startProfiler(page);
      await page.goto(url);
      await page.waitForFunction(() => 'profileReady' in window, null, { timeout: 30_000 });
      const profile = await stopProfiler(session);
      if (run > 0) profiles.push(profile); // the first run warms the HTTP cache and the API
    }
    await context.close();
  } else {
    await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title: 'Quarterly check-in' });
    for (let run = 0; run <= RUNS; run++) {
      const context = await browser.newContext(contextDefaults);
      const page = await context.newPage();
      const session = await startProfiler(page);
      const url = new URL('/dev/teams-host.html', stack.appUrl);
      url.searchParams.set('user', PEOPLE.adele.id);
      url.searchParams.set('locale', 'en-gb');
      await page.goto(url.href);
      const tab = await tabFrame(page);
      await tab.locator('ul[aria-label="Upcoming meetings"] li').first().waitFor({ timeout: 30_000 });
      const profile = await stopProfiler(session);
      if (run > 0) profiles.push(profile);
      await context.close();
    }
  }
  writeFileSync(join(repoRoot, 'bench', 'results', `tab-${scenario}.cpuprofile`), JSON.stringify(profiles.at(-1)));
  report(profiles, stack.appUrl);
} finally {
  await browser?.close();
  await stack.stop();
}

async function startProfiler(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  return session;
}

async function stopProfiler(session: CDPSession): Promise<Profile> {
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
  await session.detach();
  return profile;
}

/** Self time per node id, from the samples and their time deltas. */
function selfTimes(profile: Profile): Map<number, number> {
  const times = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    times.set(id, (times.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return times;
}

function traceMapFor(url: string, appUrl: string): TraceMap | null {
  if (maps.has(url)) return maps.get(url) ?? null;
  let map: TraceMap | null = null;
  if (url.startsWith(appUrl)) {
    const file = join(outDir, new URL(url).pathname);
    if (existsSync(`${file}.map`)) map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  }
  maps.set(url, map);
  return map;
}

/** A source path's group: the npm package it belongs to, or the tab (or contracts) folder. */
function groupOf(source: string): string {
  const inModules = source.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const rest = source.slice(inModules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? source);
  }
  const match = /(tab\/src\/[^/]+\/[^/]+|contracts\/src\/[^/]+)/.exec(source);
  return match?.[1] ?? source;
}

function report(all: Profile[], appUrl: string): void {
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const profile of all) {
    const self = selfTimes(profile);
    for (const node of profile.nodes) {
      const ms = self.get(node.id) ?? 0;
      if (ms === 0) continue;
      const { url, functionName, lineNumber, columnNumber } = node.callFrame;
      let group: string;
      let label: string;
      if (!url) {
        group = `(${functionName || 'native'})`;
        label = group;
      } else {
        const map = traceMapFor(url, appUrl);
        const original =
          map && lineNumber >= 0 ? originalPositionFor(map, { line: lineNumber + 1, column: columnNumber }) : null;
        const source = original?.source ?? url;
        group = groupOf(source);
        label = `${original?.name ?? functionName ?? '(anonymous)'} ${source.replace(/^.*node_modules\//, '')}:${original?.line ?? lineNumber + 1}`;
      }
      if (group === '(idle)' || group === '(program)') continue;
      total += ms;
      groups.set(group, (groups.get(group) ?? 0) + ms);
      functions.set(label, (functions.get(label) ?? 0) + ms);
    }
  }
  const runs = all.length;
  const line = (name: string, ms: number) =>
    `${(ms / runs).toFixed(1).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}\n`;
  process.stdout.write(
    `\n${scenario}: ${(total / runs).toFixed(1)} ms of JavaScript self time per run (${runs} runs)\n`,
  );
  process.stdout.write('\nby package or folder\n');
  for (const [name, ms] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(line(name, ms));
  process.stdout.write('\ntop functions\n');
  for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 40))
    process.stdout.write(line(name, ms));
}
