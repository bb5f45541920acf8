// @vitest-environment happy-dom
import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import { beforeAll, describe, expect, it } from 'vitest';
import { botText } from '../i18n/bot-text.ts';
import type { AdaptiveCard } from './adaptive-card.ts';
import { buildChangeNoticeCard } from './change-notice-card.ts';
import { buildInvitationCard } from './invitation-card.ts';
import { beforeTheMeeting, meetingView, organizerView } from './meeting-view.fixture.ts';
import { buildOrganizerCard, buildOrganizerUpdateCard, buildRescheduleCard } from './organizer-cards.ts';
import { plainText } from './plain-text.ts';
import { buildProposalCard } from './proposal-card.ts';
import { buildReminderCard } from './reminder-card.ts';
import { buildScheduleCard } from './schedule-card.ts';
import { buildUpcomingCard } from './upcoming-card.ts';
import { buildWelcomeCard } from './welcome-card.ts';

// The UMD bundle, as in test/parse-adaptive-card.ts: the ESM build's imports do not resolve in Node.
const AdaptiveCards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof import('adaptivecards');

const text = botText('en-GB');
const context = { tenantId: 't-1', now: beforeTheMeeting, refreshUserIds: ['29:megan'] };
const evil = '[Re-authenticate](https://evil.example/login)';
const later = new Date('2026-11-25T19:00:00Z');
const laterEnd = new Date('2026-11-25T19:30:00Z');
const hostile = {
  title: `${evil} **now**`,
  agenda: `- ${evil}\n1. <b>bold</b> &amp; _more_`,
  typeName: `[Type](https://evil.example/t)`,
  location: `[Room](https://evil.example/r)`,
  organizerName: `[Alex](https://evil.example/a)`,
};
const hostileView = (role: 'attendee' | 'organizer') =>
  (role === 'attendee' ? meetingView : organizerView)({
    title: hostile.title,
    outlookSubject: evil,
    agenda: hostile.agenda,
    typeName: hostile.typeName,
    location: hostile.location,
    organizer: { ...meetingView().organizer, name: hostile.organizerName },
    openActions: [{ title: `![pixel](https://evil.example/p.png) ${evil}`, ownerName: evil, dueDate: '2026-11-30' }],
  });

/**
 * Renders a card with the `adaptivecards` renderer and markdown-it (the processor that renderer uses when a
 * host provides none; CommonMark, no raw HTML), as a Teams client would show it.
 */
function render(card: AdaptiveCard): HTMLElement {
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.parse(card);
  const element = parsed.render();
  if (!element) throw new Error('the card did not render');
  return element;
}

beforeAll(() => {
  const markdown = new MarkdownIt();
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (source, result) => {
    result.outputHtml = markdown.render(source);
    result.didProcess = true;
  };
});

const cards: [string, () => AdaptiveCard][] = [
  ['invitation', () => buildInvitationCard(hostileView('attendee'), text, context)],
  ['organizer card', () => buildOrganizerCard(hostileView('organizer'), text, context)],
  [
    'organizer update',
    () =>
      buildOrganizerUpdateCard(hostileView('organizer'), { name: evil, response: 'declined', proposed: null }, text),
  ],
  ['reschedule', () => buildRescheduleCard(hostileView('organizer'), evil, [], text, context)],
  [
    'change notice',
    () =>
      buildChangeNoticeCard(
        hostileView('attendee'),
        { kind: 'rescheduled', previousStart: null, occurrenceStart: null, inOutlook: false },
        text,
        context,
      ),
  ],
  ['reminder', () => buildReminderCard(hostileView('attendee'), null, 15, text, context)],
  [
    'proposed time',
    () =>
      buildProposalCard(
        {
          ...hostileView('organizer'),
          attendees: [{ ...meetingView().attendees[0]!, name: evil, proposed: { start: later, end: laterEnd } }],
        },
        { attendeeEmail: 'meganb@contoso.onmicrosoft.com', slot: { start: later, end: laterEnd } },
        text,
        context,
      ),
  ],
  [
    'schedule',
    () =>
      buildScheduleCard(
        {
          tenantId: 't-1',
          person: { userId: 'x', email: 'x@contoso.example', name: evil },
          durationMinutes: 30,
          slots: [],
          timeZone: 'UTC',
          unreadable: false,
          scheduleUrl: 'http://localhost:3978/#/schedule',
        },
        text,
      ),
  ],
  ['welcome', () => buildWelcomeCard({ userName: evil, tabUrl: 'http://localhost:3978/' }, text)],
];

describe('text people typed shows as itself in every card', () => {
  it.each(cards)('%s: a markdown link in a title or name renders as literal text, no <a>', (_name, build) => {
    const element = render(build());
    expect(element.querySelectorAll('a, img')).toHaveLength(0);
    expect(element.textContent).toContain('[Re-authenticate](https://evil.example/login)');
  });

  it('keeps every character of the title, the agenda and the facts', () => {
    const element = render(buildInvitationCard(hostileView('attendee'), text, context));
    const shown = element.textContent ?? '';
    expect(shown).toContain(hostile.title);
    expect(shown).toContain(`- ${evil}`);
    expect(shown).toContain('1. <b>bold</b> &amp; _more_');
    expect(shown).toContain(hostile.typeName);
    expect(shown).toContain(hostile.location);
    expect(element.querySelectorAll('b, em, ul, ol, li')).toHaveLength(0);
    // The only bold text is Confer's own agenda heading.
    expect([...element.querySelectorAll('strong')].map((strong) => strong.textContent)).toEqual([text.meeting.agenda]);
  });

  it("upcoming: the only link is the meeting's own page, its text the literal title", () => {
    const view = hostileView('attendee');
    const links = render(buildUpcomingCard([view], 'http://localhost:3978/', text)).querySelectorAll('a');
    expect([...links].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([[view.webUrl, hostile.title]]);
  });

  it('the card text itself would be read as a link without the escaping (the renderer is not lenient)', () => {
    const raw = buildWelcomeCard({ userName: null, tabUrl: 'x' }, text);
    const unsafe = { ...raw, body: [{ type: 'TextBlock' as const, text: evil, wrap: true }] };
    expect(render(unsafe).querySelectorAll('a')).toHaveLength(1);
    const safe = { ...raw, body: [{ type: 'TextBlock' as const, text: plainText(evil), wrap: true }] };
    expect(render(safe).querySelectorAll('a')).toHaveLength(0);
  });
});

describe('plainText', () => {
  it.each([
    ['Mentoring: Megan and Alex', 'Mentoring: Megan and Alex'],
    [evil, '\\[Re-authenticate\\](https://evil.example/login)'],
    ['**bold** _it_ ~x~ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\~x\\~ \\`code\\`'],
    ['- item', '\\- item'],
    ['# heading', '\\# heading'],
    ['12. numbered', '12\\. numbered'],
    ['a\\b <i> &amp; | c', 'a\\\\b \\<i\\> \\&amp; \\| c'],
    ['two\nlines', 'two lines'],
    ['1:1 check-in. Q4 + goals', '1:1 check-in. Q4 + goals'],
  ])('%j → %j', (input, output) => {
    expect(plainText(input)).toBe(output);
  });
});
