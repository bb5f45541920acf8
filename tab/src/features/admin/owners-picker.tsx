import { ADMIN_LIMITS } from '@confer/contracts';
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
import { useState } from 'react';
import { useT } from '../../i18n/i18n-context.ts';
import type { AuthedApi } from '../../lib/authed-api.ts';
import { usePeopleSearch } from '../schedule/use-people-search.ts';
import type { PeopleNames } from './people-names.ts';

const useStyles = makeStyles({ status: { padding: tokens.spacingHorizontalS } });

export interface OwnersPickerProps {
  readonly api: AuthedApi;
  /** Entra object ids, lower case (as the settings keep them). */
  readonly owners: readonly string[];
  readonly names: PeopleNames;
  onChange(owners: string[]): void;
}

/** Integration owners, picked from the directory (the schedule page's people search); stored as object ids. */
export function OwnersPicker({ api, owners, names, onChange }: OwnersPickerProps) {
  const styles = useStyles();
  const { t } = useT();
  const [query, setQuery] = useState('');
  const search = usePeopleSearch(api, query);
  const chosen = new Set(owners);
  const options =
    search.status === 'found'
      ? search.people.flatMap((p) =>
          p.userId && !chosen.has(p.userId.toLowerCase()) ? [{ id: p.userId.toLowerCase(), person: p }] : [],
        )
      : [];
  const full = owners.length >= ADMIN_LIMITS.maxOwners;
  const onOptionSelect: TagPickerProps['onOptionSelect'] = (_, data) => {
    const keep = owners.filter((id) => data.selectedOptions.includes(id));
    const added = options.find((o) => o.id === data.value && data.selectedOptions.includes(o.id));
    if (added && keep.length < ADMIN_LIMITS.maxOwners) {
      names.remember(added.id, added.person.displayName);
      keep.push(added.id);
    }
    onChange(keep);
    setQuery('');
  };
  return (
    <Field
      label={t('admin.owners.label')}
      hint={full ? t('admin.owners.full', { max: ADMIN_LIMITS.maxOwners }) : t('admin.owners.hint')}
    >
      <TagPicker onOptionSelect={onOptionSelect} selectedOptions={[...owners]}>
        <TagPickerControl>
          <TagPickerGroup aria-label={t('admin.owners.chosen')}>
            {owners.map((id) => (
              <Tag
                key={id}
                value={id}
                shape="rounded"
                dismissible
                aria-label={t('schedule.people.remove', { name: names.nameOf(id) })}
              >
                {names.nameOf(id)}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            aria-label={t('admin.owners.add')}
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
            <Text className={styles.status}>{t('admin.owners.noMatch', { text: search.text })}</Text>
          )}
          {options.map(({ id, person }) => (
            <TagPickerOption
              key={id}
              value={id}
              text={person.displayName}
              secondaryContent={person.email}
              media={<Avatar name={person.displayName} color="colorful" aria-hidden />}
            >
              {person.displayName}
            </TagPickerOption>
          ))}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
