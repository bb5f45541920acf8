import {
  Avatar,
  Field,
  makeStyles,
  Spinner,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  type TagPickerProps,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n-context.ts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import type { Person } from './schedule-api.ts';
import { domainOf, looksLikeEmail, usePeopleSearch } from './use-people-search.ts';

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground3, display: 'block' },
  status: { padding: tokens.spacingHorizontalS },
});

export interface PeoplePickerProps {
  readonly api: AuthedApi;
  readonly people: readonly Person[];
  readonly max: number;
  /** The organizer's own address: its domain is the organisation's (unknown addresses there are mistakes). */
  readonly ownEmail: string | null;
  onChange(people: Person[]): void;
}

/** Directory search with chips; an address outside the organisation can be invited too (no calendar view). */
export function PeoplePicker({ api, people, max, ownEmail, onChange }: PeoplePickerProps) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [query, setQuery] = useState('');
  const search = usePeopleSearch(api, query);
  // The same array while the addresses stay the same (a person's name arriving later changes nothing here): the
  // picker measures its input (a forced layout of the whole page) each time it is handed a new one.
  const emailKey = people.map((p) => p.email).join('\n');
  const selected = useMemo(() => (emailKey ? emailKey.split('\n') : []), [emailKey]);
  const chosen = new Set(people.map((p) => p.email.toLowerCase()));
  const found = search.status === 'found' ? search.people.filter((p) => !chosen.has(p.email.toLowerCase())) : [];
  const typed = query.trim();
  const ownDomain = ownEmail ? domainOf(ownEmail) : null;
  const offerAddress =
    search.status === 'found' &&
    looksLikeEmail(typed) &&
    !chosen.has(typed.toLowerCase()) &&
    !search.people.some((p) => p.email.toLowerCase() === typed.toLowerCase()) &&
    domainOf(typed) !== ownDomain;
  const options: Person[] = [...found, ...(offerAddress ? [{ userId: null, email: typed, displayName: typed }] : [])];
  const full = people.length >= max;

  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    const keep = people.filter((p) => data.selectedOptions.includes(p.email));
    const added = options.find((o) => o.email === data.value && data.selectedOptions.includes(o.email));
    if (added && keep.length < max) keep.push(added);
    onChange(keep);
    setQuery('');
  };
  const externals = people.filter((p) => p.userId === null);

  return (
    <Field
      label={t('schedule.people.label')}
      hint={full ? t('schedule.people.full', { max }) : t('schedule.people.hint')}
    >
      <TagPicker onOptionSelect={onOptionSelect} selectedOptions={selected}>
        <TagPickerControl>
          <TagPickerGroup aria-label={t('schedule.people.invited')}>
            {people.map((person) => (
              <Tag
                key={person.email}
                value={person.email}
                shape="rounded"
                dismissible
                aria-label={t('schedule.people.remove', { name: person.displayName })}
              >
                {person.displayName}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label={t('schedule.people.add')}
            value={query}
            disabled={full}
            onChange={(event) => setQuery(event.target.value)}
          />
        </TagPickerControl>
        <TagPickerList>
          {search.status === 'searching' && (
            <Spinner size="tiny" label={t('schedule.people.searching')} className={styles.status} />
          )}
          {search.status === 'error' && (
            <Text className={styles.status}>{t('schedule.people.searchFailed', { reason: search.message })}</Text>
          )}
          {search.status === 'found' && options.length === 0 && (
            <Text className={styles.status}>
              {looksLikeEmail(typed) && domainOf(typed) === ownDomain
                ? t('schedule.people.noAddress', { address: typed })
                : t('schedule.people.noneFound')}
            </Text>
          )}
          {options.map((option) => (
            <TagPickerOption
              key={option.email}
              value={option.email}
              text={option.displayName}
              secondaryContent={option.userId === null ? t('schedule.people.outside') : option.email}
              media={<Avatar name={option.displayName} color="colorful" aria-hidden />}
            >
              {option.userId === null ? t('schedule.people.invite', { address: option.email }) : option.displayName}
            </TagPickerOption>
          ))}
        </TagPickerList>
      </TagPicker>
      {externals.length > 0 && (
        <Text size={200} className={styles.note} data-testid="external-note">
          {t('schedule.people.externals', {
            count: externals.length,
            addresses: i18n.list(externals.map((p) => p.email)),
          })}
        </Text>
      )}
    </Field>
  );
}
