import { Field, Select } from '@fluentui/react-components';
import type { MeetingFormatters } from '../../lib/meeting-format.ts';
import type { Occurrence } from './series.ts';

/** Which occurrence of a series the page shows: its time, notes and actions, and what "this occurrence" means. */
export function OccurrencePicker({
  occurrences,
  value,
  onChange,
  formatters,
}: {
  occurrences: readonly Occurrence[];
  value: string;
  onChange: (originalStart: string) => void;
  formatters: MeetingFormatters;
}) {
  return (
    <Field label="Occurrence" hint="Notes, actions and changes below apply to the occurrence chosen here.">
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {occurrences.map((o, index) => (
          <option key={o.originalStart} value={o.originalStart}>
            {`${index + 1}. ${formatters.when(o.start, o.end)}${o.cancelled ? ' (cancelled)' : o.moved ? ' (moved)' : ''}`}
          </option>
        ))}
      </Select>
    </Field>
  );
}
