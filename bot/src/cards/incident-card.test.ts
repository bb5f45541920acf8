import { describe, expect, it } from 'vitest';
import { MemoryConversationStore } from '../../test/memory-conversation-store.ts';
import { adaptiveCardProblems } from '../../test/parse-adaptive-card.ts';
import { botText } from '../i18n/bot-text.ts';
import { renderIncidentAlert } from '../render/render-incident-alert.ts';
import { buildIncidentCard, incidentsPageUrl } from './incident-card.ts';

const input = {
  title: "Confer's consent is missing",
  summary: 'Confer can no longer read calendars.',
  advice: 'Grant admin consent again.',
  affected: 12,
  openedAt: new Date('2026-03-02T09:00:00Z'),
  resolvedAt: null,
  pageUrl: incidentsPageUrl('https://confer.example.com/'),
};

const text = botText('en-GB');

function texts(card: ReturnType<typeof buildIncidentCard>): string {
  return JSON.stringify(card.body);
}

describe('incident card', () => {
  it.each(['opened', 'reminder', 'resolved'] as const)('is a valid Adaptive Card 1.5 (%s)', (notice) => {
    const card = buildIncidentCard(
      { ...input, notice, resolvedAt: notice === 'resolved' ? new Date('2026-03-03T10:30:00Z') : null },
      text,
    );
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open incidents', url: 'https://confer.example.com/#/admin/incidents' },
    ]);
  });

  it('says what to do while open, and when it ended once resolved', () => {
    const open = texts(buildIncidentCard({ ...input, notice: 'opened' }, text));
    expect(open).toContain('**What to do:** Grant admin consent again.');
    expect(open).toContain('2 Mar 2026, 09:00 UTC');
    const resolved = texts(
      buildIncidentCard({ ...input, notice: 'resolved', resolvedAt: new Date('2026-03-03T10:30:00Z') }, text),
    );
    expect(resolved).not.toContain('What to do');
    expect(resolved).toContain('3 Mar 2026, 10:30 UTC');
  });

  it('is rendered from the queued payload, and a payload missing its words is skipped', async () => {
    const deps = {
      tabUrl: 'https://confer.example.com',
      conversations: new MemoryConversationStore(),
      clock: { now: () => input.openedAt },
    } as unknown as Parameters<typeof renderIncidentAlert>[1];
    const message = {
      key: 'incident:i:o:opened',
      tenantId: 't',
      userId: 'o',
      kind: 'incident-alert' as const,
      payload: {
        incidentId: 'i',
        incidentKind: 'consent_revoked',
        notice: 'opened',
        title: input.title,
        summary: input.summary,
        advice: input.advice,
        affected: 12,
        openedAt: input.openedAt.toISOString(),
      },
      notBefore: input.openedAt,
    };
    const rendered = await renderIncidentAlert(message, deps);
    expect(adaptiveCardProblems(rendered?.card)).toEqual([]);
    expect(rendered?.summary).toBe(`${input.title}: ${input.summary}`);
    expect(await renderIncidentAlert({ ...message, payload: { ...message.payload, summary: '' } }, deps)).toBeNull();
    expect(
      await renderIncidentAlert({ ...message, payload: { ...message.payload, notice: 'other' } }, deps),
    ).toBeNull();
  });
});
