import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { type FormEvent, useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { PageSkeleton } from '../shell/page-skeleton.tsx';
import { AUDIT_PAGE, type AuditFilter, auditQuery, listAudit } from './admin-api.ts';
import { createAdminFormatters, dayRange } from './admin-format.ts';
import { AdminRequestError } from './admin-request-error.tsx';
import { AuditTable } from './audit-table.tsx';
import { downloadCsv } from './csv-download.ts';
import { usePeopleNames } from './people-names.ts';

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Draft {
  action: string;
  actor: string;
  from: string;
  to: string;
}

const noFilter: Draft = { action: '', actor: '', from: '', to: '' };

/** `#/admin/audit`: who changed what and who was refused, newest first. Read-only. */
export function AuditPage() {
  const styles = useStyles();
  const { api, locale, timeZone } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const format = createAdminFormatters(locale, timeZone);
  const [draft, setDraft] = useState<Draft>(noFilter);
  const [applied, setApplied] = useState<Draft>(noFilter);
  const filter: AuditFilter = {
    action: applied.action,
    actor: applied.actor,
    ...dayRange(applied.from, applied.to, timeZone),
  };
  const request = useRequest(`audit${auditQuery(filter)}`, () => listAudit(api, filter));
  const names = usePeopleNames(
    api,
    (request.data ?? []).flatMap((entry) => (entry.actorId ? [entry.actorId] : [])),
  );
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };
  const exportCsv = async () => {
    setExporting(true);
    setProblem(null);
    try {
      await downloadCsv(api, `/api/admin/audit.csv${auditQuery(filter, null)}`, 'confer-audit-log.csv');
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setExporting(false);
    }
  };
  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (_: unknown, data: { value: string }) => setDraft((was) => ({ ...was, [name]: data.value })),
  });
  return (
    <CardFrame id="audit-log" title={t('admin.audit.title')} description={t('admin.audit.description')}>
      <form className={styles.filters} onSubmit={apply} aria-label={t('admin.audit.filter')}>
        <Field label={t('admin.audit.action')}>
          <Input placeholder={t('admin.audit.actionExample')} {...field('action')} />
        </Field>
        <Field label={t('admin.audit.who')}>
          <Input {...field('actor')} />
        </Field>
        <Field label={t('admin.audit.from')}>
          <Input type="date" {...field('from')} />
        </Field>
        <Field label={t('admin.audit.to')}>
          <Input type="date" {...field('to')} />
        </Field>
        <Button type="submit" appearance="primary">
          {t('admin.audit.apply')}
        </Button>
        <Button
          onClick={() => {
            setDraft(noFilter);
            setApplied(noFilter);
          }}
        >
          {t('admin.audit.clear')}
        </Button>
      </form>
      {request.state.status === 'error' && (
        <AdminRequestError error={request.state.error} onRetry={request.reload} failedTitle={t('admin.audit.failed')} />
      )}
      {!request.data && request.state.status === 'loading' && <PageSkeleton label={t('admin.audit.loading')} compact />}
      {request.data && (
        <>
          <Text className={styles.muted} role="status" data-testid="audit-count">
            {request.data.length === 0
              ? t('admin.audit.none')
              : request.data.length === AUDIT_PAGE
                ? t('admin.audit.countNewest', { count: request.data.length })
                : t('admin.audit.count', { count: request.data.length })}
          </Text>
          {request.data.length > 0 && <AuditTable entries={request.data} format={format} nameOf={names.nameOf} />}
        </>
      )}
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <CardActions>
        <Button icon={<ArrowDownloadRegular />} disabled={exporting} onClick={exportCsv}>
          {t('admin.exportCsv')}
        </Button>
      </CardActions>
    </CardFrame>
  );
}
