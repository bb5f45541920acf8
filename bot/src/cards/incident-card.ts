import type { BotText } from '../text.ts';
import { type AdaptiveCard, type CardElement, createCard } from './adaptive-card.ts';

export interface IncidentCardInput {
  notice: 'opened' | 'reminder' | 'resolved';
  title: string;
  summary: string;
  advice: string;
  affected: number;
  openedAt: Date;
  resolvedAt: Date | null;
  /** The admin center's incidents page in the tab. */
  pageUrl: string;
}

/**
 * What an integration owner gets about an incident of the Outlook integration: what is wrong, what to do, and the
 * admin center's incidents page. A resolved notice says it is over and drops the advice.
 */
export function buildIncidentCard(input: IncidentCardInput, text: BotText): AdaptiveCard {
  const open = input.notice !== 'resolved';
  const { incident } = text;
  // An owner may be anywhere; the card names UTC rather than guess their zone (the tab shows local times).
  const facts = [
    { title: incident.openSince, value: incident.at(input.openedAt) },
    ...(input.resolvedAt
      ? [{ title: incident.resolved, value: incident.at(input.resolvedAt) }]
      : [{ title: incident.affected, value: text.number(input.affected) }]),
  ];
  const body: CardElement[] = [
    {
      type: 'Container',
      style: open ? 'attention' : 'good',
      items: [{ type: 'TextBlock', text: input.title, wrap: true, size: 'Medium', weight: 'Bolder' }],
    },
    { type: 'TextBlock', text: input.summary, wrap: true },
    ...(open ? [{ type: 'TextBlock' as const, text: incident.whatToDo(input.advice), wrap: true }] : []),
    { type: 'FactSet', facts },
  ];
  return createCard(text, body, [{ type: 'Action.OpenUrl', title: incident.openIncidents, url: input.pageUrl }]);
}

/** The tab's admin page for incidents (the tab routes by hash, like the settings link of connection cards). */
export function incidentsPageUrl(tabUrl: string): string {
  return `${tabUrl.replace(/\/+$/, '')}/#/admin/incidents`;
}
