import { makeStyles, shorthands, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/i18n-context.ts';
import { type ShowAs, showAsStyles } from './show-as.ts';

const useStyles = makeStyles({
  label: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
  swatch: {
    width: '10px',
    height: '10px',
    borderRadius: tokens.borderRadiusSmall,
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle('solid'),
    flexShrink: 0,
  },
});

/** Free/busy status as text plus a swatch: colour alone never carries the meaning (WCAG 1.4.1). */
export function ShowAsLabel({ showAs }: { showAs: ShowAs }) {
  const styles = useStyles();
  const { t } = useT();
  const style = showAsStyles[showAs];
  return (
    <Text size={200} className={styles.label}>
      <span className={styles.swatch} style={{ background: style.background, borderColor: style.border }} />
      {t(style.label)}
    </Text>
  );
}
