import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CalendarAddRegular, HomeRegular, SettingsRegular, ShieldPersonRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useT } from '../../i18n/i18n-context.ts';

const useStyles = makeStyles({
  nav: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  // Wraps rather than scroll sideways when an admin's four entries do not fit a narrow side panel.
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minHeight: '40px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    fontSize: tokens.fontSizeBase300,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    ':hover': { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
    '@media (max-width: 360px)': { padding: `0 ${tokens.spacingHorizontalS}` },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
  icon: { fontSize: '20px', '@media (max-width: 400px)': { display: 'none' } },
});

export type NavTarget = 'home' | 'schedule' | 'settings' | 'admin';

const items: readonly { target: NavTarget; href: string; label: string; icon: ReactElement }[] = [
  { target: 'home', href: '#/', label: 'shell.nav.home', icon: <HomeRegular /> },
  { target: 'schedule', href: '#/schedule', label: 'shell.nav.schedule', icon: <CalendarAddRegular /> },
  { target: 'settings', href: '#/settings', label: 'shell.nav.settings', icon: <SettingsRegular /> },
  { target: 'admin', href: '#/admin', label: 'shell.nav.admin', icon: <ShieldPersonRegular /> },
];

/**
 * Plain links (hash routes), so every page has an address; `aria-current` tells screen readers where they are.
 * Admin shows only to admins of Confer (`showAdmin`, from /api/me).
 */
export function NavBar({ current, showAdmin = false }: { current: NavTarget | null; showAdmin?: boolean }) {
  const styles = useStyles();
  const { t } = useT();
  const shown = showAdmin ? items : items.filter((item) => item.target !== 'admin');
  return (
    <nav aria-label="Confer" className={styles.nav}>
      <ul className={styles.list}>
        {shown.map((item) => (
          <li key={item.target}>
            <a
              href={item.href}
              className={mergeClasses(styles.link, item.target === current && styles.current)}
              aria-current={item.target === current ? 'page' : undefined}
            >
              <span className={styles.icon} aria-hidden="true">
                {item.icon}
              </span>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
