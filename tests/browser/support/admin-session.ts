import type { AdminSettingsInput } from '@confer/contracts';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { apiAs } from '../../support/api-client.ts';
import { PEOPLE, type Stack } from '../../support/stack.ts';
import { AdminView } from '../pages/admin-view.ts';
import { signInInBrowser } from './browser-sign-in.ts';
import { contextDefaults } from './chromium.ts';
import { openInTeams, type Person } from './tab-session.ts';

export type HostMode = 'teams' | 'browser';

export interface AdminSession {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly root: Page | FrameLocator;
  readonly admin: AdminView;
  /** Moves inside the tab, as its own links do (`#/admin/health`). */
  go(hash: string): Promise<void>;
  /** Reloads the tab (the whole host page in Teams mode) and waits for its navigation. */
  reload(): Promise<void>;
}

/** The tab as `person`, inside the Teams host emulation or signed in in a plain browser. */
export async function openTab(browser: Browser, stack: Stack, host: HostMode, person: Person): Promise<AdminSession> {
  if (host === 'teams') {
    const tab = await openInTeams(browser, stack, person);
    return {
      context: tab.context,
      page: tab.page,
      root: tab.root,
      admin: new AdminView(tab.root),
      go: tab.go,
      async reload() {
        const hash = await tabHash(tab.page);
        await tab.page.reload();
        await tab.root.getByRole('navigation', { name: 'Confer' }).waitFor({ timeout: 20_000 });
        await tab.go(hash);
      },
    };
  }
  const context = await browser.newContext(contextDefaults);
  const page = await context.newPage();
  await signInInBrowser(page, stack, person.name);
  const go = async (hash: string) => {
    await page.evaluate((target) => {
      window.location.hash = target;
    }, hash);
  };
  return {
    context,
    page,
    root: page,
    admin: new AdminView(page),
    go,
    async reload() {
      await page.reload();
      await page.getByRole('navigation', { name: 'Confer' }).waitFor({ timeout: 20_000 });
    },
  };
}

async function tabHash(page: Page): Promise<string> {
  const frame = page.frames().find((f) => f.url().includes('/index.html'));
  return frame ? await frame.evaluate(() => window.location.hash) : '#/';
}

/** The tenant's settings as Megan (the local tenant's admin) saves them through the API, for a test's starting point. */
export async function settleSettings(stack: Stack, changes: Partial<AdminSettingsInput> = {}): Promise<void> {
  const answer = await apiAs(stack, PEOPLE.megan.id).put('/api/admin/settings', {
    connectionMode: 'user',
    integrationEnabled: true,
    allowDisconnect: true,
    integrationOwners: [],
    ...changes,
  });
  if (answer.status !== 200) throw new Error(`saving the settings answered ${answer.status}`);
}
