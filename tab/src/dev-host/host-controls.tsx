import type { DemoUser } from '@confer/contracts';
import { Field, makeStyles, Radio, RadioGroup, Select, tokens } from '@fluentui/react-components';
import type { ThemeName } from '../lib/session.ts';

const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL, alignItems: 'flex-end' },
  select: { minWidth: '220px' },
});

export const hostLocales = ['en-us', 'en-gb', 'de-de', 'fr-fr', 'es-es', 'ja-jp', 'ar-sa'] as const;

export interface HostControlsProps {
  readonly users: readonly DemoUser[];
  readonly userId: string;
  readonly theme: ThemeName;
  readonly locale: string;
  readonly onUser: (userId: string) => void;
  readonly onTheme: (theme: ThemeName) => void;
  readonly onLocale: (locale: string) => void;
}

export function HostControls(props: HostControlsProps) {
  const styles = useStyles();
  return (
    <div className={styles.controls}>
      <Field label="Signed-in person">
        <Select className={styles.select} value={props.userId} onChange={(_, data) => props.onUser(data.value)}>
          <option value="">Choose a person…</option>
          {props.users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Teams theme">
        <RadioGroup
          layout="horizontal"
          value={props.theme}
          onChange={(_, data) =>
            props.onTheme(data.value === 'dark' || data.value === 'contrast' ? data.value : 'default')
          }
        >
          <Radio value="default" label="Default" />
          <Radio value="dark" label="Dark" />
          <Radio value="contrast" label="High contrast" />
        </RadioGroup>
      </Field>
      <Field label="Locale">
        <Select value={props.locale} onChange={(_, data) => props.onLocale(data.value)}>
          {hostLocales.map((locale) => (
            <option key={locale} value={locale}>
              {locale}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
