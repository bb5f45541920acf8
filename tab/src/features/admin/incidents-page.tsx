import type { IncidentDto, IncidentNoticeDto } from '@confer/contracts';
import type { Translator } from '@confer/contracts/i18n';
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
  consent_revoked: 'admin.incidents.kind.consentRevoked',
  secret_expiring: 'admin.incidents.kind.secretExpiring',
  subscription_failures: 'admin.incidents.kind.subscriptionFailures',
  delivery_failures: 'admin.incidents.kind.deliveryFailures',
  access_test_failures: 'admin.incidents.kind.accessTestFailures',
};

const noticeWords: Record<IncidentNoticeDto['kind'], string> = {
  opened: 'admin.incidents.notice.opened',
  reminder: 'admin.incidents.notice.reminder',
  resolved: 'admin.incidents.notice.resolved',
};

const cardWords: Record<IncidentNoticeDto['card'], string> = {
  planned: 'admin.incidents.card.planned',
  queued: 'admin.incidents.card.queued',
  unreachable: 'admin.incidents.card.unreachable',
};

function emailText({ t }: Translator, notice: IncidentNoticeDto): string {
  if (notice.email === 'sent') return t('admin.incidents.email.sent');
  if (notice.email === 'not_configured') return t('admin.incidents.email.notConfigured');
  return notice.emailError
    ? t('admin.incidents.email.failedWhy', { reason: notice.emailError })
    : t('admin.incidents.email.failed');
}

/** `#/admin/incidents`: what is wrong now and what was, with what to do and when owners were told. */
export function IncidentsPage() {
  const { t } = useT();
  return (
    <>
      <IncidentList state="open" title={t('admin.incidents.open')} empty={t('admin.incidents.openNone')} />
      <IncidentList state="resolved" title={t('admin.incidents.past')} empty={t('admin.incidents.pastNone')} />
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
      {!request.data && request.state.status === 'loading' && (
        <PageSkeleton label={t('admin.incidents.loading', { title })} compact />
      )}
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
  const i18n = useT();
  const { t } = i18n;
  const dates = [
    t('admin.incidents.opened', { when: format.stamp(incident.openedAt) }),
    t('admin.incidents.lastSeen', { when: format.stamp(incident.lastSeenAt) }),
    incident.remindedAt ? t('admin.incidents.reminded', { when: format.stamp(incident.remindedAt) }) : null,
    incident.resolvedAt ? t('admin.incidents.resolved', { when: format.stamp(incident.resolvedAt) }) : null,
  ].filter((part) => part !== null);
  return (
    <li className={styles.item} data-testid="incident">
      <Text as="h3" size={400} weight="semibold" className={styles.title}>
        {incident.summary}
        <Badge appearance="tint" color={incident.state === 'open' ? 'danger' : 'success'}>
          {t(kindWords[incident.kind])}
        </Badge>
      </Text>
      <Text>
        <Text weight="semibold">{t('admin.incidents.whatToDo')} </Text>
        {incident.advice}
      </Text>
      <Text size={200} className={styles.muted}>
        {t('admin.incidents.affected', { count: incident.affected, dates: dates.join(', ') })}
      </Text>
      {incident.notices && incident.notices.length > 0 && (
        <ul className={styles.notices} aria-label={t('admin.incidents.ownersTold')}>
          {incident.notices.map((notice) => (
            <li key={`${notice.ownerId}-${notice.kind}-${notice.at}`} data-testid="incident-notice">
              <Text size={200}>
                {t('admin.incidents.noticeLine', {
                  name: nameOf(notice.ownerId),
                  what: t(noticeWords[notice.kind]),
                  when: format.stamp(notice.at),
                  card: t(cardWords[notice.card]),
                  email: emailText(i18n, notice),
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
