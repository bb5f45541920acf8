import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { setTypeCadence } from '../../lib/follow-through-api.ts';
import { listMeetingTypes, type MeetingTypeDto } from '../../lib/me-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { RhythmPicker } from '../../ui/rhythm-picker.tsx';
import { AsyncList } from '../shell/async-list.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * How often people are expected to meet for each meeting type: Confer reminds a pair who go longer without
 * meeting (each person may turn reminders off, and a pair may choose its own rhythm).
 */
export function MeetingRhythmCard() {
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const request = useRequest('admin-meeting-types', () => listMeetingTypes(api));
  const save = async (type: MeetingTypeDto, days: number | null) => {
    const saved = await setTypeCadence(api, type.id, days);
    const cadenceDays = saved.cadenceDays === undefined ? days : saved.cadenceDays;
    request.set((request.data ?? []).map((one) => (one.id === type.id ? { ...one, ...saved, cadenceDays } : one)));
  };
  return (
    <CardFrame
      id="meeting-rhythm"
      title={t('admin.rhythm.title')}
      description={t('admin.rhythm.description')}
      testId="meeting-rhythm"
    >
      <AsyncList
        request={request}
        failedTitle={t('admin.rhythm.failed')}
        loading={{ label: t('admin.rhythm.loading'), rows: [32, 32, 32], minHeight: '120px' }}
        empty={<Text className={styles.note}>{t('admin.rhythm.none')}</Text>}
      >
        {(types) => (
          <>
            {types.some((type) => type.cadenceDays === undefined) && (
              <Text size={200} className={styles.note}>
                {t('admin.rhythm.unknown')}
              </Text>
            )}
            <ul className={styles.list}>
              {types.map((type) => (
                <li key={type.id} data-testid="type-rhythm" data-type-id={type.id}>
                  <RhythmPicker
                    label={t('schedule.form.typeOption', { name: type.name, minutes: type.durationMinutes })}
                    days={type.cadenceDays ?? null}
                    noneLabel={t('admin.rhythm.noRhythm')}
                    onSave={(days) => save(type, days)}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </AsyncList>
    </CardFrame>
  );
}
