import type { AlertMail } from '../../ports/alert-mailer.ts';
import type { Incident, NoticeKind } from '../../ports/incident-store.ts';

const TITLES: Record<Incident['kind'], string> = {
  consent_revoked: "Confer's consent is missing",
  secret_expiring: "Confer's client secret is expiring",
  subscription_failures: 'Outlook changes are not reaching Confer',
  delivery_failures: 'Notifications are failing',
  access_test_failures: 'The access test is failing',
};

/** The title owners see on the card and in the email's subject. */
export function incidentTitle(incident: Pick<Incident, 'kind'>, notice: NoticeKind): string {
  const title = TITLES[incident.kind];
  if (notice === 'resolved') return `Resolved: ${title}`;
  if (notice === 'reminder') return `Still open: ${title}`;
  return title;
}

/** The plain-text email of one notice: what happened, what to do, and where to see it. */
export function incidentEmail(incident: Incident, notice: NoticeKind, pageUrl: string): AlertMail {
  const lines =
    notice === 'resolved'
      ? [
          `This incident is over: Confer saw its cause clear at ${incident.resolvedAt?.toISOString() ?? ''}.`,
          '',
          `It was: ${incident.summary}`,
          `Open since ${incident.openedAt.toISOString()}.`,
        ]
      : [
          incident.summary,
          '',
          `What to do: ${incident.advice}`,
          '',
          `Open since ${incident.openedAt.toISOString()}; people or items affected: ${incident.affected}.`,
          'You get a reminder every 24 hours while it stays open, and a message when it is resolved.',
        ];
  return {
    subject: `Confer: ${incidentTitle(incident, notice)}`,
    body: [
      ...lines,
      '',
      `Incidents in Confer's admin center: ${pageUrl}`,
      '',
      "You get this because you are an integration owner in Confer's admin settings.",
    ].join('\n'),
  };
}
