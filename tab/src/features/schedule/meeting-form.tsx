import { LIMITS } from '@confer/contracts';
import {
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  SpinButton,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import { RECURRENCE_LABELS } from '../../lib/meeting-format.ts';
import { DURATIONS, type MeetingDetails, type MeetingTypeView } from './meeting-details.ts';
import type { Recurrence } from './schedule-api.ts';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
  },
  wide: { gridColumn: '1 / -1' },
});

export interface MeetingFormProps {
  readonly details: MeetingDetails;
  readonly types: readonly MeetingTypeView[] | null;
  readonly titlePlaceholder: string;
  onType(typeId: string | null): void;
  onChange(details: MeetingDetails): void;
}

const recurrenceNames: Record<string, string> = { none: 'schedule.form.noRepeat', ...RECURRENCE_LABELS };

/** Type, title, length, repetition, place and agenda. */
export function MeetingForm({ details, types, titlePlaceholder, onType, onChange }: MeetingFormProps) {
  const styles = useStyles();
  const { t } = useT();
  const set = (patch: Partial<MeetingDetails>) => onChange({ ...details, ...patch });
  const durations: number[] = [...DURATIONS];
  if (!durations.includes(details.durationMinutes)) durations.push(details.durationMinutes);
  durations.sort((a, b) => a - b);
  return (
    <div className={styles.grid}>
      <Field label={t('schedule.form.type')} hint={types === null ? t('schedule.form.loadingTypes') : undefined}>
        <Select value={details.typeId ?? ''} onChange={(_, data) => onType(data.value || null)}>
          <option value="">{t('schedule.form.noType')}</option>
          {(types ?? []).map((type) => (
            <option key={type.id} value={type.id}>
              {t('schedule.form.typeOption', { name: type.name, minutes: type.durationMinutes })}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('schedule.form.title')}
        required
        validationMessage={details.titleEdited && !details.title.trim() ? t('schedule.form.titleMissing') : undefined}
      >
        <Input
          value={details.titleEdited ? details.title : titlePlaceholder}
          maxLength={LIMITS.maxTitle}
          onChange={(_, data) => set({ title: data.value, titleEdited: true })}
        />
      </Field>
      <Field label={t('schedule.form.length')}>
        <Select
          value={String(details.durationMinutes)}
          onChange={(_, data) => set({ durationMinutes: Number(data.value) })}
        >
          {durations.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes < 60
                ? t('schedule.form.minutes', { count: minutes })
                : t('schedule.form.hours', { count: minutes / 60 })}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('schedule.form.repeats')}>
        <Select
          value={details.recurrence?.kind ?? 'none'}
          onChange={(_, data) =>
            set({
              recurrence:
                data.value === 'none'
                  ? null
                  : { kind: data.value as Recurrence['kind'], count: details.recurrence?.count ?? 6 },
            })
          }
        >
          {Object.entries(recurrenceNames).map(([value, name]) => (
            <option key={value} value={value}>
              {t(name)}
            </option>
          ))}
        </Select>
      </Field>
      {details.recurrence && (
        <Field
          label={t('schedule.form.count')}
          hint={t('schedule.form.countHint', { min: 2, max: LIMITS.maxSeriesOccurrences })}
        >
          <SpinButton
            value={details.recurrence.count}
            min={2}
            max={LIMITS.maxSeriesOccurrences}
            onChange={(_, data) => {
              const count = data.value ?? Number(data.displayValue);
              if (details.recurrence && Number.isInteger(count) && count >= 2 && count <= LIMITS.maxSeriesOccurrences) {
                set({ recurrence: { ...details.recurrence, count } });
              }
            }}
          />
        </Field>
      )}
      <Field label={t('schedule.form.where')}>
        <RadioGroup
          layout="horizontal"
          value={details.online ? 'teams' : 'place'}
          onChange={(_, data) => set({ online: data.value === 'teams' })}
        >
          <Radio value="teams" label={t('schedule.form.teams')} />
          <Radio value="place" label={t('schedule.form.inPerson')} />
        </RadioGroup>
      </Field>
      {!details.online && (
        <Field label={t('schedule.form.place')} required>
          <Input
            value={details.location}
            maxLength={LIMITS.maxLocation}
            onChange={(_, data) => set({ location: data.value })}
          />
        </Field>
      )}
      <Field label={t('schedule.form.agenda')} className={styles.wide} hint={t('schedule.form.agendaHint')}>
        <Textarea
          value={details.agenda}
          resize="vertical"
          rows={4}
          maxLength={LIMITS.maxAgenda}
          onChange={(_, data) => set({ agenda: data.value })}
        />
      </Field>
    </div>
  );
}
