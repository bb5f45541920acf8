import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { type FormEvent, useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
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
      setProblem(toAppError(error).message);
    } finally {
      setExporting(false);
    }
  };
  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (_: unknown, data: { value: string }) => setDraft((was) => ({ ...was, [name]: data.value })),
  });
  return (
    <CardFrame id="audit-log" title="Audit log" description="Settings changes, consent and refused admin requests.">
      <form className={styles.filters} onSubmit={apply} aria-label="Filter the audit log">
        <Field label="Action">
          <Input placeholder="e.g. admin.settings_changed" {...field('action')} />
        </Field>
        <Field label="Who (object id)">
          <Input {...field('actor')} />
        </Field>
        <Field label="From">
          <Input type="date" {...field('from')} />
        </Field>
        <Field label="To">
          <Input type="date" {...field('to')} />
        </Field>
        <Button type="submit" appearance="primary">
          Apply filters
        </Button>
        <Button
          onClick={() => {
            setDraft(noFilter);
            setApplied(noFilter);
          }}
        >
          Clear
        </Button>
      </form>
      {request.state.status === 'error' && (
        <AdminRequestError error={request.state.error} onRetry={request.reload} failedTitle={t('admin.audit.failed')} />
      )}
      {!request.data && request.state.status === 'loading' && <PageSkeleton label="Loading the audit log" compact />}
      {request.data && (
        <>
          <Text className={styles.muted} role="status" data-testid="audit-count">
            {request.data.length === 0
              ? 'No entry matches.'
              : `${request.data.length} ${request.data.length === 1 ? 'entry' : 'entries'}${request.data.length === AUDIT_PAGE ? ' (the newest; narrow the filters to see older ones)' : ''}.`}
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
          Export CSV
        </Button>
      </CardActions>
    </CardFrame>
  );
}
