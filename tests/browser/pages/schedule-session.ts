import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { Stack } from '../../support/stack.ts';
import { contextDefaults } from '../support/chromium.ts';
import { openInTeams, type Person } from '../support/tab-session.ts';
import { DevTenantSignInPage } from './devtenant-sign-in-page.ts';
import { SchedulePage } from './schedule-page.ts';

export type HostMode = 'teams' | 'browser';

export interface OpenSchedule {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly root: Page | FrameLocator;
  readonly schedule: SchedulePage;
}

/**
 * The Schedule page as `person`, with these people already invited: in the Teams-host emulation through the
 * deep link Teams would use (`subEntityId` `schedule:<email>`), or in a plain browser after signing in on
 * devtenant's page and following the tab's own `#/schedule?with=` link.
 */
export async function openSchedule(
  browser: Browser,
  stack: Stack,
  mode: HostMode,
  person: Person,
  withEmail: string | null,
  options: { theme?: 'default' | 'dark' | 'contrast'; viewport?: { width: number; height: number } } = {},
): Promise<OpenSchedule> {
  const context = await browser.newContext({
    ...contextDefaults,
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  if (mode === 'teams') {
    const tab = await openInTeams(browser, stack, person, {
      context,
      subEntityId: `schedule:${withEmail ?? ''}`,
      ...(options.theme ? { theme: options.theme } : {}),
    });
    return { context, page: tab.page, root: tab.root, schedule: new SchedulePage(tab.root) };
  }
  const page = await context.newPage();
  await page.goto(`${stack.appUrl}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await new DevTenantSignInPage(page).signInAs(person.name, new URL(stack.appUrl).origin);
  await page.getByRole('navigation', { name: 'Confer' }).waitFor({ timeout: 20_000 });
  await page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    withEmail ? `#/schedule?with=${encodeURIComponent(withEmail)}` : '#/schedule',
  );
  return { context, page, root: page, schedule: new SchedulePage(page) };
}
