import type { MeetingDto } from '@confer/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { HomeView } from './pages/home-view.ts';
import { MeetingView } from './pages/meeting-view.ts';
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

const alexEmail = () => emailOf(PEOPLE.alex);

describe('the meeting page', () => {
  it('lets the attendee accept in their own browser, and the organizer sees it after a refresh', {
    timeout: 120_000,
  }, async () => {
    const title = uniqueTitle('1:1 Adele and Alex');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    // Two separate browser contexts: two people, two sessions, nothing shared.
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${meeting.id}` });
    const alex = await openInTeams(browser, stack, PEOPLE.alex, { subEntityId: `meeting:${meeting.id}` });
    const organizerView = new MeetingView(adele.root);
    const attendeeView = new MeetingView(alex.root);
    await organizerView.open(title);
    await attendeeView.open(title);
    expect(await organizerView.attendee(alexEmail()).textContent()).toContain('No response yet');

    await attendeeView.button('Respond').click();
    await attendeeView.respondPanel.getByRole('radio', { name: 'Accept' }).check();
    await attendeeView.respondPanel.getByLabel('Comment for the organizer (optional)').fill('See you then');
    await attendeeView.button('Send response').click();
    await attendeeView.done.filter({ hasText: 'You accepted' }).waitFor();
    expect(await attendeeView.page.textContent()).toContain('Your answer:');

    await adele.go(`#/`);
    const home = new HomeView(adele.root);
    await home.waitForList();
    await home.responseOf(title, PEOPLE.alex.name).filter({ hasText: 'Accepted' }).waitFor({ timeout: 20_000 });
    await adele.go(`#/meetings/${meeting.id}`);
    await organizerView.attendee(alexEmail()).filter({ hasText: 'Accepted' }).waitFor({ timeout: 20_000 });
    await saveScreenshot(adele.page, 'meeting-organizer-sees-accepted');
    await adele.context.close();
    await alex.context.close();
  });

  it('lets the attendee decline and propose another time, which the organizer sees', { timeout: 120_000 }, async () => {
    const title = uniqueTitle('Check-in Adele and Alex, proposal');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    const alex = await openInTeams(browser, stack, PEOPLE.alex, { subEntityId: `meeting:${meeting.id}` });
    const view = new MeetingView(alex.root);
    await view.open(title);
    await view.button('Respond').click();
    await view.respondPanel.getByRole('radio', { name: 'Decline' }).check();
    await view.respondPanel.getByRole('switch', { name: 'Propose a new time' }).check();
    await view.pickFirstSuggestion(view.respondPanel);
    await view.button('Send response').click();
    await view.done.filter({ hasText: 'You proposed' }).waitFor({ timeout: 20_000 });
    await saveScreenshot(alex.page, 'meeting-attendee-proposed');

    const seen = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    const answer = seen.attendees.find((a) => a.email === alexEmail());
    expect(answer?.response).toBe('declined');
    expect(answer?.proposedStart).not.toBeNull();
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${meeting.id}` });
    const organizerView = new MeetingView(adele.root);
    await organizerView.open(title);
    await organizerView.attendee(alexEmail()).filter({ hasText: 'Declined' }).filter({ hasText: 'Proposed' }).waitFor();
    await alex.context.close();
    await adele.context.close();
  });

  it('shows who clashes when the new time was taken meanwhile, and moves anyway on request', {
    timeout: 120_000,
  }, async () => {
    const title = uniqueTitle('1:1 Adele and Alex, clash');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${meeting.id}` });
    // Between picking a time and saving it, Megan books Alex at exactly that time.
    let booked = false;
    await adele.context.route(`**/api/meetings/${meeting.id}`, async (route) => {
      const body = route.request().postDataJSON() as { start?: string; end?: string } | null;
      if (route.request().method() === 'PATCH' && !booked && body?.start && body.end) {
        booked = true;
        const taken = await apiAs(stack, PEOPLE.megan.id).post('/api/meetings', {
          title: uniqueTitle('Megan and Alex'),
          attendees: [alexEmail()],
          start: body.start,
          end: body.end,
          timeZone: 'Europe/London',
          acceptConflicts: true,
        });
        expect(taken.status).toBe(201);
      }
      await route.continue();
    });
    const view = new MeetingView(adele.root);
    await view.open(title);
    await view.button('Reschedule').click();
    await view.pickFirstSuggestion(view.reschedulePanel);
    await view.button('Move meeting').click();
    const warning = view.reschedulePanel.getByTestId('clash-warning');
    await warning.waitFor({ timeout: 20_000 });
    // An invitation not yet answered shows as tentative on Alex's calendar, which counts as busy.
    expect(await warning.textContent()).toMatch(new RegExp(`${PEOPLE.alex.name} is (busy|tentatively booked) on`));
    await saveScreenshot(adele.page, 'meeting-reschedule-clash');
    const unchanged = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(unchanged.start).toBe(meeting.start);
    await view.button('Move anyway').click();
    await view.done.filter({ hasText: 'Moved to' }).waitFor({ timeout: 20_000 });
    const moved = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(moved.start).not.toBe(meeting.start);
    await adele.context.close();
  });

  it('reschedules to a suggested time and cancels with a message, both recorded in the history', {
    timeout: 120_000,
  }, async () => {
    const title = uniqueTitle('Mentoring Adele and Alex');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    const adele = await openInTeams(browser, stack, PEOPLE.adele);
    const home = new HomeView(adele.root);
    await home.waitForList();
    await home.quickAction(title, 'Reschedule');
    const view = new MeetingView(adele.root);
    await view.reschedulePanel.waitFor();
    const before = await view.when.textContent();
    await view.pickFirstSuggestion(view.reschedulePanel);
    await view.button('Move meeting').click();
    await view.done.filter({ hasText: 'Moved to' }).waitFor({ timeout: 20_000 });
    const moved = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(moved.start).not.toBe(meeting.start);
    expect(await view.when.textContent()).not.toBe(before);
    await view.history
      .filter({ hasText: /moved|rescheduled|changed/i })
      .first()
      .waitFor();

    await view.button('Cancel meeting').click();
    await view.cancelPanel.getByLabel('Message to everyone').fill('Sorry, something came up.');
    await view.cancelPanel.getByRole('button', { name: 'Cancel meeting' }).click();
    await view.done.filter({ hasText: 'cancelled' }).waitFor({ timeout: 20_000 });
    await adele.root.getByTestId('cancelled-badge').waitFor();
    const cancelled = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(cancelled.status).toBe('cancelled');
    expect(await view.button('Reschedule').count()).toBe(0);
    await adele.context.close();
  });

  it('keeps private notes private, shares shared notes, and tracks actions with owners and due dates', {
    timeout: 120_000,
  }, async () => {
    const title = uniqueTitle('Check-in Adele and Alex');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${meeting.id}` });
    const organizerView = new MeetingView(adele.root);
    await organizerView.open(title);
    await organizerView.writeNote('private', 'Alex seems stretched; ask about workload.');
    await organizerView.writeNote('shared', 'Agreed: Fabrikam launch plan by Friday.');
    await organizerView.addAction('Draft the launch plan', PEOPLE.alex.name, '2030-01-15');
    await organizerView.action('Draft the launch plan').filter({ hasText: 'Due' }).waitFor();

    const alex = await openInTeams(browser, stack, PEOPLE.alex, { subEntityId: `meeting:${meeting.id}` });
    const attendeeView = new MeetingView(alex.root);
    await attendeeView.open(title);
    await attendeeView.othersNotes.filter({ hasText: 'Fabrikam launch plan by Friday' }).waitFor();
    const page = (await attendeeView.page.textContent()) ?? '';
    expect(page).not.toContain('ask about workload');
    // The attendee ticks their action off; the organizer sees it done after a refresh.
    const action = attendeeView.action('Draft the launch plan');
    expect(await action.textContent()).toContain(PEOPLE.alex.name);
    await action.getByRole('checkbox').check();
    await attendeeView.action('Draft the launch plan').and(alex.root.locator('[data-done="true"]')).waitFor();
    await adele.page.reload();
    await organizerView.open(title);
    await organizerView.action('Draft the launch plan').and(adele.root.locator('[data-done="true"]')).waitFor();
    expect(await organizerView.note('private').getByRole('textbox').inputValue()).toContain('ask about workload');
    await saveScreenshot(adele.page, 'meeting-notes-and-actions');
    await adele.context.close();
    await alex.context.close();
  });
});
