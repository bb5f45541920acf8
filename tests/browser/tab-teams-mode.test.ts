import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { HomeView } from './pages/home-view.ts';
import { SettingsView } from './pages/settings-view.ts';
import { TeamsHostPage } from './pages/teams-host-page.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';
import { apiWeekFor, graphSubjects, sameDayTimedCards, uniqueSorted } from './support/expected-week.ts';
import { openInTeams } from './support/tab-session.ts';

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

describe('the tab inside the Teams-host emulation (teams-js SSO)', () => {
  it('shows Alex his own week through getAuthToken, without any popup', { timeout: 120_000 }, async () => {
    // The browser says en-US; the en-GB times below can only come from the Teams context's locale.
    const context = await browser.newContext({ ...contextDefaults, locale: 'en-US' });
    const page = await context.newPage();
    // Any page opened from here on would be a sign-in or consent popup; the SSO path must need none.
    const popups: string[] = [];
    context.on('page', (opened) => popups.push(opened.url()));
    const host = new TeamsHostPage(page);
    await host.open(stack.appUrl, { locale: 'en-gb' });
    await host.choosePerson(PEOPLE.alex.name);

    expect(await host.tab.waitForWeek()).toBe(PEOPLE.alex.name);
    const week = await apiWeekFor(stack, PEOPLE.alex.id);
    expect(week.events.length).toBeGreaterThan(0);
    expect(uniqueSorted(week.events.map((e) => e.subject))).toEqual(
      uniqueSorted(await graphSubjects(stack, PEOPLE.alex.id, week.window)),
    );
    expect(uniqueSorted(await host.tab.subjects())).toEqual(uniqueSorted(week.events.map((e) => e.subject)));
    for (const card of sameDayTimedCards(week).slice(0, 4)) {
      const shown = host.tab
        .eventsOn(card.dateKey)
        .filter({ hasText: card.subject })
        .filter({ hasText: card.startText });
      await shown.first().waitFor();
      expect(await shown.first().textContent()).toContain(card.endText);
    }

    // The host saw the SSO path and the loaded notification; nothing was opened.
    await host.appStatus.filter({ hasText: 'Loaded (notifySuccess)' }).waitFor();
    expect(await host.calls('initialize').count()).toBe(1);
    expect(await host.calls('getContext').count()).toBeGreaterThanOrEqual(1);
    // Every API call of the page (the week, the zone, the profile) used one token from one SSO round trip.
    expect(await host.calls('authentication.getAuthToken').count()).toBe(1);
    expect(await host.calls('appInitialization.success').count()).toBe(1);
    expect(await host.popupCount.textContent()).toBe('0');
    expect(popups).toEqual([]);
    await saveScreenshot(page, 'tab-teams-alex-default');
    await context.close();
  });

  it('asks the host for a token once for Home, Settings, Schedule and Home again', { timeout: 120_000 }, async () => {
    const tab = await openInTeams(browser, stack, PEOPLE.isaiah);
    const sso = tab.host.calls('authentication.getAuthToken');
    const home = new HomeView(tab.root);
    await home.waitForList();
    expect(await sso.count()).toBe(1);

    await tab.go('#/settings');
    const settings = new SettingsView(tab.root);
    await settings.status.waitFor();
    await settings.timeZone.waitFor();
    expect(await sso.count()).toBe(1);

    await tab.go('#/schedule');
    await tab.root.getByRole('heading', { level: 1, name: 'Schedule a meeting' }).waitFor();
    await tab.root.getByRole('grid').first().waitFor();
    expect(await sso.count()).toBe(1);

    await tab.go('#/');
    await home.waitForList();
    expect(await sso.count()).toBe(1);
    expect(await tab.host.calls('initialize').count()).toBe(1);
    await tab.context.close();
  });

  it('switches to another person by reloading the tab with their context', { timeout: 120_000 }, async () => {
    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    const host = new TeamsHostPage(page);
    await host.open(stack.appUrl);
    await host.choosePerson(PEOPLE.alex.name);
    expect(await host.tab.waitForWeek()).toBe(PEOPLE.alex.name);
    await host.choosePerson(PEOPLE.adele.name);
    await host.tab.signedInName.filter({ hasText: PEOPLE.adele.name }).waitFor({ timeout: 20_000 });
    await host.appStatus.filter({ hasText: 'Loaded (notifySuccess)' }).waitFor();
    await context.close();
  });
});
