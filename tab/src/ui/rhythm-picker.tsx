import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { errorMessage } from '../features/shell/error-text.ts';
import { useT } from '../i18n/i18n-context.ts';
import { toAppError } from '../lib/app-error.ts';
import { choiceOf, parseRhythmDays, type RhythmChoice, rhythmText } from '../lib/follow-through-format.ts';

const useStyles = makeStyles({
  picker: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  select: { minWidth: '220px', maxWidth: '100%' },
  days: { width: '180px' },
  saved: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1, flexBasis: '100%' },
});

export interface RhythmPickerProps {
  readonly label: string;
  /** The rhythm of its own in days; null: none (then `noneLabel` says what applies). */
  readonly days: number | null;
  /** The first choice: "No rhythm", "The Mentoring rhythm (every 2 weeks)". */
  readonly noneLabel: string;
  /** Saves the new rhythm (null: none); a refusal is thrown and shown here. */
  onSave(days: number | null): Promise<void>;
}

/**
 * How often: none (or whatever applies instead), every week, every 2 weeks, every 4 weeks, or a number of days.
 * A preset saves as soon as it is chosen; a custom number of days is typed, then saved with its button.
 */
export function RhythmPicker({ label, days, noneLabel, onSave }: RhythmPickerProps) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const statusId = useId();
  const [choice, setChoice] = useState<RhythmChoice>(choiceOf(days));
  const [custom, setCustom] = useState(days === null ? '' : String(days));
  const [customError, setCustomError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    setChoice(choiceOf(days));
    if (days !== null) setCustom(String(days));
  }, [days]);

  const save = async (next: number | null) => {
    setSaving(true);
    setOutcome(null);
    try {
      await onSave(next);
      setOutcome({
        ok: true,
        text: t('common.saved', { what: next === null ? noneLabel : rhythmText(i18n, next) }),
      });
    } catch (error) {
      setChoice(choiceOf(days));
      setOutcome({ ok: false, text: t('common.notSaved', { reason: errorMessage(toAppError(error), i18n) }) });
    } finally {
      setSaving(false);
    }
  };
  const choose = (value: string) => {
    if (saving) return;
    setOutcome(null);
    setCustomError(null);
    if (value === 'custom') {
      setChoice('custom');
      return;
    }
    setChoice(value as RhythmChoice);
    void save(value === '' ? null : Number(value));
  };
  const saveCustom = () => {
    if (saving) return;
    const parsed = parseRhythmDays(i18n, custom);
    if ('error' in parsed) {
      setCustomError(parsed.error);
      return;
    }
    setCustomError(null);
    void save(parsed.days);
  };
  return (
    <div className={styles.picker}>
      <Field label={label} className={styles.select}>
        <Select
          value={choice}
          aria-describedby={outcome ? statusId : undefined}
          onChange={(_, data) => choose(data.value)}
        >
          <option value="">{noneLabel}</option>
          <option value="7">{t('common.rhythm.presetWeek')}</option>
          <option value="14">{t('common.rhythm.presetWeeks', { count: 2 })}</option>
          <option value="28">{t('common.rhythm.presetWeeks', { count: 4 })}</option>
          <option value="custom">{t('common.rhythm.custom')}</option>
        </Select>
      </Field>
      {choice === 'custom' && (
        <form
          className={styles.picker}
          onSubmit={(event) => {
            event.preventDefault();
            saveCustom();
          }}
        >
          <Field
            label={t('common.rhythm.daysBetween')}
            validationMessage={customError ?? undefined}
            className={styles.days}
          >
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              value={custom}
              onChange={(_, data) => setCustom(data.value)}
            />
          </Field>
          <Button type="submit" disabledFocusable={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </Button>
        </form>
      )}
      {outcome && (
        <Text
          id={statusId}
          size={200}
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? styles.saved : styles.error}
        >
          {outcome.text}
        </Text>
      )}
    </div>
  );
}
