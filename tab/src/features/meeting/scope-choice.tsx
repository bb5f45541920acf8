import { Radio, RadioGroup } from '@fluentui/react-components';
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
  verb: string;
}) {
  return (
    <ChoiceGroup legend={`${verb} which meetings?`}>
      <RadioGroup
        value={value}
        onChange={(_, data) => onChange(data.value === 'series' ? 'series' : 'occurrence')}
        aria-label={`${verb} which meetings?`}
      >
        <Radio value="occurrence" label={`This occurrence (${occurrenceText})`} />
        <Radio value="series" label="The whole series" />
      </RadioGroup>
    </ChoiceGroup>
  );
}
