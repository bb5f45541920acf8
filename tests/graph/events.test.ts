import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../api/src/domain/app-error.ts';
import type { EventDraft, GraphActor } from '../../api/src/ports/scheduling-gateway.ts';
import { at, email, type GraphHarness, mailbox, nextWeek, PEOPLE, startGraphHarness } from './graph-harness.ts';
import { createLossyClientFactory } from './lossy-client.ts';

const SCOPES = ['User.Read', 'Calendars.ReadWrite', 'MailboxSettings.Read', 'offline_access'];

describe('meetings on Outlook through the gateway (devtenant)', () => {
  let h: GraphHarness;
  let monday: Date;
  beforeAll(async () => {
    h = await startGraphHarness();
    monday = nextWeek(h.devtenant, 3);
  });
  afterAll(async () => {
    await h?.close();
  });

  const draft = (overrides: Partial<EventDraft> = {}): EventDraft => ({
    subject: 'Mentoring',
    bodyHtml: '<div data-confer="body"><p>Agenda: goals</p></div>',
    start: at(monday, 1, 15),
    end: at(monday, 1, 15, 45),
    timeZone: 'Europe/London',
    attendees: [{ email: email('meganb'), name: 'Megan Bowen', type: 'required' }],
    online: true,
    location: null,
    recurrence: null,
    transactionId: randomUUID(),
    allowNewTimeProposals: true,
    ...overrides,
  });

  const organizerActors = async (): Promise<[string, GraphActor][]> => [
    ['tenant-wide', h.appActor],
    ['per-user', await h.userActor('alexw')],
  ];

  it('creates a Teams meeting whose join URL came back and sits in the body (both modes)', async () => {
    for (const [mode, actor] of await organizerActors()) {
      const event = await h.gateway.createEvent(actor, mailbox('alexw'), draft({ subject: `Teams ${mode}` }));
      expect(event.joinUrl, mode).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
      expect(event.bodyHtml).toContain('Agenda: goals');
      expect(event.bodyHtml.replaceAll('&amp;', '&')).toContain(event.joinUrl);
      expect(event.start.toISOString()).toBe(at(monday, 1, 15).toISOString());
      expect(event.attendees.map((a) => [a.email, a.response])).toEqual([[email('meganb'), 'none']]);
      // Outlook invited Megan: her calendar has a copy with the same iCalUId.
      const copy = await h.gateway.findEventByICalUId(h.appActor, mailbox('meganb'), event.iCalUId, {
        start: at(monday, 1, 0),
        end: at(monday, 2, 0),
      });
      expect(copy?.ownResponse).toBe('notResponded');
    }
  });

  it('creates an in-person meeting with its location and no Teams link', async () => {
    const event = await h.gateway.createEvent(
      h.appActor,
      mailbox('alexw'),
      draft({ online: false, location: 'Room 4.12', start: at(monday, 2, 14), end: at(monday, 2, 15) }),
    );
    expect(event.joinUrl).toBeNull();
    expect(event.isOnlineMeeting).toBe(false);
    const raw = await h.graphGet(`/users/${PEOPLE.alexw}/events/${encodeURIComponent(event.id)}`);
    expect((raw.location as { displayName: string }).displayName).toBe('Room 4.12');
  });

  it('returns the one event when the create response was lost and when the caller retries', async () => {
    const lossy = createLossyClientFactory(h.devtenant.origin, h.http);
    const gateway = h.gatewayWith({ createClient: lossy });
    const request = draft({ subject: 'Lost response', start: at(monday, 3, 16), end: at(monday, 3, 16, 30) });
    const first = await gateway.createEvent(h.appActor, mailbox('alexw'), request);
    expect(lossy.lost).toBe(1);
    const again = await h.gateway.createEvent(h.appActor, mailbox('alexw'), request);
    expect(again.id).toBe(first.id);
    expect(again.joinUrl).toBe(first.joinUrl);
    const found = await h.gateway.findEventByTransactionId(h.appActor, mailbox('alexw'), request.transactionId, {
      start: at(monday, 3, 0),
      end: at(monday, 4, 0),
    });
    expect(found?.id).toBe(first.id);
    const view = (await h.graphGet(
      `/users/${PEOPLE.alexw}/calendarView?startDateTime=${at(monday, 3, 0).toISOString()}&endDateTime=${at(monday, 4, 0).toISOString()}&$top=100`,
    )) as { value: { subject: string }[] };
    expect(view.value.filter((e) => e.subject === 'Lost response')).toHaveLength(1);
  });

  it('keeps the Teams join block when the agenda changes, and refuses a stale change key', async () => {
    const created = await h.gateway.createEvent(h.appActor, mailbox('alexw'), draft({ subject: 'Agenda edit' }));
    const updated = await h.gateway.updateEvent(
      h.appActor,
      mailbox('alexw'),
      created.id,
      { bodyHtml: '<div data-confer="body"><p>New agenda</p></div>', subject: 'Agenda edited' },
      created.changeKey,
    );
    expect(updated.subject).toBe('Agenda edited');
    expect(updated.bodyHtml).toContain('New agenda');
    expect(updated.bodyHtml).not.toContain('Agenda: goals');
    expect(updated.joinUrl).toBe(created.joinUrl);
    expect(updated.isOnlineMeeting).toBe(true);
    expect(updated.bodyHtml.replaceAll('&amp;', '&')).toContain(created.joinUrl);
    expect(updated.changeKey).not.toBe(created.changeKey);

    // A stale change key: refused before anything is written, for a body change and for a time change.
    const stale = (patch: Parameters<typeof h.gateway.updateEvent>[3]) =>
      h.gateway.updateEvent(h.appActor, mailbox('alexw'), created.id, patch, created.changeKey);
    for (const patch of [{ bodyHtml: '<p>lost</p>' }, { start: at(monday, 1, 16), end: at(monday, 1, 17) }]) {
      await expect(stale(patch)).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'conflict');
    }
    const current = await h.gateway.getEvent(h.appActor, mailbox('alexw'), created.id);
    expect(current?.changeKey).toBe(updated.changeKey);
    expect(current?.start.toISOString()).toBe(created.start.toISOString());

    const moved = await h.gateway.updateEvent(
      h.appActor,
      mailbox('alexw'),
      created.id,
      { start: at(monday, 1, 16), end: at(monday, 1, 16, 45), timeZone: 'Europe/London' },
      updated.changeKey,
    );
    expect(moved.start.toISOString()).toBe(at(monday, 1, 16).toISOString());
    expect(moved.joinUrl).toBe(created.joinUrl);
  });

  it('cancels with a message; the attendee copy is cancelled; a second cancel is done, not an error', async () => {
    const request = draft({ subject: 'To cancel' });
    const created = await h.gateway.createEvent(h.appActor, mailbox('alexw'), request);
    await h.gateway.cancelEvent(h.appActor, mailbox('alexw'), created.id, 'Sorry, something came up.');
    expect(await h.gateway.getEvent(h.appActor, mailbox('alexw'), created.id)).toBeNull();
    const copy = await h.gateway.findEventByICalUId(h.appActor, mailbox('meganb'), created.iCalUId, {
      start: at(monday, 1, 0),
      end: at(monday, 2, 0),
    });
    expect(copy?.isCancelled).toBe(true);
    await h.gateway.cancelEvent(h.appActor, mailbox('alexw'), created.id, 'Sorry, something came up.');
    // The transactionId stays bound to the cancelled event: re-creating needs a new one, and says so.
    await expect(h.gateway.createEvent(h.appActor, mailbox('alexw'), request)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'graph_duplicate_transaction',
    );
  });

  it("lets the attendee answer from their own copy (stored-user); the organizer's event shows it", async () => {
    const created = await h.gateway.createEvent(
      h.appActor,
      mailbox('alexw'),
      draft({
        subject: 'Responses',
        attendees: [
          { email: email('meganb'), name: 'Megan Bowen', type: 'required' },
          { email: email('adelev'), name: 'Adele Vance', type: 'required' },
        ],
      }),
    );
    await h.tokens.forUser(await h.identity('meganb'), SCOPES);
    await h.tokens.forUser(await h.identity('adelev'), SCOPES);
    const around = { start: at(monday, 1, 0), end: at(monday, 2, 0) };
    const megan = h.storedActor('meganb');
    const adele = h.storedActor('adelev');
    const meganCopy = await h.gateway.findEventByICalUId(megan, mailbox('meganb'), created.iCalUId, around);
    const adeleCopy = await h.gateway.findEventByICalUId(adele, mailbox('adelev'), created.iCalUId, around);
    if (!meganCopy || !adeleCopy) throw new Error('attendee copies missing');

    await h.gateway.respond(megan, mailbox('meganb'), meganCopy.id, 'accept', {
      comment: 'See you',
      sendResponse: true,
    });
    const proposal = { start: at(monday, 1, 17), end: at(monday, 1, 17, 45) };
    await h.gateway.respond(adele, mailbox('adelev'), adeleCopy.id, 'tentative', {
      proposedNewTime: proposal,
      sendResponse: true,
    });
    const organizer = await h.gateway.getEvent(h.appActor, mailbox('alexw'), created.id);
    const byEmail = new Map(organizer?.attendees.map((a) => [a.email.toLowerCase(), a]));
    expect(byEmail.get(email('meganb'))?.response).toBe('accepted');
    expect(byEmail.get(email('adelev'))?.response).toBe('tentativelyAccepted');
    expect(byEmail.get(email('adelev'))?.proposedNewTime?.start.toISOString()).toBe(proposal.start.toISOString());

    // Declining twice: the declined copy leaves Megan's calendar, and the repeat is treated as done.
    await h.gateway.respond(megan, mailbox('meganb'), meganCopy.id, 'decline', { sendResponse: true });
    await h.gateway.respond(megan, mailbox('meganb'), meganCopy.id, 'decline', { sendResponse: true });
    const after = await h.gateway.getEvent(h.appActor, mailbox('alexw'), created.id);
    expect(after?.attendees.find((a) => a.email.toLowerCase() === email('meganb'))?.response).toBe('declined');

    await expect(
      h.gateway.respond(adele, mailbox('adelev'), adeleCopy.id, 'accept', {
        proposedNewTime: proposal,
        sendResponse: true,
      }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'validation_failed');
  });
});
