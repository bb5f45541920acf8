import type { Page } from 'playwright-core';
import type { Stack } from '../../support/stack.ts';
import { DevTenantSignInPage } from '../pages/devtenant-sign-in-page.ts';
import { TabView } from '../pages/tab-view.ts';

/** Opens the tab in a plain browser and signs in on devtenant's page; returns the loaded tab. */
export async function signInInBrowser(page: Page, stack: Stack, displayName: string): Promise<TabView> {
  await page.goto(`${stack.appUrl}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await new DevTenantSignInPage(page).signInAs(displayName, new URL(stack.appUrl).origin);
  const tab = new TabView(page);
  await tab.waitForWeek();
  return tab;
}
