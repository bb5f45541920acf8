import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ID, PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { DevTenantSignInPage } from './pages/devtenant-sign-in-page.ts';
import { TeamsHostPage } from './pages/teams-host-page.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium(stack.devtenant.spkiHash);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('consent in Teams (authentication.authenticate through the host)', () => {
  it('asks for permission, runs the consent popup and then shows the week', { timeout: 120_000 }, async () => {
    // Without the admin's tenant-wide consent, the API's On-Behalf-Of exchange fails and it answers consent_required.
    const revoked = await stack.devtenant.control('consent/admin', { clientId: CLIENT_ID, granted: false });
    expect(revoked.status).toBe(200);

    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    const host = new TeamsHostPage(page);
    await host.open(stack.appUrl);
    await host.choosePerson(PEOPLE.patti.name);
    const grant = host.tab.errorAlert.getByRole('button', { name: 'Grant permission' });
    await grant.waitFor({ timeout: 20_000 });
    // The app still reported itself loaded: the consent prompt is its first screen, not a failure.
    await host.appStatus.filter({ hasText: 'Loaded (notifySuccess)' }).waitFor();
    await saveScreenshot(page, 'tab-teams-consent-needed');

    const [popup] = await Promise.all([context.waitForEvent('page'), grant.click()]);
    const authority = new DevTenantSignInPage(popup);
    await authority.consentAs(PEOPLE.patti.name);
    await popup.waitForEvent('close', { timeout: 20_000 });

    expect(await host.tab.waitForWeek()).toBe(PEOPLE.patti.name);
    expect(await host.tab.events.count()).toBeGreaterThan(0);
    expect(await host.calls('authentication.authenticate').count()).toBe(2);
    await host.calls('authentication.authenticate').filter({ hasText: 'succeeded' }).waitFor();
    await context.close();
  });
});
