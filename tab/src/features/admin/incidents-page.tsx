import type { IncidentDto, IncidentNoticeDto } from '@confer/contracts';
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { PageSkeleton } from '../shell/page-skeleton.tsx';
import { listIncidents } from './admin-api.ts';
import { type AdminFormatters, createAdminFormatters } from './admin-format.ts';
import { AdminRequestError } from './admin-request-error.tsx';
import { usePeopleNames } from './people-names.ts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  notices: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
});

const kindWords: Record<IncidentDto['kind'], string> = {
  consent_revoked: 'Consent revoked',
  secret_expiring: 'App secret expiring',
  subscription_failures: 'Outlook subscriptions failing',
  delivery_failures: 'Deliveries failing',
  access_test_failures: 'Access test failures',
};

const noticeWords: Record<IncidentNoticeDto['kind'], string> = {
  opened: 'told',
  reminder: 'reminded',
  resolved: 'told it is resolved',
};

const cardWords: Record<IncidentNoticeDto['card'], string> = {
  planned: 'Teams card being prepared',
  queued: 'Teams card queued for sending',
  unreachable: 'no Teams card (the bot has no chat with them yet)',
};

function emailText(notice: IncidentNoticeDto): string {
  if (notice.email === 'sent') return 'email sent';
  if (notice.email === 'not_configured') return 'no email (no alert mailbox is set up)';
  return `email not sent yet${notice.emailError ? ` (${notice.emailError})` : ''}, tried again on the next pass`;
}

/** `#/admin/incidents`: what is wrong now and what was, with what to do and when owners were told. */
export function IncidentsPage() {
  return (
    <>
      <IncidentList state="open" title="Open incidents" empty="Nothing needs your attention." />
      <IncidentList state="resolved" title="Past incidents" empty="No incident has been resolved yet." />
    </>
  );
}

function IncidentList({ state, title, empty }: { state: 'open' | 'resolved'; title: string; empty: string }) {
  const styles = useStyles();
  const { api, locale, timeZone } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const format = createAdminFormatters(locale, timeZone);
  const request = useRequest(`incidents-${state}`, () => listIncidents(api, state));
  const names = usePeopleNames(
    api,
    (request.data ?? []).flatMap((incident) => (incident.notices ?? []).map((notice) => notice.ownerId)),
  );
  return (
    <CardFrame id={`incidents-${state}`} title={title} testId={`incidents-${state}`}>
      {request.state.status === 'error' && (
        <AdminRequestError
          error={request.state.error}
          onRetry={request.reload}
          failedTitle={t('admin.incidents.failed', { title })}
        />
      )}
      {!request.data && request.state.status === 'loading' && <PageSkeleton label={`Loading ${title}`} compact />}
      {request.data && request.data.length === 0 && <Text className={styles.muted}>{empty}</Text>}
      {request.data && request.data.length > 0 && (
        <ul className={styles.list}>
          {request.data.map((incident) => (
            <IncidentItem key={incident.id} incident={incident} format={format} nameOf={names.nameOf} />
          ))}
        </ul>
      )}
    </CardFrame>
  );
}

function IncidentItem({
  incident,
  format,
  nameOf,
}: {
  incident: IncidentDto;
  format: AdminFormatters;
  nameOf: (id: string) => string;
}) {
  const styles = useStyles();
  const dates = [
    `Opened ${format.stamp(incident.openedAt)}`,
    `last seen ${format.stamp(incident.lastSeenAt)}`,
    incident.remindedAt ? `owners reminded ${format.stamp(incident.remindedAt)}` : null,
    incident.resolvedAt ? `resolved ${format.stamp(incident.resolvedAt)}` : null,
  ].filter((part) => part !== null);
  return (
    <li className={styles.item} data-testid="incident">
      <Text as="h3" size={400} weight="semibold" className={styles.title}>
        {incident.summary}
        <Badge appearance="tint" color={incident.state === 'open' ? 'danger' : 'success'}>
          {kindWords[incident.kind]}
        </Badge>
      </Text>
      <Text>
        <Text weight="semibold">What to do: </Text>
        {incident.advice}
      </Text>
      <Text size={200} className={styles.muted}>
        {incident.affected} affected. {dates.join(', ')}.
      </Text>
      {incident.notices && incident.notices.length > 0 && (
        <ul className={styles.notices} aria-label="Owners told">
          {incident.notices.map((notice) => (
            <li key={`${notice.ownerId}-${notice.kind}-${notice.at}`} data-testid="incident-notice">
              <Text size={200}>
                {nameOf(notice.ownerId)}, {noticeWords[notice.kind]} {format.stamp(notice.at)}: {cardWords[notice.card]}
                ; {emailText(notice)}.
              </Text>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
