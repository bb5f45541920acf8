import { ErrorCodes, type TogetherResponse } from '@confer/contracts';
import { Badge, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { hrefOf } from '../../app/routes.ts';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { getTogether, setPairRhythm } from '../../lib/follow-through-api.ts';
import { agoText, averageGapText, typeRhythmLabel } from '../../lib/follow-through-format.ts';
import type { MeetingTypeDto } from '../../lib/me-api.ts';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { RhythmPicker } from '../../ui/rhythm-picker.tsx';
import { RequestError } from '../shell/request-error.tsx';
import { meetingsText } from './together-model.ts';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
  due: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  none: { color: tokens.colorNeutralForeground2 },
});

export interface TogetherSectionProps {
  readonly partner: { readonly userId: string; readonly displayName: string };
  readonly formatters: MeetingFormatters;
  /** The meeting types, for the rhythm of the pair's type (absent while they load). */
  readonly types: readonly MeetingTypeDto[] | null;
  /** Any change made on the page: the history is read again. */
  readonly revision: string;
}

/**
 * The viewer's history with the one other person of this meeting: how many meetings were held and missed, how
 * often they meet, the next one, and how often they mean to meet (which either of them may change). Nothing is
 * shown before they have a meeting behind them.
 */
export function TogetherSection({ partner, formatters, types, revision }: TogetherSectionProps) {
  const styles = useStyles();
  const { api, locale, timeZone } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const request = useRequest(`together:${partner.userId}:${revision}`, () => getTogether(api, partner.userId));
  const title = t('meeting.together.title', { name: partner.displayName });
  const together = request.data;
  if (request.state.status === 'error' && !together) {
    // No meeting behind them yet: nothing to tell.
    if (request.state.error.code === ErrorCodes.not_found) return null;
    return (
      <CardFrame id="together" title={title} testId="together">
        <RequestError error={request.state.error} onRetry={request.reload} failedTitle={t('meeting.together.failed')} />
      </CardFrame>
    );
  }
  if (!together) return null;
  const now = new Date();
  const cadence = together.cadence;
  const typeDays = cadence?.typeId ? types?.find((type) => type.id === cadence.typeId)?.cadenceDays : undefined;
  const saveRhythm = async (days: number | null) => {
    const pair = await setPairRhythm(api, partner.userId, days);
    request.set({ ...together, cadence: pair } satisfies TogetherResponse);
  };
  const book = hrefOf({
    page: 'schedule',
    with: [together.partner.email],
    ...(cadence?.typeId ? { type: cadence.typeId } : {}),
  });
  return (
    <CardFrame id="together" title={title} testId="together">
      <dl className={styles.facts}>
        <dt className={styles.term}>{t('common.attendance.held')}</dt>
        <dd className={styles.value} data-testid="together-held">
          {meetingsText(i18n, together.held + together.partlyAttended)}
          {together.partlyAttended > 0 && t('meeting.together.partly', { count: together.partlyAttended })}
        </dd>
        <dt className={styles.term}>{t('meeting.together.missed')}</dt>
        <dd className={styles.value} data-testid="together-missed">
          {meetingsText(i18n, together.missed)}
        </dd>
        {together.unknown > 0 && (
          <>
            <dt className={styles.term}>{t('meeting.together.notKnown')}</dt>
            <dd className={styles.value}>{meetingsText(i18n, together.unknown)}</dd>
          </>
        )}
        <dt className={styles.term}>{t('meeting.together.howOften')}</dt>
        <dd className={styles.value} data-testid="together-gap">
          {together.averageGapDays === null
            ? t('meeting.together.notEnough')
            : averageGapText(i18n, together.averageGapDays)}
        </dd>
        <dt className={styles.term}>{t('meeting.together.lastMet')}</dt>
        <dd className={styles.value}>
          {together.lastHeldAt ? (
            <>
              <time dateTime={together.lastHeldAt}>{formatters.longDate(together.lastHeldAt)}</time>{' '}
              {t('meeting.together.ago', { ago: agoText(together.lastHeldAt, now, locale, timeZone) })}
            </>
          ) : (
            t('meeting.together.notYet')
          )}
        </dd>
        <dt className={styles.term}>{t('meeting.together.next')}</dt>
        <dd className={styles.value} data-testid="together-next">
          {together.nextMeetingAt ? (
            <time dateTime={together.nextMeetingAt}>{formatters.longDate(together.nextMeetingAt)}</time>
          ) : (
            <>
              {t('meeting.together.noneBooked')}{' '}
              <Link href={book}>{t('meeting.together.bookWith', { name: together.partner.displayName })}</Link>
            </>
          )}
        </dd>
      </dl>
      {cadence ? (
        <>
          <RhythmPicker
            label={t('meeting.together.rhythmLabel', { name: together.partner.displayName })}
            days={cadence.rhythmSource === 'pair' ? cadence.rhythmDays : null}
            noneLabel={typeRhythmLabel(i18n, cadence.typeName, typeDays)}
            onSave={saveRhythm}
          />
          {cadence.dueAt && cadence.status !== 'on_track' && (
            <Text className={styles.due} data-testid="together-due">
              <Badge appearance="tint" shape="rounded" color={cadence.status === 'overdue' ? 'danger' : 'warning'}>
                {cadence.status === 'overdue' ? t('home.due.overdue') : t('home.due.soon')}
              </Badge>
              <span>
                {t('meeting.together.dueAgain')}{' '}
                <time dateTime={cadence.dueAt}>{formatters.longDate(cadence.dueAt)}</time>
              </span>
            </Text>
          )}
        </>
      ) : (
        <Text className={styles.none}>{t('meeting.together.noRhythmYet')}</Text>
      )}
    </CardFrame>
  );
}
