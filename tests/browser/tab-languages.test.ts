import { join } from 'node:path';
import { type Catalogues, type Language, type Messages, resolveLocale } from '@confer/contracts/i18n';
import { loadCatalogueDirectory } from '@confer/contracts/i18n/node';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, repoRoot, type Stack, startStack } from '../support/stack.ts';
import { DevTenantSignInPage } from './pages/devtenant-sign-in-page.ts';
import { seriousViolations } from './support/axe-scan.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';
import { createMeeting, emailOf, openInTeams, type TeamsTab, uniqueTitle } from './support/tab-session.ts';

const catalogues: Catalogues = loadCatalogueDirectory(join(repoRoot, 'tab', 'src', 'i18n', 'messages'));
const english = catalogues.en;

let stack: Stack;
let browser: Browser;
let meetingId: string;
let meetingStart: Date;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium(stack);
  const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], {
    title: uniqueTitle('Quarterly check-in Adele and Alex'),
  });
  meetingId = meeting.id;
  meetingStart = new Date(meeting.start);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

interface TabPage {
  readonly name: string;
  readonly hash: () => string;
  /** Messages of the page's own catalogue that must be on it, once it has its data. */
  readonly expected: readonly string[];
  ready(root: FrameLocator | Page): Promise<void>;
}

const pages: readonly TabPage[] = [
  {
    name: 'home',
    hash: () => '#/',
    expected: ['home.title', 'home.scheduleConversation', 'home.view.upcoming', 'shell.nav.settings'],
    ready: (root) => root.getByTestId('meeting-card').first().waitFor({ timeout: 20_000 }),
  },
  {
    name: 'schedule',
    hash: () => `#/schedule?with=${emailOf(PEOPLE.alex)}`,
    expected: ['schedule.title', 'schedule.suggestions.title', 'schedule.toolbar.today', 'schedule.legend.chosen'],
    ready: (root) => root.getByTestId('suggestion').first().waitFor({ timeout: 30_000 }),
  },
  {
    name: 'meeting',
    hash: () => `#/meetings/${meetingId}`,
    expected: ['meeting.details.title', 'meeting.notes.title', 'meeting.back', 'meeting.history.title'],
    ready: (root) => root.getByTestId('history').getByRole('listitem').first().waitFor({ timeout: 20_000 }),
  },
  {
    name: 'settings',
    hash: () => '#/settings',
    expected: ['settings.connection.title', 'settings.preferences.title', 'settings.nudges.title'],
    ready: (root) => root.getByTestId('connection-status').waitFor({ timeout: 20_000 }),
  },
];

/** Everything a person can read or hear on the page: its text, and its accessible names, titles and placeholders. */
async function pageWords(frame: Frame | Page): Promise<string> {
  return frame.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((element) =>
      ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [document.body.innerText, ...attributes].join('\n');
  });
}

/**
 * English messages that must not show on a translated page: those without placeholders whose translation differs,
 * of two words or more (a single word such as "Teams" or "Free" could be someone's meeting title).
 */
function englishOnly(messages: Messages): string[] {
  return Object.entries(english)
    .filter(([key, text]) => !text.includes('{') && text.trim().includes(' ') && messages[key] !== text)
    .map(([, text]) => text);
}

/**
 * The meeting day's short weekday and month names in the locale, as the day can fall in any zone (the tab shows it
 * in the person's mailbox zone). Some locales write the month as a number ("12/4(金)"): the weekday still names it.
 */
function dateWords(locale: string, instant: Date): Set<string> {
  const formats = [{ month: 'short' }, { weekday: 'short' }].map(
    (options) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' } as Intl.DateTimeFormatOptions),
  );
  const hour = 3_600_000;
  return new Set(
    [-12, 0, 14].flatMap((offset) =>
      formats.map((format) => format.format(new Date(instant.getTime() + offset * hour))),
    ),
  );
}

async function tabFrame(tab: TeamsTab): Promise<Frame> {
  const frame = tab.page.frames().find((f) => f.url().includes('/index.html'));
  if (!frame) throw new Error('the tab frame is not open');
  return frame;
}

/** Checks one page in one language; returns what is wrong, so one run reports every page. */
async function checkPage(frame: Frame, root: FrameLocator, target: TabPage, tag: string): Promise<string[]> {
  const locale = resolveLocale(tag);
  const messages = catalogues[locale.language as Language];
  const problems: string[] = [];
  const where = `${locale.language} ${target.name}`;
  const html = await frame.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  if (html.lang.toLowerCase() !== tag.toLowerCase()) problems.push(`${where}: <html lang="${html.lang}">`);
  if (html.dir !== locale.direction) problems.push(`${where}: <html dir="${html.dir}">`);
  const words = await pageWords(frame);
  for (const key of target.expected) {
    const text = messages[key] ?? '';
    if (!words.includes(text)) problems.push(`${where}: "${text}" (${key}) is not on the page`);
  }
  for (const text of englishOnly(messages)) {
    if (words.includes(text)) problems.push(`${where}: English "${text}" is on the page`);
  }
  if (target.name === 'meeting') {
    const when = (await root.getByTestId('meeting-when').textContent()) ?? '';
    const local = [...dateWords(tag, meetingStart)];
    if (!local.some((word) => when.includes(word))) problems.push(`${where}: "${when}" has none of ${local}`);
    const englishWords = [...dateWords('en-GB', meetingStart)].filter((w) => !local.some((l) => l.includes(w)));
    if (englishWords.some((word) => when.includes(word))) problems.push(`${where}: "${when}" is in English`);
  }
  problems.push(...(await seriousViolations(frame)).map((v) => `${where}: ${v}`));
  return problems;
}

describe('the tab in each shipped language, in the Teams host (Teams app.locale)', () => {
  const languages = [
    { tag: 'de-DE', host: 'de-de' },
    { tag: 'fr-FR', host: 'fr-fr' },
    { tag: 'es-ES', host: 'es-es' },
    { tag: 'ja-JP', host: 'ja-jp' },
    { tag: 'ar-SA', host: 'ar-sa' },
  ];
  for (const { tag, host } of languages) {
    it(`shows Home, Schedule, a meeting and Settings in ${tag}: its words, dates, <html lang dir>, no serious axe violations`, {
      timeout: 150_000,
    }, async () => {
      // The browser says British English: the Teams locale is the one the tab follows.
      const tab = await openInTeams(browser, stack, PEOPLE.adele, { locale: host });
      const frame = await tabFrame(tab);
      const problems: string[] = [];
      for (const target of pages) {
        await tab.go(target.hash());
        await target.ready(tab.root);
        await saveScreenshot(tab.page, `language-${tag}-${target.name}`);
        problems.push(...(await checkPage(frame, tab.root, target, tag)));
      }
      expect(problems).toEqual([]);
      await tab.context.close();
    });
  }

  it('mirrors the layout right to left in Arabic: navigation from the right, the time axis on the right', {
    timeout: 90_000,
  }, async () => {
    const tab = await openInTeams(browser, stack, PEOPLE.adele, { locale: 'ar-sa' });
    const frame = await tabFrame(tab);
    const width = await frame.evaluate(() => document.documentElement.clientWidth);
    const home = await tab.root.getByRole('navigation', { name: 'Confer' }).getByRole('link').first().boundingBox();
    expect(home?.x ?? 0).toBeGreaterThan(width / 2);
    await tab.go(pages[1]?.hash() ?? '');
    await pages[1]?.ready(tab.root);
    const axis = await tab.root.getByRole('rowheader').first().boundingBox();
    const firstDay = await tab.root.getByRole('gridcell').first().boundingBox();
    if (!axis || !firstDay) throw new Error('the week grid has no time axis or no slots');
    // The first day's first slot ends where the time axis begins: the axis is right of the days.
    expect(axis.x).toBeGreaterThanOrEqual(firstDay.x + firstDay.width - 1);
    await tab.context.close();
  });
});

describe('the tab in a browser follows the browser language', () => {
  it('signs in and shows Home in German, the sign-in screen first', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ ...contextDefaults, locale: 'de-DE' });
    const page = await context.newPage();
    const german = catalogues.de;
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole('heading', { name: german['shell.welcome'] }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de-DE');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: german['shell.signIn'], exact: true }).click();
    await new DevTenantSignInPage(page).signInAs(PEOPLE.adele.name, new URL(stack.appUrl).origin);
    await page.getByRole('heading', { level: 1, name: german['home.title'] }).waitFor({ timeout: 20_000 });
    const home = pages[0];
    if (!home) throw new Error('no home page');
    await home.ready(page);
    const words = await pageWords(page);
    expect(englishOnly(german).filter((text) => words.includes(text))).toEqual([]);
    await context.close();
  });
});
