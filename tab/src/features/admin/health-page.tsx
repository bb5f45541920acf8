import type { HealthPersonDto, HealthStatus } from '@confer/contracts';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  SearchBox,
  Select,
  Text,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { ChoiceGroup } from '../../ui/choice-group.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { PageSkeleton } from '../shell/page-skeleton.tsx';
import { getHealthPage, type HealthFilter, healthQuery } from './admin-api.ts';
import { createAdminFormatters } from './admin-format.ts';
import { AdminRequestError } from './admin-request-error.tsx';
import { downloadCsv } from './csv-download.ts';
import { HealthTable } from './health-table.tsx';
import { healthStatuses, statusWords } from './health-words.ts';
import { useDebounced } from './use-debounced.ts';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** `#/admin/health`: everyone Confer knows and the state of their calendar connection, filtered and searched. */
export function HealthPage() {
  const styles = useStyles();
  const { api, locale, timeZone } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const format = createAdminFormatters(locale, timeZone);
  const [status, setStatus] = useState<HealthStatus | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const filter: HealthFilter = { status, q };
  const key = `health${healthQuery(filter)}`;
  const first = useRequest(key, () => getHealthPage(api, filter, null));
  const [more, setMore] = useState<{ key: string; people: HealthPersonDto[]; cursor: string | null } | null>(null);
  const [busy, setBusy] = useState<'more' | 'export' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const page = first.data;
  const extra = more?.key === key ? more : null;
  const people = page ? [...page.people, ...(extra?.people ?? [])] : [];
  const cursor = extra ? extra.cursor : (page?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    setBusy('more');
    setProblem(null);
    try {
      const next = await getHealthPage(api, filter, cursor);
      setMore({ key, people: [...(extra?.people ?? []), ...next.people], cursor: next.nextCursor });
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setBusy(null);
    }
  };
  const exportCsv = async () => {
    setBusy('export');
    setProblem(null);
    try {
      await downloadCsv(api, `/api/admin/health.csv${healthQuery(filter)}`, 'confer-connection-health.csv');
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setBusy(null);
    }
  };
  return (
    <CardFrame id="connection-health" title={t('admin.health.title')} description={t('admin.health.description')}>
      {page && (
        <ChoiceGroup legend={t('admin.health.byStatus')}>
          {healthStatuses.map((value) => (
            <ToggleButton
              key={value}
              size="small"
              shape="circular"
              checked={status === value}
              onClick={() => setStatus(status === value ? null : value)}
              data-testid={`health-count-${value}`}
            >
              {t('admin.health.statusCount', { status: t(statusWords[value]), count: page.counts[value] ?? 0 })}
            </ToggleButton>
          ))}
        </ChoiceGroup>
      )}
      <div className={styles.filters}>
        <Field label={t('admin.health.status')}>
          <Select
            value={status ?? ''}
            onChange={(_, data) => setStatus(data.value === '' ? null : (data.value as HealthStatus))}
          >
            <option value="">{t('admin.health.everyStatus')}</option>
            {healthStatuses.map((value) => (
              <option key={value} value={value}>
                {t(statusWords[value])}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('admin.health.search')}>
          <SearchBox
            value={search}
            placeholder={t('admin.health.searchHint')}
            onChange={(_, data) => setSearch(data.value)}
          />
        </Field>
        <Button icon={<ArrowDownloadRegular />} disabled={busy !== null} onClick={exportCsv}>
          {t('admin.exportCsv')}
        </Button>
      </div>
      {first.state.status === 'error' && (
        <AdminRequestError error={first.state.error} onRetry={first.reload} failedTitle={t('admin.health.failed')} />
      )}
      {!page && first.state.status === 'loading' && <PageSkeleton label={t('admin.health.loading')} compact />}
      {page && (
        <>
          <Text className={styles.muted} role="status" data-testid="health-matching">
            {t('admin.health.matching', { matching: page.matching, total: page.total, shown: people.length })}
          </Text>
          <HealthTable people={people} format={format} />
        </>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {cursor && (
        <CardActions>
          <Button disabled={busy !== null} onClick={loadMore}>
            {t('admin.health.more')}
          </Button>
        </CardActions>
      )}
    </CardFrame>
  );
}
