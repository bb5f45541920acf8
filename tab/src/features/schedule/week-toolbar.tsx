import { Button, makeStyles, Text, Tooltip, tokens } from '@fluentui/react-components';
import {
  CalendarToday20Regular,
  ChevronLeft20Regular,
  ChevronRight20Regular,
  Globe20Regular,
} from '@fluentui/react-icons';
import { useT } from '../../i18n/i18n-context.ts';
import type { GridMode } from './week-nav.ts';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minHeight: '32px' },
  range: { flexGrow: 1, minWidth: '160px' },
  zone: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorNeutralForeground3,
  },
});

export interface WeekToolbarProps {
  readonly mode: GridMode;
  readonly rangeText: string;
  readonly zoneText: string;
  readonly canBack: boolean;
  readonly canForward: boolean;
  onStep(direction: 1 | -1): void;
  onToday(): void;
}

export function WeekToolbar(props: WeekToolbarProps) {
  const styles = useStyles();
  const { t, locale } = useT();
  const week = props.mode === 'week';
  // Earlier is towards the line's start: the chevrons point the other way in a right-to-left language.
  const rtl = locale.direction === 'rtl';
  const Back = rtl ? ChevronRight20Regular : ChevronLeft20Regular;
  const Forward = rtl ? ChevronLeft20Regular : ChevronRight20Regular;
  return (
    <div
      className={styles.bar}
      role="toolbar"
      aria-label={week ? t('schedule.toolbar.changeWeek') : t('schedule.toolbar.changeDay')}
    >
      <Tooltip
        content={week ? t('schedule.toolbar.previousWeek') : t('schedule.toolbar.previousDay')}
        relationship="label"
      >
        <Button icon={<Back />} disabled={!props.canBack} onClick={() => props.onStep(-1)} />
      </Tooltip>
      <Button icon={<CalendarToday20Regular />} onClick={props.onToday}>
        {t('schedule.toolbar.today')}
      </Button>
      <Tooltip content={week ? t('schedule.toolbar.nextWeek') : t('schedule.toolbar.nextDay')} relationship="label">
        <Button icon={<Forward />} disabled={!props.canForward} onClick={() => props.onStep(1)} />
      </Tooltip>
      <Text as="h3" size={300} weight="semibold" className={styles.range} aria-live="polite" data-testid="grid-range">
        {props.rangeText}
      </Text>
      <Text size={200} className={styles.zone}>
        <Globe20Regular aria-hidden /> {t('schedule.toolbar.timesIn', { zone: props.zoneText })}
      </Text>
    </div>
  );
}
