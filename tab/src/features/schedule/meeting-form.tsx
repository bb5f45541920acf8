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

const recurrenceNames: Record<string, string> = { none: 'Does not repeat', ...RECURRENCE_LABELS };

/** Type, title, length, repetition, place and agenda. */
export function MeetingForm({ details, types, titlePlaceholder, onType, onChange }: MeetingFormProps) {
  const styles = useStyles();
  const set = (patch: Partial<MeetingDetails>) => onChange({ ...details, ...patch });
  const durations: number[] = [...DURATIONS];
  if (!durations.includes(details.durationMinutes)) durations.push(details.durationMinutes);
  durations.sort((a, b) => a - b);
  return (
    <div className={styles.grid}>
      <Field label="Meeting type" hint={types === null ? 'Loading meeting types…' : undefined}>
        <Select value={details.typeId ?? ''} onChange={(_, data) => onType(data.value || null)}>
          <option value="">No particular type</option>
          {(types ?? []).map((type) => (
            <option key={type.id} value={type.id}>
              {type.name} ({type.durationMinutes} min)
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Title"
        required
        validationMessage={details.titleEdited && !details.title.trim() ? 'Give the meeting a title.' : undefined}
      >
        <Input
          value={details.titleEdited ? details.title : titlePlaceholder}
          maxLength={LIMITS.maxTitle}
          onChange={(_, data) => set({ title: data.value, titleEdited: true })}
        />
      </Field>
      <Field label="Length">
        <Select
          value={String(details.durationMinutes)}
          onChange={(_, data) => set({ durationMinutes: Number(data.value) })}
        >
          {durations.map((minutes) => (
            <option key={minutes} value={minutes}>
              {minutes < 60 ? `${minutes} minutes` : `${minutes / 60} hour${minutes === 60 ? '' : 's'}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Repeats">
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
              {name}
            </option>
          ))}
        </Select>
      </Field>
      {details.recurrence && (
        <Field
          label="Number of meetings"
          hint={`2 to ${LIMITS.maxSeriesOccurrences}; every one is checked for clashes.`}
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
      <Field label="Where">
        <RadioGroup
          layout="horizontal"
          value={details.online ? 'teams' : 'place'}
          onChange={(_, data) => set({ online: data.value === 'teams' })}
        >
          <Radio value="teams" label="Teams meeting" />
          <Radio value="place" label="In person" />
        </RadioGroup>
      </Field>
      {!details.online && (
        <Field label="Place" required>
          <Input
            value={details.location}
            maxLength={LIMITS.maxLocation}
            onChange={(_, data) => set({ location: data.value })}
          />
        </Field>
      )}
      <Field label="Agenda" className={styles.wide} hint="Sent with the invitation.">
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
