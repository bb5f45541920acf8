import { type AccessTestDto, ADMIN_LIMITS } from '@confer/contracts';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  ProgressBar,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardActions, CardFrame } from '../../ui/card-frame.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { PageSkeleton } from '../shell/page-skeleton.tsx';
import { AccessTestHistory } from './access-test-history.tsx';
import { AccessTestResult } from './access-test-result.tsx';
import { namedPeopleOf } from './access-words.ts';
import { getAccessTest, listAccessTests, runAccessTest } from './admin-api.ts';
import { AdminRequestError } from './admin-request-error.tsx';
import { usePeopleNames } from './people-names.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  size: { width: '160px' },
  people: { flexGrow: 1, minWidth: '260px' },
});

/** `#/admin/access`: checks Confer's access to a sample of calendars and to named people, with what to fix. */
export function AccessTestPage() {
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const history = useRequest('access-tests', () => listAccessTests(api));
  const [sampleText, setSampleText] = useState('10');
  const [peopleText, setPeopleText] = useState('');
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState<AccessTestDto | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const names = usePeopleNames(api, [...(history.data ?? []).map((test) => test.by), ...(shown ? [shown.by] : [])]);
  const sampleSize = Number(sampleText);
  const people = namedPeopleOf(peopleText);
  const sizeError =
    !Number.isInteger(sampleSize) || sampleSize < 0 || sampleSize > ADMIN_LIMITS.maxAccessTestPeople
      ? t('admin.access.sizeError', { max: ADMIN_LIMITS.maxAccessTestPeople })
      : undefined;
  const peopleError =
    people.length > ADMIN_LIMITS.maxNamedPeople
      ? t('admin.access.tooMany', { max: ADMIN_LIMITS.maxNamedPeople })
      : !sizeError && sampleSize === 0 && people.length === 0
        ? t('admin.access.nobody')
        : undefined;
  const run = async () => {
    if (sizeError || peopleError) return;
    setRunning(true);
    setProblem(null);
    try {
      setShown(await runAccessTest(api, { sampleSize, people }));
      history.reload();
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setRunning(false);
    }
  };
  const open = async (id: string) => {
    setOpening(id);
    setProblem(null);
    try {
      setShown(await getAccessTest(api, id));
    } catch (error) {
      setProblem(errorMessage(toAppError(error), i18n));
    } finally {
      setOpening(null);
    }
  };
  return (
    <>
      <CardFrame id="access-test" title={t('admin.access.title')} description={t('admin.access.description')}>
        <div className={styles.form}>
          <Field label={t('admin.access.sample')} className={styles.size} validationMessage={sizeError}>
            <Input
              type="number"
              min={0}
              max={ADMIN_LIMITS.maxAccessTestPeople}
              value={sampleText}
              onChange={(_, data) => setSampleText(data.value)}
            />
          </Field>
          <Field
            label={t('admin.access.named')}
            hint={t('admin.access.namedHint')}
            className={styles.people}
            validationMessage={peopleError}
          >
            <Textarea value={peopleText} resize="vertical" onChange={(_, data) => setPeopleText(data.value)} />
          </Field>
        </div>
        <CardActions>
          <Button appearance="primary" disabled={running} onClick={run}>
            {t('admin.access.run')}
          </Button>
        </CardActions>
        {running && (
          <Field
            validationMessage={t('admin.access.testing', {
              count: Math.min(sampleSize + people.length, ADMIN_LIMITS.maxAccessTestPeople),
            })}
            validationState="none"
          >
            <ProgressBar aria-label={t('admin.access.running')} />
          </Field>
        )}
        {problem && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {shown && !running && <AccessTestResult test={shown} nameOf={names.nameOf} />}
      </CardFrame>
      <CardFrame id="access-test-history" title={t('admin.access.previous')}>
        {history.state.status === 'error' && (
          <AdminRequestError
            error={history.state.error}
            onRetry={history.reload}
            failedTitle={t('admin.access.historyFailed')}
          />
        )}
        {!history.data && history.state.status === 'loading' && (
          <PageSkeleton label={t('admin.access.previousLoading')} compact />
        )}
        {history.data && (
          <AccessTestHistory
            tests={history.data}
            openId={opening ?? shown?.id ?? null}
            onOpen={open}
            nameOf={names.nameOf}
          />
        )}
      </CardFrame>
    </>
  );
}
