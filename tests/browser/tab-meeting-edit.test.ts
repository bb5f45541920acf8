import type { MeetingDto, SuggestionsResponse } from '@confer/contracts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { HomeView } from './pages/home-view.ts';
import { MeetingEditPanel } from './pages/meeting-edit-panel.ts';
import { MeetingView } from './pages/meeting-view.ts';
import { seriousViolations } from './support/axe-scan.ts';
import { signInInBrowser } from './support/browser-sign-in.ts';
import { contextDefaults, launchChromium, saveScreenshot } from './support/chromium.ts';
import { createMeeting, emailOf, openInTeams, type Person, uniqueTitle } from './support/tab-session.ts';

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

interface OutlookEvent {
  subject: string;
  body: { content: string };
  attendees: { emailAddress: { address: string } }[];
  onlineMeeting?: { joinUrl?: string } | null;
}

/** The organizer's event as devtenant's Graph holds it (read as Confer's app, independently of the tab). */
async function outlookEvent(organizer: Person, subject: string): Promise<OutlookEvent> {
  const token = await stack.appGraphToken();
  const url = `${stack.devtenant.url}/v1.0/users/${organizer.id}/events?$top=200`;
  const response = await stack.trustedFetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const events = ((await response.json()) as { value: OutlookEvent[] }).value.filter((e) => e.subject === subject);
  expect(events).toHaveLength(1);
  return events[0] as OutlookEvent;
}

/** A meeting with `attendees` at a time Confer suggests for them and `free` too, so adding `free` clashes with nothing. */
async function meetingFreeFor(organizer: Person, attendees: Person[], free: Person, title: string) {
  const api = apiAs(stack, organizer.id);
  const suggestions = await api.post<SuggestionsResponse>('/api/suggestions', {
    attendees: [...attendees, free].map(emailOf),
    durationMinutes: 30,
    maxSuggestions: 1,
  });
  const slot = suggestions.body.suggestions[0];
  if (!slot) throw new Error(`no common free time: ${suggestions.status}`);
  const created = await api.post<MeetingDto>('/api/meetings', {
    title,
    agenda: 'Catch up',
    attendees: attendees.map(emailOf),
    start: slot.start,
    end: slot.end,
    timeZone: 'Europe/London',
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe('editing a meeting’s details on the meeting page', () => {
  it('saves a new title, a multi-line agenda and an added person to Outlook, keeping the Teams join link', {
    timeout: 120_000,
  }, async () => {
    const title = uniqueTitle('1:1 Adele and Alex, edit');
    const meeting = await meetingFreeFor(PEOPLE.adele, [PEOPLE.alex], PEOPLE.isaiah, title);
    expect(meeting.joinUrl).toMatch(/^https:\/\//);
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${meeting.id}` });
    const view = new MeetingView(adele.root);
    const edit = new MeetingEditPanel(adele.root);
    await view.open(title);
    await edit.open();
    expect(await edit.title.inputValue()).toBe(title);

    const newTitle = uniqueTitle('Quarterly review Adele, Alex and Isaiah');
    const agenda = 'Numbers for the quarter\n\nHiring plan\nAnything else';
    await edit.title.fill(newTitle);
    await edit.agenda.fill(agenda);
    await edit.addPerson('Isaiah', PEOPLE.isaiah.name);
    await edit.button('Save changes').click();
    await view.done.filter({ hasText: 'Details saved' }).filter({ hasText: PEOPLE.isaiah.name }).waitFor({
      timeout: 20_000,
    });
    await view.open(newTitle);
    // The agenda keeps its line breaks on the page (white-space: pre-wrap), blank line included.
    expect(await adele.root.getByTestId('agenda').innerText()).toBe(agenda);
    await view.attendee(emailOf(PEOPLE.isaiah)).waitFor();
    await view.history
      .filter({ hasText: /updated/i })
      .first()
      .waitFor({ timeout: 20_000 });
    await saveScreenshot(adele.page, 'meeting-details-edited');

    const event = await outlookEvent(PEOPLE.adele, newTitle);
    const invited = event.attendees.map((a) => a.emailAddress.address.toLowerCase());
    expect(invited).toEqual(expect.arrayContaining([emailOf(PEOPLE.alex), emailOf(PEOPLE.isaiah)]));
    // Outlook's HTML body keeps the agenda's lines as <br> (and the blank one).
    expect(event.body.content).toContain('Numbers for the quarter<br><br>Hiring plan<br>Anything else');
    expect(event.onlineMeeting?.joinUrl).toBe(meeting.joinUrl);
    const saved = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(saved).toMatchObject({ title: newTitle, agenda, joinUrl: meeting.joinUrl, version: meeting.version + 1 });
    await adele.context.close();
  });

  it('lists who is busy when adding them, and saves anyway on request', { timeout: 120_000 }, async () => {
    const title = uniqueTitle('1:1 Adele and Alex, busy Megan');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    // Patti books Megan from 15 minutes before until the meeting ends: Megan's invitation, unanswered, shows as
    // tentative (counted busy). Not the exact same interval: the API's own-meeting filter ignores that one.
    const taken = await apiAs(stack, PEOPLE.patti.id).post('/api/meetings', {
      title: uniqueTitle('Patti and Megan'),
      attendees: [emailOf(PEOPLE.megan)],
      start: new Date(Date.parse(meeting.start) - 15 * 60_000).toISOString(),
      end: meeting.end,
      timeZone: 'Europe/London',
      acceptConflicts: true,
    });
    expect(taken.status).toBe(201);
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${meeting.id}` });
    const view = new MeetingView(adele.root);
    const edit = new MeetingEditPanel(adele.root);
    await view.open(title);
    await edit.open();
    await edit.addPerson('Megan', PEOPLE.megan.name);
    await edit.button('Save changes').click();
    await edit.clashWarning.waitFor({ timeout: 20_000 });
    expect(await edit.clashWarning.textContent()).toMatch(
      new RegExp(`${PEOPLE.megan.name} is (busy|tentatively booked) on`),
    );
    await saveScreenshot(adele.page, 'meeting-details-clash');
    const unchanged = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(unchanged.attendees.map((a) => a.email)).toEqual([emailOf(PEOPLE.alex)]);

    await edit.button('Save anyway').click();
    await view.done.filter({ hasText: 'Details saved' }).waitFor({ timeout: 20_000 });
    await view.attendee(emailOf(PEOPLE.megan)).waitFor();
    const saved = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(saved.attendees.map((a) => a.email).sort()).toEqual([emailOf(PEOPLE.alex), emailOf(PEOPLE.megan)].sort());
    await adele.context.close();
  });

  it('offers a reload when someone else saved first, and shows their change', { timeout: 120_000 }, async () => {
    const title = uniqueTitle('1:1 Adele and Alex, stale');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${meeting.id}` });
    const view = new MeetingView(adele.root);
    const edit = new MeetingEditPanel(adele.root);
    await view.open(title);
    await edit.open();
    const elsewhere = uniqueTitle('Renamed in another window');
    const patched = await apiAs(stack, PEOPLE.adele.id).patch(`/api/meetings/${meeting.id}`, {
      version: meeting.version,
      title: elsewhere,
    });
    expect(patched.status).toBe(200);
    await edit.agenda.fill('My agenda');
    await edit.button('Save changes').click();
    await edit.error.waitFor({ timeout: 20_000 });
    expect(await edit.error.getAttribute('data-code')).toBe('version_conflict');
    await edit.error.getByRole('button', { name: 'Reload the meeting' }).click();
    await view.open(elsewhere);
    expect(await edit.panel.count()).toBe(0);
    const saved = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${meeting.id}`)).body;
    expect(saved.agenda).toBe(meeting.agenda);
    await adele.context.close();
  });

  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`edits an in-person meeting's place by keyboard in the ${theme} theme, with no serious accessibility issue`, {
      timeout: 120_000,
    }, async () => {
      const title = uniqueTitle(`Walk and talk Adele and Alex, ${theme}`);
      const suggestions = await apiAs(stack, PEOPLE.adele.id).post<SuggestionsResponse>('/api/suggestions', {
        attendees: [emailOf(PEOPLE.alex)],
        durationMinutes: 30,
        maxSuggestions: 1,
      });
      const slot = suggestions.body.suggestions[0];
      if (!slot) throw new Error('no free time for Adele and Alex');
      const created = await apiAs(stack, PEOPLE.adele.id).post<MeetingDto>('/api/meetings', {
        title,
        attendees: [emailOf(PEOPLE.alex)],
        start: slot.start,
        end: slot.end,
        timeZone: 'Europe/London',
        online: false,
        location: 'Room 4',
      });
      expect(created.status).toBe(201);
      const adele = await openInTeams(browser, stack, PEOPLE.adele, {
        subEntityId: `meeting:${created.body.id}`,
        theme,
      });
      const view = new MeetingView(adele.root);
      const edit = new MeetingEditPanel(adele.root);
      await view.open(title);
      await edit.openButton.focus();
      await adele.page.keyboard.press('Enter');
      // The panel's heading takes focus, so a screen reader announces it; Tab then reaches the first field.
      await expect
        .poll(() =>
          edit.panel.getByRole('heading', { name: 'Edit details' }).evaluate((h) => h === document.activeElement),
        )
        .toBe(true);
      await adele.page.keyboard.press('Tab');
      await expect.poll(() => edit.title.evaluate((input) => input === document.activeElement)).toBe(true);
      expect(await edit.place.inputValue()).toBe('Room 4');
      await edit.place.focus();
      await adele.page.keyboard.press('ControlOrMeta+A');
      await adele.page.keyboard.type('Café on the corner');
      const frame = adele.page.frames().find((f) => f.url().includes('/index.html'));
      if (!frame) throw new Error('the tab frame is not open');
      expect(await seriousViolations(frame)).toEqual([]);
      await saveScreenshot(adele.page, `meeting-edit-panel-${theme}`);
      await edit.button('Save changes').press('Enter');
      await view.done.filter({ hasText: 'Details saved' }).waitFor({ timeout: 20_000 });
      await adele.root.getByText('Café on the corner', { exact: true }).waitFor();
      const saved = (await apiAs(stack, PEOPLE.adele.id).get<MeetingDto>(`/api/meetings/${created.body.id}`)).body;
      expect(saved.location).toBe('Café on the corner');
      await adele.context.close();
    });
  }

  it('shows no edit controls to an attendee', { timeout: 120_000 }, async () => {
    const title = uniqueTitle('1:1 Adele and Alex, attendee view');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    const alex = await openInTeams(browser, stack, PEOPLE.alex, { subEntityId: `meeting:${meeting.id}` });
    const view = new MeetingView(alex.root);
    await view.open(title);
    await view.button('Respond').waitFor();
    expect(await new MeetingEditPanel(alex.root).openButton.count()).toBe(0);
    expect(await alex.root.getByRole('textbox', { name: /^Title/ }).count()).toBe(0);
    await alex.context.close();
  });
});

describe('joining a Teams meeting', () => {
  it('inside Teams hands the join link to the host (app.openLink) and opens no page', {
    timeout: 120_000,
  }, async () => {
    const title = uniqueTitle('1:1 Adele and Alex, join');
    const meeting = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], { title });
    const joinUrl = meeting.joinUrl ?? '';
    expect(joinUrl).toMatch(/^https:\/\//);
    const adele = await openInTeams(browser, stack, PEOPLE.adele);
    const opened: string[] = [];
    adele.context.on('page', (page) => opened.push(page.url()));
    const home = new HomeView(adele.root);
    await home.waitForList();
    await home
      .card(title)
      .getByRole('link', { name: `Join ${title} in Teams` })
      .click();
    const calls = adele.host.calls('executeDeepLink');
    await calls.filter({ hasText: joinUrl }).first().waitFor({ timeout: 10_000 });

    await adele.go(`#/meetings/${meeting.id}`);
    const view = new MeetingView(adele.root);
    await view.open(title);
    await adele.root.getByRole('link', { name: 'Join in Teams' }).click();
    await expect.poll(() => calls.filter({ hasText: joinUrl }).count()).toBe(2);
    expect(opened).toEqual([]);
    expect(adele.context.pages()).toHaveLength(1);
    // The tab stayed where it was: the host did not navigate away.
    await view.open(title);
    await adele.context.close();
  });

  it('in a plain browser keeps a normal link that opens a new tab', { timeout: 120_000 }, async () => {
    const title = uniqueTitle('1:1 Megan and Alex, browser join');
    const meeting = await createMeeting(stack, PEOPLE.megan, [PEOPLE.alex], { title });
    const context = await browser.newContext(contextDefaults);
    const page = await context.newPage();
    await signInInBrowser(page, stack, PEOPLE.megan.name);
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/meetings/${meeting.id}`);
    const view = new MeetingView(page);
    await view.open(title);
    const join = page.getByRole('link', { name: 'Join in Teams' });
    expect(await join.getAttribute('href')).toBe(meeting.joinUrl);
    expect(await join.getAttribute('target')).toBe('_blank');
    // Teams' join page stands in for the real one: the test checks where the link goes, not Microsoft's site.
    const joinUrl = meeting.joinUrl;
    if (!joinUrl) throw new Error('an online meeting has a join URL');
    await context.route(`${new URL(joinUrl).origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Join the meeting</title>' }),
    );
    const [popup] = await Promise.all([context.waitForEvent('page'), join.click()]);
    await popup.waitForLoadState();
    expect(popup.url()).toBe(joinUrl);
    // `rel="noreferrer"`: the join page gets neither the tab's address nor a handle back to it.
    expect(await popup.evaluate(() => [document.referrer, window.opener === null])).toEqual(['', true]);
    await popup.close();
    await context.close();
  });
});
