import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  set: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  hint: { display: 'block', color: tokens.colorNeutralForeground2 },
  error: { display: 'block', color: tokens.colorPaletteRedForeground1 },
});

/** A set of checkboxes or radios with one name for screen readers (`fieldset`/`legend`), a hint and an error. */
export function ChoiceGroup({
  legend,
  hint,
  error,
  children,
}: {
  legend: string;
  hint?: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <fieldset className={styles.set}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.choices}>{children}</div>
      {hint && (
        <Text size={200} className={styles.hint}>
          {hint}
        </Text>
      )}
      {error && (
        <Text size={200} className={styles.error} role="alert">
          {error}
        </Text>
      )}
    </fieldset>
  );
}
