import { Button, makeStyles, Text, Tooltip, tokens } from '@fluentui/react-components';
import {
  CalendarToday20Regular,
  ChevronLeft20Regular,
  ChevronRight20Regular,
  Globe20Regular,
} from '@fluentui/react-icons';
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
  const unit = props.mode === 'week' ? 'week' : 'day';
  return (
    <div className={styles.bar} role="toolbar" aria-label={`Change ${unit}`}>
      <Tooltip content={`Previous ${unit}`} relationship="label">
        <Button icon={<ChevronLeft20Regular />} disabled={!props.canBack} onClick={() => props.onStep(-1)} />
      </Tooltip>
      <Button icon={<CalendarToday20Regular />} onClick={props.onToday}>
        Today
      </Button>
      <Tooltip content={`Next ${unit}`} relationship="label">
        <Button icon={<ChevronRight20Regular />} disabled={!props.canForward} onClick={() => props.onStep(1)} />
      </Tooltip>
      <Text as="h3" size={300} weight="semibold" className={styles.range} aria-live="polite" data-testid="grid-range">
        {props.rangeText}
      </Text>
      <Text size={200} className={styles.zone}>
        <Globe20Regular aria-hidden /> Times in {props.zoneText}
      </Text>
    </div>
  );
}
