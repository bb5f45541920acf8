import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createControllableClock } from '../../devtenant/src/index.ts';
import { mail } from '../scheduling/support/scheduling-api.ts';
import { PEOPLE, type Stack, startStack } from '../support/stack.ts';
import { eventually, HOUR, NOW, type SyncHarness, syncHarness, utc } from '../sync/support/sync-harness.ts';
import { MeetingView } from './pages/meeting-view.ts';
import { launchChromium, saveScreenshot } from './support/chromium.ts';
import { openInTeams } from './support/tab-session.ts';

let stack: Stack;
let browser: Browser;
let sync: SyncHarness;

/**
 * A time range as the page writes it in en-GB ("Wed 25 Nov, 10:00–11:00"); whether spaces surround the dash
 * depends on the browser's Intl data, so either is accepted.
 */
const shownRange = (day: string, from: string, to: string) => new RegExp(`^${day}, ${from}\\s?–\\s?${to}$`);

beforeAll(async () => {
  stack = await startStack({ clock: createControllableClock(NOW) });
  sync = syncHarness(stack);
  await stack.composed.sync.worker.start();
  browser = await launchChromium(stack);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/**
 * What people see in the tab after the organizer changed the meeting in Outlook (through Graph, as Outlook
 * would): the page reads only Confer's API, so this is the sync as a person meets it.
 */
describe('the meeting page after a change made in Outlook', () => {
  it('shows the organizer the new time, the Outlook name beside the Confer title and who was invited there; the attendee sees the new time', {
    timeout: 120_000,
  }, async () => {
    const { id, eventId, organizerId } = await sync.schedule();
    const title = (await sync.stored(id)).title;
    // Tuesday 15:00 UTC becomes Wednesday 25 November 10:00 to 11:00 UTC, renamed, with Isaiah invited.
    const start = new Date(NOW.getTime() + 50 * HOUR);
    const outlookSubject = `${title} (in the big room)`;
    await sync.graph.patch(`/users/${organizerId}/events/${eventId}`, {
      subject: outlookSubject,
      start: utc(start),
      end: utc(new Date(start.getTime() + HOUR)),
      attendees: [
        { emailAddress: { address: mail('meganb'), name: PEOPLE.megan.name }, type: 'required' },
        { emailAddress: { address: mail('isaiahl'), name: PEOPLE.isaiah.name }, type: 'required' },
      ],
    });
    const applied = await eventually(
      () => sync.stored(id),
      (m) =>
        m.start.getTime() === start.getTime() &&
        m.outlookSubject === outlookSubject &&
        m.attendees.some((a) => a.email === mail('isaiahl')),
    );
    expect(applied.start.toISOString()).toBe(start.toISOString());
    expect(applied.outlookSubject).toBe(outlookSubject);
    expect(applied.title).toBe(title);

    // Adele reads times in her mailbox zone, London (GMT in November).
    const adele = await openInTeams(browser, stack, PEOPLE.adele, { subEntityId: `meeting:${id}` });
    const organizerView = new MeetingView(adele.root);
    await organizerView.open(title);
    expect(await organizerView.when.getAttribute('datetime')).toBe(start.toISOString());
    expect(await organizerView.when.textContent()).toMatch(shownRange('Wed 25 Nov', '10:00', '11:00'));
    const adelePage = (await organizerView.page.textContent()) ?? '';
    expect(adelePage).toContain('Europe/London');
    expect(adelePage).toContain(`In Outlook this meeting is called “${outlookSubject}”`);
    expect(await adele.root.getByRole('heading', { level: 1, name: outlookSubject }).count()).toBe(0);
    const isaiah = organizerView.attendee(mail('isaiahl'));
    expect(await isaiah.textContent()).toContain(PEOPLE.isaiah.name);
    expect(await isaiah.getByTestId('added-in-outlook').textContent()).toBe('Added in Outlook');
    expect(await organizerView.attendee(mail('meganb')).getByTestId('added-in-outlook').count()).toBe(0);
    await organizerView.history.filter({ hasText: 'Moved in Outlook' }).waitFor();
    await saveScreenshot(adele.page, 'meeting-changed-in-outlook');
    await adele.context.close();

    // Megan reads the same instant in hers, Seattle (eight hours behind UTC in November).
    const megan = await openInTeams(browser, stack, PEOPLE.megan, { subEntityId: `meeting:${id}` });
    const attendeeView = new MeetingView(megan.root);
    await attendeeView.open(title);
    expect(await attendeeView.when.getAttribute('datetime')).toBe(start.toISOString());
    expect(await attendeeView.when.textContent()).toMatch(shownRange('Wed 25 Nov', '02:00', '03:00'));
    expect(await attendeeView.page.textContent()).toContain('America/Los_Angeles');
    await megan.context.close();
  });
});
