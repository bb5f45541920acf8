import { cardJson } from '../cards/adaptive-card.ts';
import { buildIncidentCard, incidentsPageUrl } from '../cards/incident-card.ts';
import type { OutboundMessage, RenderedOutbound } from '../ports.ts';
import { payloadInstant, payloadString, type RenderDeps, recipientOf } from './render-deps.ts';

/**
 * An incident notice to an integration owner, from what the API recorded when it planned it (the incident as it
 * then was). A payload missing its words is skipped rather than sent half-empty.
 */
export async function renderIncidentAlert(
  message: OutboundMessage,
  deps: RenderDeps,
): Promise<RenderedOutbound | null> {
  const { payload } = message;
  const notice = payloadString(payload, 'notice');
  const title = payloadString(payload, 'title');
  const summary = payloadString(payload, 'summary');
  const advice = payloadString(payload, 'advice');
  const openedAt = payloadInstant(payload, 'openedAt');
  if (notice !== 'opened' && notice !== 'reminder' && notice !== 'resolved') return null;
  if (!title || !summary || !advice || !openedAt) return null;
  const affected = typeof payload.affected === 'number' ? payload.affected : 0;
  const { text } = await recipientOf(message, deps);
  const card = buildIncidentCard(
    {
      notice,
      title,
      summary,
      advice,
      affected,
      openedAt,
      resolvedAt: payloadInstant(payload, 'resolvedAt') ?? null,
      pageUrl: incidentsPageUrl(deps.tabUrl),
    },
    text,
  );
  return { locale: text.locale.formatLocale, card: cardJson(card), summary: text.incident.summary(title, summary) };
}
