import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { DevTenantSignInPage } from './pages/devtenant-sign-in-page.ts';
import { TabView } from './pages/tab-view.ts';
import { TeamsHostPage } from './pages/teams-host-page.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The admin's grant keeps its application roles but loses every delegated scope, so OBO needs user consent. */
async function withdrawDelegatedAdminConsent(): Promise<void> {
  const response = await stack.devtenant.control('consent/admin', {
    clientId: CLIENT_ID,
    granted: true,
    delegated: [],
  });
  expect(response.status).toBe(200);
}

describe('consent in Teams (authentication.authenticate through the host)', () => {
  it('asks for permission, runs the consent popup and then shows the week', { timeout: 120_000 }, async () => {
    // The API's On-Behalf-Of exchange then fails and it answers consent_required.
    await withdrawDelegatedAdminConsent();

    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    const host = new TeamsHostPage(page);
    await host.open(stack.appUrl);
    await host.choosePerson(PEOPLE.patti.name);
    const grant = host.tab.grantPermission;
    await grant.waitFor({ timeout: 20_000 });
    // The app still reported itself loaded: the consent prompt is its first screen, not a failure.
    await host.appStatus.filter({ hasText: 'Loaded (notifySuccess)' }).waitFor();
    await saveScreenshot(page, 'tab-teams-consent-needed');

    const [popup] = await Promise.all([context.waitForEvent('page'), grant.click()]);
    const authority = new DevTenantSignInPage(popup);
    await authority.consentAs(PEOPLE.patti.name);
    await popup.waitForEvent('close', { timeout: 20_000 });
    await saveScreenshot(page, 'tab-teams-consent-given');

    expect(await host.tab.waitForWeek()).toBe(PEOPLE.patti.name);
    expect(await host.tab.events.count()).toBeGreaterThan(0);
    expect(await host.calls('authentication.authenticate').count()).toBe(2);
    await host.calls('authentication.authenticate').filter({ hasText: 'succeeded' }).waitFor();
    await context.close();
  });
});

describe('consent in a plain browser (MSAL interactive request with prompt=consent)', () => {
  it('asks for permission, goes through the consent page and comes back to the week', {
    timeout: 120_000,
  }, async () => {
    await withdrawDelegatedAdminConsent();
    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    await page.goto(`${stack.appUrl}/`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const authority = new DevTenantSignInPage(page);
    await authority.signInAs(PEOPLE.lynne.name, new URL(stack.appUrl).origin);
    const tab = new TabView(page);
    const grant = tab.grantPermission;
    await grant.waitFor({ timeout: 20_000 });
    await grant.click();
    await authority.consentAs(PEOPLE.lynne.name);
    expect(await tab.waitForWeek()).toBe(PEOPLE.lynne.name);
    await saveScreenshot(page, 'tab-browser-consent-given');
    await context.close();
  });
});
