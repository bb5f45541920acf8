import type { AdminSettingsDto } from '@confer/contracts';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { AdminView } from './pages/admin-view.ts';
import { openTab, settleSettings } from './support/admin-session.ts';
import { seriousViolations } from './support/axe-scan.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { openInTeams } from './support/tab-session.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  for (const person of [PEOPLE.adele, PEOPLE.alex]) {
    expect((await apiAs(stack, person.id).post('/api/me/connection')).status).toBe(200);
  }
  // Something on every page: an access test run, settings saved (audited).
  expect((await apiAs(stack, PEOPLE.megan.id).post('/api/admin/access-tests', { sampleSize: 2 })).status).toBe(201);
  browser = await launchChromium(stack);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Each admin page, with what shows it has loaded. */
const pages = [
  { hash: '#/admin', ready: '[data-testid="consent-outcome"]' },
  { hash: '#/admin/access', ready: '[data-testid="access-test-row"]' },
  { hash: '#/admin/health', ready: '[data-testid="health-row"]' },
  { hash: '#/admin/incidents', ready: '[data-testid="incidents-resolved"]' },
  { hash: '#/admin/audit', ready: '[data-testid="audit-row"]' },
];

/**
 * Waits for CSS transitions to end (colours fading to the theme's, a dialog fading in). Endless animations (skeleton
 * shimmer) are not waited for, and a transition cancelled by a newer one counts as ended.
 */
async function settled(frame: Frame): Promise<void> {
  await frame.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation instanceof CSSTransition)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

function tabFrame(page: import('playwright-core').Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/index.html'));
  if (!frame) throw new Error('the tab frame is not open');
  return frame;
}

describe('the admin center in the three Teams themes', () => {
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`keeps every admin page readable in the ${theme} theme (axe: no serious or critical violations)`, {
      timeout: 150_000,
    }, async () => {
      await settleSettings(stack, { integrationOwners: [PEOPLE.adele.id] });
      const tab = await openInTeams(browser, stack, PEOPLE.megan, { theme });
      const found: string[] = [];
      for (const target of pages) {
        await tab.go(target.hash);
        await tab.root.locator(target.ready).first().waitFor({ timeout: 30_000 });
        const frame = tabFrame(tab.page);
        const canvas = await frame.evaluate(
          () => getComputedStyle(document.querySelector('[data-testid="tab-canvas"]') as Element).backgroundColor,
        );
        if (theme !== 'default') expect(canvas).toBe(theme === 'contrast' ? 'rgb(0, 0, 0)' : 'rgb(31, 31, 31)');
        // Colours fade to the theme's (Fluent's transitions): axe reads them once they have settled.
        await settled(frame);
        found.push(...(await seriousViolations(frame)).map((v) => `${target.hash}: ${v}`));
        await saveScreenshot(tab.page, `admin-teams-${theme}-${target.hash.replace(/\W+/g, '-')}`);
      }
      // The save confirmation is a dialog over the page: it must be readable too.
      await tab.go('#/admin');
      const admin = new AdminView(tab.root);
      await admin.disconnectSwitch.click();
      await admin.button('Save settings').click();
      await admin.confirmDialog.waitFor();
      // axe reads colours as they are: wait for the dialog's fade-in to finish, not for a fixed time.
      await settled(tabFrame(tab.page));
      found.push(...(await seriousViolations(tabFrame(tab.page))).map((v) => `save dialog: ${v}`));
      await admin.confirmDialog.getByRole('button', { name: 'Cancel' }).click();
      expect(found).toEqual([]);
      await tab.context.close();
    });
  }
});

describe('the Integration page by keyboard alone', () => {
  it('switches the integration off and the mode to tenant-wide, saves and confirms, without a mouse', {
    timeout: 120_000,
  }, async () => {
    await settleSettings(stack);
    const tab = await openInTeams(browser, stack, PEOPLE.megan);
    const admin = new AdminView(tab.root);
    await tab.go('#/admin');
    await admin.integrationSwitch.waitFor();
    await admin.section('Integration').focus();
    const keyboard = tab.page.keyboard;
    const focused = () =>
      tabFrame(tab.page).evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        const kind = element?.tagName === 'INPUT' ? element.type : element?.tagName.toLowerCase();
        const labelled = element?.getAttribute('aria-label');
        const label = element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
        return `${element?.getAttribute('role') ?? kind}: ${labelled ?? label ?? element?.textContent ?? ''}`;
      });

    await keyboard.press('Tab');
    expect(await focused()).toBe('switch: Allow people to connect their Outlook calendar');
    await keyboard.press('Space');
    await keyboard.press('Tab');
    expect(await focused()).toMatch(/^radio: Each person connects their own calendar/);
    await keyboard.press('ArrowDown');
    expect(await focused()).toMatch(/^radio: Confer uses everyone’s calendar/);
    await keyboard.press('Tab');
    expect(await focused()).toBe('switch: Let people disconnect their own calendar');
    await keyboard.press('Tab');
    expect(await focused()).toMatch(/Add an integration owner/);
    await keyboard.press('Tab');
    expect(await focused()).toMatch(/Save settings/);
    await keyboard.press('Enter');
    await admin.confirmDialog.waitFor();
    expect(await admin.confirmDialog.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/Confer stops using Outlook calendars.*safe/),
      expect.stringMatching(/tenant-wide.*safe/),
    ]);
    // Focus moved into the dialog, on its first button (Save).
    expect(await focused()).toMatch(/^button: Save$/);
    await keyboard.press('Enter');
    await tab.root.getByText('The settings are saved.').waitFor();
    const stored = await apiAs(stack, PEOPLE.megan.id).get<AdminSettingsDto>('/api/admin/settings');
    expect(stored.body).toMatchObject({ integrationEnabled: false, connectionMode: 'tenant' });
    await tab.context.close();
    await settleSettings(stack);
  });
});

describe('the admin center in a 320 px wide side panel', () => {
  it('keeps every admin page from scrolling sideways (wide tables scroll inside their card, by keyboard too)', {
    timeout: 120_000,
  }, async () => {
    const tab = await openTab(browser, stack, 'browser', PEOPLE.megan);
    await tab.page.setViewportSize({ width: 320, height: 800 });
    const overflowing: string[] = [];
    for (const target of pages) {
      await tab.go(target.hash);
      await tab.page.locator(target.ready).first().waitFor({ timeout: 30_000 });
      const width = await tab.page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) overflowing.push(`${target.hash}: ${width}px`);
      // Wide tables scroll inside their region, which a keyboard must reach to scroll (axe checks it).
      overflowing.push(...(await seriousViolations(tab.page)).map((v) => `${target.hash}: ${v}`));
      await saveScreenshot(tab.page, `admin-320px-${target.hash.replace(/\W+/g, '-')}`);
    }
    expect(overflowing).toEqual([]);
    await tab.context.close();
  });
});
