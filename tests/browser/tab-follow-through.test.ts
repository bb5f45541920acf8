import type { MeetingDto, OccurrenceAttendanceDto, SuggestionsResponse } from '@confer/contracts';
import { seriesStarts } from '@confer/contracts/time';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OccurrenceAttendance, ParticipantAttendance } from '../../api/src/ports/attendance-store.ts';
import { pendingAttendance } from '../../api/src/use-cases/follow-through/collect-attendance.ts';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { apiAs } from '../support/api-client.ts';
import { PEOPLE, type Stack, startStack, TENANT_ID } from '../support/stack.ts';
import { FollowThroughView } from './pages/follow-through-view.ts';
import { SchedulePage } from './pages/schedule-page.ts';
import { SettingsView } from './pages/settings-view.ts';
import { seriousViolations } from './support/axe-scan.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { createMeeting, emailOf, openInTeams, type Person, uniqueTitle } from './support/tab-session.ts';

// A Monday morning: the meetings are booked in the week that follows, then the clock moves three weeks on, so
// they have all ended. Nothing here reads the machine's date.
const BOOKED_AT = new Date('2026-11-02T08:00:00.000Z');
const DAY_MS = 86_400_000;
const LATER = new Date(BOOKED_AT.getTime() + 21 * DAY_MS);

let stack: Stack;
let browser: Browser;
let series: MeetingDto;
let seriesStartsAt: Date[];
let inPerson: MeetingDto;
let withMegan: MeetingDto;
let typeId: string;

const stores = () => stack.composed.followThrough.deps;

const present = (person: Person, role: 'organizer' | 'attendee', minutes: number | null): ParticipantAttendance => ({
  email: emailOf(person),
  userId: person.id,
  displayName: person.name,
  role,
  joined: minutes !== null,
  minutesPresent: minutes ?? 0,
});

/** Records an ended occurrence as the attendance pass would: pending first, then (optionally) its outcome. */
async function recordAttendance(
  meeting: MeetingDto,
  start: Date,
  outcome: Pick<OccurrenceAttendance, 'state' | 'source' | 'participants'> | null,
): Promise<void> {
  const now = stack.devtenant.clock.now();
  const pending = pendingAttendance(
    {
      tenantId: TENANT_ID,
      meetingId: meeting.id,
      occurrenceStart: start,
      occurrenceEnd: new Date(start.getTime() + (Date.parse(meeting.end) - Date.parse(meeting.start))),
      online: meeting.online,
      // An in-person occurrence waits for the organizer's word; nothing is read for it.
      nextCheckAt: meeting.online ? now : null,
    },
    now,
  );
  expect(await stores().attendance.addPending([pending])).toBe(1);
  if (!outcome) return;
  const saved = await stores().attendance.save(
    { ...pending, ...outcome, attempts: 1, nextCheckAt: null, decidedAt: now, updatedAt: now },
    pending.version,
  );
  expect(saved).toBe(true);
}

async function recordHeld(meeting: MeetingDto, partner: Person, start: Date): Promise<void> {
  await stores().pairs.recordHeld({
    tenantId: TENANT_ID,
    organizerId: PEOPLE.adele.id,
    partnerId: partner.id,
    meetingId: meeting.id,
    start,
    end: new Date(start.getTime() + (Date.parse(meeting.end) - Date.parse(meeting.start))),
    typeId: meeting.typeId,
    at: stack.devtenant.clock.now(),
  });
}

/** A meeting in person at the first time Confer suggests (createMeeting books Teams meetings). */
async function createInPerson(title: string): Promise<MeetingDto> {
  const api = apiAs(stack, PEOPLE.adele.id);
  const suggestions = await api.post<SuggestionsResponse>('/api/suggestions', {
    attendees: [emailOf(PEOPLE.alex)],
    durationMinutes: 30,
    recurrence: null,
    maxSuggestions: 3,
  });
  const slot = suggestions.body.suggestions[0];
  if (!slot) throw new Error(`no suggestion for ${title}: ${suggestions.status}`);
  const created = await api.post<MeetingDto>('/api/meetings', {
    title,
    attendees: [emailOf(PEOPLE.alex)],
    start: slot.start,
    end: slot.end,
    timeZone: 'Europe/London',
    online: false,
    location: 'Room 4, second floor',
    acceptConflicts: true,
  });
  if (created.status !== 201) throw new Error(`creating ${title} answered ${created.status}`);
  return created.body;
}

/** The tab's own document inside the Teams host, for axe. */
function tabFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/index.html'));
  if (!frame) throw new Error('the tab frame is not open');
  return frame;
}

/** Errors the page logs to its console (the tab's and the host's). */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

beforeAll(async () => {
  stack = await startStack({ clock: createControllableClock(BOOKED_AT) });
  browser = await launchChromium(stack);
  const types = (
    await apiAs(stack, PEOPLE.adele.id).get<{ meetingTypes: { id: string; name: string }[] }>('/api/meeting-types')
  ).body.meetingTypes;
  typeId = types[0]?.id ?? '';
  if (!typeId) throw new Error('no seeded meeting types');

  series = await createMeeting(stack, PEOPLE.adele, [PEOPLE.alex], {
    title: uniqueTitle('Weekly 1:1 Adele and Alex'),
    recurrence: { kind: 'weekly', count: 3 },
  });
  seriesStartsAt = [...seriesStarts(new Date(series.start), series.timeZone, { kind: 'weekly', count: 3 })].map(
    (at) => new Date(at),
  );
  inPerson = await createInPerson(uniqueTitle('Walk and talk Adele and Alex'));
  withMegan = await createMeeting(stack, PEOPLE.adele, [PEOPLE.megan], {
    title: uniqueTitle('Mentoring Adele and Megan'),
    typeId,
  });

  // Three weeks later every one of them has ended.
  stack.devtenant.clock.set(LATER);
  const [first, second, third] = seriesStartsAt;
  if (!first || !second || !third) throw new Error('the series has fewer than three occurrences');
  await recordAttendance(series, first, {
    state: 'held',
    source: 'teams',
    participants: [present(PEOPLE.adele, 'organizer', 30), present(PEOPLE.alex, 'attendee', 28)],
  });
  await recordAttendance(series, second, {
    state: 'held',
    source: 'teams',
    participants: [present(PEOPLE.adele, 'organizer', 30), present(PEOPLE.alex, 'attendee', 25)],
  });
  await recordAttendance(series, third, {
    state: 'no_show',
    source: 'teams',
    participants: [present(PEOPLE.adele, 'organizer', 10), present(PEOPLE.alex, 'attendee', null)],
  });
  await recordAttendance(inPerson, new Date(inPerson.start), null);
  await recordAttendance(withMegan, new Date(withMegan.start), {
    state: 'held',
    source: 'teams',
    participants: [present(PEOPLE.adele, 'organizer', 30), present(PEOPLE.megan, 'attendee', 30)],
  });
  await recordHeld(series, PEOPLE.alex, first);
  await recordHeld(series, PEOPLE.alex, second);
  await recordHeld(withMegan, PEOPLE.megan, new Date(withMegan.start));
  // Adele and Megan mean to meet every two weeks; it has been about three.
  expect(await stores().pairs.setRhythm(TENANT_ID, PEOPLE.adele.id, PEOPLE.megan.id, 14, LATER)).toBe(true);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('after meetings: attendance, rhythm and who is due', () => {
  it("shows each occurrence's attendance with minutes, and the history with the other person", {
    timeout: 120_000,
  }, async () => {
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${series.id}` });
    const errors = consoleErrors(adele.page);
    const view = new FollowThroughView(adele.root);
    await view.occurrences.nth(2).waitFor({ timeout: 20_000 });
    expect(await view.occurrences.count()).toBe(3);
    const [latest, middle, earliest] = [view.occurrences.nth(0), view.occurrences.nth(1), view.occurrences.nth(2)];
    // The latest first, each named by its date.
    expect(await view.statusOf(latest).textContent()).toBe('No-show');
    expect(await latest.getByRole('heading', { level: 3 }).textContent()).toMatch(/^\w{3} \d{1,2} Nov, \d{2}:\d{2}/);
    expect(await view.personIn(latest, emailOf(PEOPLE.alex)).textContent()).toBe(`${PEOPLE.alex.name}Didn't join`);
    expect(await view.personIn(latest, emailOf(PEOPLE.adele)).textContent()).toBe(`${PEOPLE.adele.name}10 minutes`);
    expect(await view.statusOf(middle).textContent()).toBe('Held');
    expect(await view.personIn(middle, emailOf(PEOPLE.alex)).textContent()).toContain('25 minutes');
    expect(await view.statusOf(earliest).textContent()).toBe('Held');
    expect(await view.personIn(earliest, emailOf(PEOPLE.alex)).textContent()).toContain('28 minutes');
    expect(await view.attendance.getByRole('button', { name: /We met/ }).count()).toBe(0);

    await view.together.waitFor({ timeout: 20_000 });
    expect(await view.together.getByRole('heading', { level: 2 }).textContent()).toBe(`You and ${PEOPLE.alex.name}`);
    expect(await view.together.getByTestId('together-held').textContent()).toBe('2 meetings');
    expect(await view.together.getByTestId('together-missed').textContent()).toBe('1 meeting');
    expect(await view.together.getByTestId('together-gap').textContent()).toBe('every 7 days on average');
    expect(await view.together.getByTestId('together-next').textContent()).toContain('None booked');

    await view.rhythm(PEOPLE.alex.name).selectOption({ label: 'Every 2 weeks' });
    await view.together.getByText('Saved: every 2 weeks').waitFor({ timeout: 20_000 });
    expect((await stores().pairs.get(TENANT_ID, PEOPLE.adele.id, PEOPLE.alex.id))?.rhythmDays).toBe(14);
    await view.rhythm(PEOPLE.alex.name).selectOption({ label: 'Custom number of days' });
    await view.together.getByLabel('Days between meetings').fill('10');
    await view.together.getByRole('button', { name: 'Save', exact: true }).click();
    await view.together.getByText('Saved: every 10 days').waitFor({ timeout: 20_000 });
    expect((await stores().pairs.get(TENANT_ID, PEOPLE.adele.id, PEOPLE.alex.id))?.rhythmDays).toBe(10);
    await saveScreenshot(adele.page, 'follow-through-series-attendance');

    expect(await seriousViolations(tabFrame(adele.page))).toEqual([]);
    expect(errors).toEqual([]);
    await adele.context.close();
  });

  it('lets the organizer say an in-person meeting took place, and shows it at once', { timeout: 90_000 }, async () => {
    // Alex sees that the organizer has not said yet, and cannot say it himself.
    const alex = await openInTeams(browser, stack, PEOPLE.alex, { subEntityId: `meeting:${inPerson.id}` });
    const seenByAlex = new FollowThroughView(alex.root);
    await seenByAlex.occurrences.first().waitFor({ timeout: 20_000 });
    expect(await seenByAlex.statusOf(seenByAlex.occurrences.first()).textContent()).toBe('Waiting for the organizer');
    expect(await seenByAlex.attendance.getByRole('button').count()).toBe(0);
    await alex.context.close();

    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${inPerson.id}` });
    const errors = consoleErrors(adele.page);
    const view = new FollowThroughView(adele.root);
    const occurrence = view.occurrences.first();
    await occurrence.waitFor({ timeout: 20_000 });
    expect(await view.statusOf(occurrence).textContent()).toBe('Did you meet?');
    await view.attendance.getByRole('button', { name: 'We met', exact: true }).click();
    await view.statusOf(occurrence).filter({ hasText: 'Held' }).waitFor({ timeout: 20_000 });
    expect(await occurrence.textContent()).toContain('As the organizer said.');
    const stored = await apiAs(stack, PEOPLE.adele.id).get<{ occurrences: OccurrenceAttendanceDto[] }>(
      `/api/meetings/${inPerson.id}/attendance`,
    );
    expect(stored.body.occurrences.map((o) => [o.state, o.source])).toEqual([['held', 'organizer']]);
    // The organizer may change their word.
    await view.attendance.getByRole('button', { name: "It didn't happen", exact: true }).click();
    await view.statusOf(occurrence).filter({ hasText: 'No-show' }).waitFor({ timeout: 20_000 });
    await saveScreenshot(adele.page, 'follow-through-in-person-marked');
    expect(await seriousViolations(tabFrame(adele.page))).toEqual([]);
    expect(errors).toEqual([]);
    await adele.context.close();
  });

  it('lists who is overdue on Home, and Book opens the schedule page with them and their meeting type', {
    timeout: 120_000,
  }, async () => {
    const adele = await openInTeams(browser, stack, PEOPLE.adele);
    const errors = consoleErrors(adele.page);
    const view = new FollowThroughView(adele.root);
    const megan = view.duePair(emailOf(PEOPLE.megan));
    await megan.waitFor({ timeout: 20_000 });
    expect(await megan.getAttribute('data-status')).toBe('overdue');
    expect(await megan.textContent()).toContain('Overdue');
    expect(await megan.textContent()).toMatch(/Last met (20|21) days ago, you meet every 2 weeks/);
    // Overdue people come before those only due soon.
    expect(await view.dueToMeet.getByTestId('due-pair').first().getAttribute('data-status')).toBe('overdue');
    await saveScreenshot(adele.page, 'follow-through-home-due');
    expect(await seriousViolations(tabFrame(adele.page))).toEqual([]);

    await megan.getByRole('link', { name: `Book a meeting with ${PEOPLE.megan.name}` }).click();
    const schedule = new SchedulePage(adele.root);
    await schedule.page.waitFor({ timeout: 20_000 });
    // Megan by name once the directory answers, and Adele's type of meeting with her.
    await schedule.chip(PEOPLE.megan.name).waitFor({ timeout: 20_000 });
    await expect.poll(() => adele.root.getByLabel('Meeting type').inputValue(), { timeout: 20_000 }).toBe(typeId);
    expect(tabFrame(adele.page).url()).toContain(`type=${typeId}`);
    expect(errors).toEqual([]);
    await adele.context.close();
  });

  it('turns the reminders to meet off and on in Settings, and keeps the choice', { timeout: 90_000 }, async () => {
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: 'settings' });
    const errors = consoleErrors(adele.page);
    const settings = new SettingsView(adele.root);
    const view = new FollowThroughView(adele.root);
    await settings.heading.waitFor({ timeout: 20_000 });
    await view.nudges.waitFor({ timeout: 20_000 });
    expect(await view.nudges.isChecked()).toBe(true);
    await view.nudges.uncheck();
    await adele.root.getByText("Confer won't remind you.").waitFor({ timeout: 20_000 });
    const cadence = async () =>
      (await apiAs(stack, PEOPLE.adele.id).get<{ nudges: boolean }>('/api/cadence')).body.nudges;
    expect(await cadence()).toBe(false);

    await adele.go('#/');
    await adele.go('#/settings');
    await view.nudges.waitFor({ timeout: 20_000 });
    expect(await view.nudges.isChecked()).toBe(false);
    expect(await seriousViolations(tabFrame(adele.page))).toEqual([]);
    await view.nudges.check();
    await adele.root.getByText('Confer will remind you.').waitFor({ timeout: 20_000 });
    expect(await cadence()).toBe(true);
    expect(errors).toEqual([]);
    await adele.context.close();
  });

  it("lets an admin set each meeting type's rhythm", { timeout: 90_000 }, async () => {
    // Megan holds the Confer.Admin role in the playground.
    const megan = await openInTeams(browser, stack, PEOPLE.megan);
    const errors = consoleErrors(megan.page);
    await megan.go('#/admin');
    const card = megan.root.getByTestId('meeting-rhythm');
    const row = card.locator(`[data-testid="type-rhythm"][data-type-id="${typeId}"]`);
    await row.getByRole('combobox').waitFor({ timeout: 20_000 });
    await row.getByRole('combobox').selectOption({ label: 'Every 2 weeks' });
    await row.getByText('Saved: every 2 weeks').waitFor({ timeout: 20_000 });
    expect((await stores().meetingTypes.get(TENANT_ID, typeId))?.cadenceDays).toBe(14);
    await row.getByRole('combobox').selectOption({ label: 'No rhythm' });
    await row.getByText('Saved: No rhythm').waitFor({ timeout: 20_000 });
    expect((await stores().meetingTypes.get(TENANT_ID, typeId))?.cadenceDays).toBeNull();
    await saveScreenshot(megan.page, 'follow-through-admin-rhythm');
    expect(await seriousViolations(tabFrame(megan.page))).toEqual([]);
    expect(errors).toEqual([]);
    await megan.context.close();
  });
});
