import type { MeetingDto } from '@confer/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { HomeView } from './pages/home-view.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { createMeeting, emailOf, openInTeams, uniqueTitle } from './support/tab-session.ts';

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

describe('Home', () => {
  it('teaches the first step to someone with no meetings yet', { timeout: 60_000 }, async () => {
    const lynne = await openInTeams(browser, stack, PEOPLE.lynne);
    const home = new HomeView(lynne.root);
    await home.firstSteps.waitFor({ timeout: 20_000 });
    await saveScreenshot(lynne.page, 'home-first-steps');
    await home.tab('Past').click();
    await lynne.root.getByRole('heading', { name: 'No past meetings yet' }).waitFor();
    await home.tab('Upcoming').click();
    await lynne.root.getByRole('main').getByRole('link', { name: 'Schedule a conversation' }).last().click();
    await lynne.root
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /Schedule/ })
      .waitFor({ timeout: 20_000 });
    await lynne.context.close();
  });

  it("lists meetings with each person's response and type, and answers from the quick actions", {
    timeout: 90_000,
  }, async () => {
    const types = (
      await apiAs(stack, PEOPLE.adele.id).get<{ meetingTypes: { id: string; name: string }[] }>('/api/meeting-types')
    ).body.meetingTypes;
    const type = types[0];
    if (!type) throw new Error('no seeded meeting types');
    const title = uniqueTitle('Mentoring Adele and Megan');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.megan, PEOPLE.alex], { title, typeId: type.id });

    const megan = await openInTeams(browser, stack, PEOPLE.megan);
    const home = new HomeView(megan.root);
    await home.waitForList();
    const card = home.card(title);
    await card.waitFor();
    expect(await card.textContent()).toContain(type.name);
    expect(await card.textContent()).toContain(`From ${PEOPLE.adele.name}`);
    expect(await card.getByRole('link', { name: `Join ${title} in Teams` }).count()).toBe(1);
    await home.quickAction(title, 'Tentative');
    await home.responseOf(title, PEOPLE.megan.name).filter({ hasText: 'Tentative' }).waitFor({ timeout: 20_000 });
    const seen = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(seen.attendees.find((a) => a.email === emailOf(PEOPLE.megan))?.response).toBe('tentativelyAccepted');
    expect(seen.attendees.find((a) => a.email === emailOf(PEOPLE.alex))?.response).not.toBe('tentativelyAccepted');
    await saveScreenshot(megan.page, 'home-attendee-tentative');
    await megan.context.close();
  });
});
