import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { botText } from '../i18n/bot-text.ts';
import type { FollowUpView } from '../ports.ts';
import type { AdaptiveCard } from './adaptive-card.ts';
import { buildFollowUpCard, buildFollowUpMessage, followUpCardKind } from './follow-up-card.ts';
import { afterTheMeeting, attendeeFollowUpView, followUpView, nudgeView } from './follow-up-view.fixture.ts';
import { meetingView, organizerView } from './meeting-view.fixture.ts';
import { buildHeldQuestionCard, buildNoShowCard } from './no-show-card.ts';
import { buildNudgeCard, buildNudgesOffCard } from './nudge-card.ts';

const text = botText('en-GB');
const context = {
  tenantId: 't-1',
  now: afterTheMeeting,
  refreshUserIds: ['29:alex'],
  tabUrl: 'http://localhost:3978/',
};
const adele = {
  name: 'Adele Vance',
  email: 'adelev@contoso.onmicrosoft.com',
  role: 'attendee' as const,
  joined: false,
  minutesPresent: 0,
};
const withAdele = organizerView({
  attendees: [
    ...meetingView().attendees,
    { userId: 'adele', email: adele.email, name: adele.name, response: 'accepted', proposed: null },
  ],
});

/** Every TextBlock's text, wherever it sits. */
function texts(card: unknown): string[] {
  const found: string[] = [];
  visit(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') found.push(node.text);
  });
  return found;
}

/** Every Action.Execute on a card (the refresh aside), with its title and data. */
function executes(card: unknown): { verb: string; title: string; data: Record<string, unknown> }[] {
  const found: { verb: string; title: string; data: Record<string, unknown> }[] = [];
  visit(card, (node) => {
    if (node.type === 'Action.Execute')
      found.push({ verb: String(node.verb), title: String(node.title), data: node.data as Record<string, unknown> });
  });
  return found;
}

function links(card: unknown): { title: string; url: string }[] {
  const found: { title: string; url: string }[] = [];
  visit(card, (node) => {
    if (node.type === 'Action.OpenUrl') found.push({ title: String(node.title), url: String(node.url) });
  });
  return found;
}

function inputs(card: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  visit(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) found.push(node);
  });
  return found;
}

function visit(node: unknown, seen: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, seen);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  seen(record);
  for (const [key, value] of Object.entries(record)) if (key !== 'refresh') visit(value, seen);
}

const cards: [string, AdaptiveCard][] = [
  ['follow-up, organizer', buildFollowUpCard(followUpView(), text, context)],
  ['follow-up, attendee', buildFollowUpCard(attendeeFollowUpView(), text, context)],
  [
    'follow-up, partly attended',
    buildFollowUpCard(
      followUpView({
        meeting: withAdele,
        state: 'partly_attended',
        participants: [...followUpView().participants, adele],
      }),
      text,
      context,
    ),
  ],
  ['follow-up, no times', buildFollowUpCard(followUpView({ slots: [], rhythmDays: null }), text, context)],
  ['no-show', buildNoShowCard(followUpView({ state: 'no_show' }), text, context)],
  ['no-show, no times', buildNoShowCard(followUpView({ state: 'no_show', slots: [] }), text, context)],
  ['was it held?', buildHeldQuestionCard(followUpView({ state: 'pending', online: false }), text, context)],
  ['nudge', buildNudgeCard(nudgeView(), text, context)],
  ['nudge, booked since', buildNudgeCard(nudgeView({ booked: true }), text, context)],
  ['nudge, reminders off', buildNudgeCard(nudgeView({ nudgesOn: false }), text, context)],
  ['nudges turned off', buildNudgesOffCard(text, context.tabUrl)],
];

describe('follow-up and nudge cards', () => {
  it.each(cards)('%s is a valid Adaptive Card 1.5', (_case, card) => {
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
  });

  it.each<[string, Partial<FollowUpView>, 'organizer' | 'attendee', string | null]>([
    ['held', { state: 'held' }, 'organizer', 'follow-up'],
    ['held', { state: 'held' }, 'attendee', 'follow-up'],
    ['partly attended', { state: 'partly_attended' }, 'attendee', 'follow-up'],
    ['no-show', { state: 'no_show' }, 'organizer', 'no-show'],
    ['no-show', { state: 'no_show' }, 'attendee', null],
    ['pending in person', { state: 'pending', online: false }, 'organizer', 'held-question'],
    ['pending in person', { state: 'pending', online: false }, 'attendee', null],
    ['pending online', { state: 'pending', online: true }, 'organizer', null],
    ['unknown', { state: 'unknown', online: false }, 'organizer', null],
  ])('%s, for the %s: %s', (_case, change, role, kind) => {
    const view = role === 'organizer' ? followUpView(change) : attendeeFollowUpView(change);
    expect(followUpCardKind(view)).toBe(kind);
    expect(buildFollowUpMessage(view, text, context) === null).toBe(kind === null);
  });
});

describe('the follow-up card', () => {
  it('says who met for how long, the rhythm, and offers three times in the viewer zone', () => {
    const card = buildFollowUpCard(followUpView(), text, context);
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'You met Megan Bowen for 42 minutes.',
        '**Book the next one**',
        'You meet every 2 weeks.',
        '30 minutes, when everyone is free (your time):',
      ]),
    );
    const booking = executes(card).filter((action) => action.verb === 'book-next');
    expect(booking.map((action) => action.title)).toEqual([
      'Mon 7 Dec, 14:00–14:30',
      'Tue 8 Dec, 14:00–14:30',
      'Wed 9 Dec, 14:00–14:30',
    ]);
    expect(booking[0]?.data).toEqual({
      tenantId: 't-1',
      meetingId: 'm-1',
      occurrenceStart: '2026-11-23T19:00:00.000Z',
      newStart: '2026-12-07T19:00:00.000Z',
      newEnd: '2026-12-07T19:30:00.000Z',
      verb: 'book-next',
    });
    expect(links(card)).toContainEqual({ title: 'Open in Confer', url: 'http://localhost:3978/#/meetings/m-1' });
    expect(card.refresh?.action.data).toMatchObject({ card: 'follow-up', meetingId: 'm-1', verb: 'refresh' });
  });

  it('for the attendee, names the organizer and shows times in their own zone', () => {
    const card = buildFollowUpCard(attendeeFollowUpView(), text, context);
    expect(texts(card)).toContain('You met Alex Wilber for 42 minutes.');
    expect(executes(card).find((action) => action.verb === 'book-next')?.title).toBe('Mon 7 Dec, 11:00–11:30');
  });

  it('a note (multiline, shared or not) and an action (title, optional due date) each have their own form', () => {
    const card = buildFollowUpCard(followUpView({ notes: 1, actions: 2 }), text, context);
    expect(texts(card)).toContain('So far: 1 note, 2 actions.');
    expect(inputs(card)).toEqual([
      expect.objectContaining({ type: 'Input.Text', id: 'note', isMultiline: true, maxLength: 20_000 }),
      expect.objectContaining({ type: 'Input.Toggle', id: 'noteShared', title: 'Share with the others' }),
      expect.objectContaining({ type: 'Input.Text', id: 'actionTitle', maxLength: 500, isRequired: true }),
      expect.objectContaining({ type: 'Input.Date', id: 'actionDue', min: '2026-11-23' }),
    ]);
    const note = executes(card).find((action) => action.verb === 'add-note');
    expect(note?.data).toMatchObject({ meetingId: 'm-1', occurrenceStart: '2026-11-23T19:00:00.000Z' });
    expect(executes(card).map((action) => action.verb)).toContain('add-action');
  });

  it('partly attended: who did not join', () => {
    const view = followUpView({
      meeting: withAdele,
      state: 'partly_attended',
      participants: [...followUpView().participants, adele],
    });
    expect(texts(buildFollowUpCard(view, text, context))).toEqual(
      expect.arrayContaining(['You met Megan Bowen for 42 minutes.', "Adele Vance didn't join."]),
    );
  });

  it('held in person (no record of who joined): everyone else invited, without a length', () => {
    const participants = followUpView().participants.map((p) => ({ ...p, joined: false, minutesPresent: 0 }));
    const view = followUpView({ online: false, participants });
    expect(texts(buildFollowUpCard(view, text, context))).toContain('You met Megan Bowen.');
  });

  it('without times: says so and links to the scheduler with the same people; past times are not offered', () => {
    const past = [{ start: new Date('2026-11-23T19:45:00Z'), end: new Date('2026-11-23T20:15:00Z') }];
    for (const slots of [[], past]) {
      const card = buildFollowUpCard(followUpView({ slots }), text, context);
      expect(texts(card)).toContain('Confer found no time that suits everyone in the next two weeks.');
      expect(executes(card).filter((action) => action.verb === 'book-next')).toEqual([]);
      expect(links(card)).toContainEqual({
        title: 'Pick a time in Confer',
        url: 'http://localhost:3978/#/schedule?with=meganb%40contoso.onmicrosoft.com',
      });
    }
  });

  it('names come out as typed, never as markdown', () => {
    const evil = '[Re-authenticate](https://evil.example/login)';
    const participants = followUpView().participants.map((p) => (p.role === 'attendee' ? { ...p, name: evil } : p));
    const all = JSON.stringify(buildFollowUpCard(followUpView({ participants }), text, context));
    expect(all).not.toContain(evil);
    expect(all).toContain('\\\\[Re-authenticate\\\\]');
  });
});

describe('the no-show card', () => {
  it('says who did not join and offers to book it again, soonest first', () => {
    const participants = followUpView().participants.map((p) =>
      p.role === 'attendee' ? { ...p, joined: false, minutesPresent: 0 } : p,
    );
    const card = buildNoShowCard(followUpView({ state: 'no_show', participants }), text, context);
    expect(texts(card)).toEqual(
      expect.arrayContaining([`"Mentoring: Megan and Alex" didn't take place`, "Megan Bowen didn't join."]),
    );
    expect(executes(card).map((action) => action.verb)).toEqual(['book-next', 'book-next', 'book-next']);
    expect(links(card)).toEqual([{ title: 'Open in Confer', url: 'http://localhost:3978/#/meetings/m-1' }]);
  });

  it('nobody joined', () => {
    const participants = followUpView().participants.map((p) => ({ ...p, joined: false, minutesPresent: 0 }));
    const card = buildNoShowCard(followUpView({ state: 'no_show', participants }), text, context);
    expect(texts(card)).toContain('Nobody joined.');
  });
});

describe('"was it held?"', () => {
  it('asks the organizer, one click each way', () => {
    const card = buildHeldQuestionCard(followUpView({ state: 'pending', online: false }), text, context);
    expect(texts(card)).toContain('Did "Mentoring: Megan and Alex" take place?');
    expect(executes(card).map((action) => [action.title, action.data.held])).toEqual([
      ['Yes, we met', 'yes'],
      ["No, it didn't happen", 'no'],
    ]);
    expect(executes(card)[0]?.data).toMatchObject({ verb: 'mark-held', occurrenceStart: '2026-11-23T19:00:00.000Z' });
  });
});

describe('the nudge card', () => {
  it('when they last met, the rhythm, three times, another time in the tab, and a way to stop', () => {
    const card = buildNudgeCard(nudgeView(), text, context);
    expect(texts(card)).toEqual([
      'Time to meet Alex Wilber again?',
      'You and Alex Wilber last met on Mon, 9 Nov 2026 — you meet every 2 weeks.',
      'Mentoring session, 30 minutes, when you are both free (your time):',
    ]);
    expect(executes(card).map((action) => [action.verb, action.title])).toEqual([
      ['book-pair', 'Mon 7 Dec, 11:00–11:30'],
      ['book-pair', 'Tue 8 Dec, 11:00–11:30'],
      ['book-pair', 'Wed 9 Dec, 11:00–11:30'],
      ['nudges-off', 'Stop these reminders'],
    ]);
    expect(executes(card)[0]?.data).toEqual({
      tenantId: 't-1',
      partnerId: 'alex',
      newStart: '2026-12-07T19:00:00.000Z',
      newEnd: '2026-12-07T19:30:00.000Z',
      verb: 'book-pair',
    });
    expect(links(card)).toEqual([
      { title: 'Pick another time', url: 'http://localhost:3978/#/schedule?with=alexw%40contoso.onmicrosoft.com' },
    ]);
    expect(card.refresh?.action.data).toMatchObject({ card: 'nudge', partnerId: 'alex' });
  });

  it.each([
    ['booked since', { booked: true }, 'You and Alex Wilber have a meeting booked.'],
    ['reminders off', { nudgesOn: false }, 'Reminders to meet again are off.'],
  ])('%s: says so and offers nothing', (_case, change, said) => {
    const card = buildNudgeCard(nudgeView(change), text, context);
    expect(texts(card)).toContain(said);
    expect(executes(card)).toEqual([]);
  });

  it('after stopping: where to turn them back on', () => {
    const card = buildNudgesOffCard(text, context.tabUrl);
    expect(texts(card)).toEqual([
      "You won't get reminders to meet again any more.",
      'To turn them back on, open Confer settings.',
    ]);
    expect(links(card)).toEqual([{ title: 'Open Confer settings', url: 'http://localhost:3978/#/settings' }]);
  });
});

describe('durations and rhythms in words', () => {
  it.each([
    [1, 'every day'],
    [7, 'every week'],
    [14, 'every 2 weeks'],
    [10, 'every 10 days'],
    [30, 'every 30 days'],
  ])('%i days: %s', (days, words) => {
    expect(text.every(days)).toBe(words);
  });

  it.each([
    [1, '1 minute'],
    [42, '42 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [120, '2 hours'],
  ])('%i minutes: %s', (minutes, words) => {
    expect(text.duration(minutes)).toBe(words);
  });

  it('lists names for a sentence', () => {
    expect(text.list(['Megan'])).toBe('Megan');
    expect(text.list(['Megan', 'Adele'])).toBe('Megan and Adele');
    expect(text.list(['Megan', 'Adele', 'Alex'])).toBe('Megan, Adele and Alex');
  });
});
