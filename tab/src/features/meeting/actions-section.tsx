import { ErrorCodes, type MeetingDto } from '@confer/contracts';
import {
  Badge,
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTabServices } from '../../app/tab-services.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { toAppError } from '../../lib/app-error.ts';
import { type ActionDto, deleteAction, listActions, setActionDone } from '../../lib/notes-api.ts';
import { useRequest } from '../../lib/use-request.ts';
import { CardFrame } from '../../ui/card-frame.tsx';
import { AsyncList } from '../shell/async-list.tsx';
import { errorMessage } from '../shell/error-text.ts';
import { ActionForm } from './action-form.tsx';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    minHeight: '40px',
  },
  check: { flexGrow: 1, minWidth: 0 },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground2 },
  meta: {
    color: tokens.colorNeutralForeground2,
    display: 'inline-flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  none: { color: tokens.colorNeutralForeground2 },
});

export interface ActionsSectionProps {
  readonly meeting: MeetingDto;
  readonly occurrenceStart: string | null;
  readonly dueText: (date: string) => string;
}

/** Actions with an owner, a due date and a done box; open ones from earlier occurrences are marked carried over. */
export function ActionsSection({ meeting, occurrenceStart, dueText }: ActionsSectionProps) {
  const styles = useStyles();
  const { api } = useTabServices();
  const i18n = useT();
  const { t } = i18n;
  const request = useRequest(`actions:${meeting.id}:${occurrenceStart ?? ''}`, () =>
    listActions(api, meeting.id, occurrenceStart),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const actions = request.data ?? [];
  const replace = (next: ActionDto[]) => request.set(next);
  const run = async (work: () => Promise<ActionDto[]>) => {
    setProblem(null);
    try {
      replace(await work());
    } catch (cause) {
      const error = toAppError(cause);
      setProblem(
        error.code === ErrorCodes.version_conflict ? t('meeting.actions.changedMeanwhile') : errorMessage(error, i18n),
      );
      request.reload();
    }
  };
  const toggle = (action: ActionDto, done: boolean) => {
    // The box follows the click at once; a refused save puts the fresh list back.
    const optimistic = actions.map((a) => (a.id === action.id ? { ...a, done } : a));
    replace(optimistic);
    return run(async () => {
      const saved = await setActionDone(api, meeting.id, action, done);
      return optimistic.map((a) => (a.id === action.id ? { ...saved, carriedOver: action.carriedOver } : a));
    });
  };
  const remove = (action: ActionDto) =>
    run(async () => {
      await deleteAction(api, meeting.id, action.id);
      return actions.filter((a) => a.id !== action.id);
    });
  return (
    <CardFrame id="actions" title={t('meeting.actions.title')} testId="actions">
      <AsyncList
        request={request}
        failedTitle={t('meeting.actions.failed')}
        loading={{ label: t('meeting.actions.loading'), rows: [32, 32], minHeight: '120px' }}
        empty={<Text className={styles.none}>{t('meeting.actions.none')}</Text>}
      >
        {(listed) => (
          <ul className={styles.list}>
            {listed.map((action) => (
              <li key={action.id} className={styles.item} data-testid="action" data-done={action.done}>
                <Checkbox
                  className={styles.check}
                  checked={action.done}
                  onChange={(_, data) => toggle(action, data.checked === true)}
                  label={<span className={action.done ? styles.done : undefined}>{action.title}</span>}
                />
                <Text size={200} className={styles.meta}>
                  {action.ownerName}
                  {action.dueDate && <span>{t('meeting.actions.dueOn', { date: dueText(action.dueDate) })}</span>}
                  {action.carriedOver && (
                    <Badge appearance="tint" color="warning" shape="rounded">
                      {t('meeting.actions.carriedOver')}
                    </Badge>
                  )}
                </Text>
                <Button
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={t('meeting.actions.delete', { title: action.title })}
                  onClick={() => remove(action)}
                />
              </li>
            ))}
          </ul>
        )}
      </AsyncList>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <ActionForm
        meeting={meeting}
        occurrenceStart={occurrenceStart}
        onCreated={(action) => replace([...actions, action])}
      />
    </CardFrame>
  );
}
