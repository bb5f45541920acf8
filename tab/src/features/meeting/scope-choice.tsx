import { Radio, RadioGroup } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import { ChoiceGroup } from '../../ui/choice-group.tsx';

export type Scope = 'occurrence' | 'series';

/** For a series: does the change apply to the chosen occurrence or to every one? */
export function ScopeChoice({
  value,
  onChange,
  occurrenceText,
  verb,
}: {
  value: Scope;
  onChange: (scope: Scope) => void;
  occurrenceText: string;
  verb: 'cancel' | 'move';
}) {
  const { t } = useT();
  const question = verb === 'cancel' ? t('meeting.scope.cancel') : t('meeting.scope.move');
  return (
    <ChoiceGroup legend={question}>
      <RadioGroup
        value={value}
        onChange={(_, data) => onChange(data.value === 'series' ? 'series' : 'occurrence')}
        aria-label={question}
      >
        <Radio value="occurrence" label={t('meeting.scope.occurrence', { when: occurrenceText })} />
        <Radio value="series" label={t('meeting.scope.series')} />
      </RadioGroup>
    </ChoiceGroup>
  );
}
