import { Field, Select } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
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
  const { t } = useT();
  return (
    <Field label={t('meeting.occurrence.label')} hint={t('meeting.occurrence.hint')}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        {occurrences.map((o, index) => (
          <option key={o.originalStart} value={o.originalStart}>
            {t(
              o.cancelled
                ? 'meeting.occurrence.cancelled'
                : o.moved
                  ? 'meeting.occurrence.moved'
                  : 'meeting.occurrence.item',
              {
                n: index + 1,
                when: formatters.when(o.start, o.end),
              },
            )}
          </option>
        ))}
      </Select>
    </Field>
  );
}
