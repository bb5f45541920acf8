import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { botTranslator } from '../i18n/catalogues.ts';
import { buildGuestPickedCard } from './guest-picked-card.ts';
import { buildGuestProposedCard } from './guest-proposed-card.ts';
import { organizerView } from './meeting-view.fixture.ts';

const proposed = { start: new Date('2026-11-26T16:00:00Z'), end: new Date('2026-11-26T16:30:00Z') };
const answer = { guestName: 'Sam [Fabrikam](https://evil.example)', slot: proposed, message: 'Later *please*' };
const before = { tenantId: 't-1', now: new Date('2026-11-20T09:00:00Z') };
type Card = { rtl?: boolean; body: { text: string }[]; actions: { title: string; verb?: string; url?: string }[] };

describe('guest answer cards', () => {
  it.each(['en', 'de', 'fr', 'es', 'ja', 'ar'])('are clean Adaptive Cards in %s', (language) => {
    const t = botTranslator(language);
    const picked = buildGuestPickedCard(organizerView(), answer, t);
    const asked = buildGuestProposedCard(organizerView(), answer, t, before);
    expect(adaptiveCardProblems(picked)).toEqual([]);
    expect(adaptiveCardProblems(asked)).toEqual([]);
    expect((asked as Card).rtl).toBe(language === 'ar' ? true : undefined);
  });

  it('offers Accept (the reschedule action, to the proposed time) and Pick another time while the proposal stands', () => {
    const card = buildGuestProposedCard(organizerView(), answer, botTranslator('en-GB'), before) as Card;
    expect(card.actions.map((a) => a.title)).toEqual(['Accept', 'Pick another time']);
    expect(card.actions[0]).toMatchObject({
      verb: 'reschedule',
      data: { newStart: proposed.start.toISOString(), newEnd: proposed.end.toISOString(), meetingId: 'm-1' },
    });
    const text = card.body.map((b) => b.text).join('\n');
    // The guest's name and note are shown as text, never as links or markup.
    expect(text).toContain('Sam \\[Fabrikam\\](https://evil.example)');
    expect(text).toContain('Their note: Later \\*please\\*');
  });

  it('drops Accept once the proposed time has passed or the meeting is cancelled; a series is moved from the tab', () => {
    const t = botTranslator('en');
    const late = { ...before, now: new Date('2026-11-27T09:00:00Z') };
    const passed = buildGuestProposedCard(organizerView(), answer, t, late) as Card;
    expect(passed.actions.map((a) => a.title)).toEqual(['Pick another time']);
    expect(passed.body.map((b) => b.text)).toContain(t.t('guest.proposed.gone'));
    const cancelled = buildGuestProposedCard(organizerView({ status: 'cancelled' }), answer, t, before) as Card;
    expect(cancelled.actions.map((a) => a.title)).toEqual(['Pick another time']);
    const series = buildGuestProposedCard(organizerView({ recurring: true }), answer, t, before) as Card;
    expect(series.actions.map((a) => a.title)).toEqual(['Pick another time']);
    expect(series.body.map((b) => b.text)).not.toContain(t.t('guest.proposed.gone'));
  });

  it('tells the organizer the new time in their zone and language', () => {
    const card = buildGuestPickedCard(organizerView(), answer, botTranslator('de-DE')) as Card;
    const text = card.body.map((b) => b.text).join('\n');
    expect(text).toContain('hat eine Zeit für Mentoring: Megan and Alex gewählt');
    expect(text).toMatch(/Neue Zeit: Donnerstag, 26\. November/);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'In Confer öffnen', url: organizerView().webUrl }]);
  });
});
