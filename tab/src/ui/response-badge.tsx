import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  ClockRegular,
  DismissCircleRegular,
  PersonStarRegular,
  QuestionCircleRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useT } from '../i18n/i18n-context.ts';
import { type AttendeeResponse, responseWords } from '../lib/meeting-format.ts';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'nowrap',
  },
  icon: { fontSize: '16px', flexShrink: 0 },
  accepted: { color: tokens.colorPaletteGreenForeground1 },
  declined: { color: tokens.colorPaletteRedForeground1 },
  tentative: { color: tokens.colorPaletteMarigoldForeground1 },
  waiting: { color: tokens.colorNeutralForeground3 },
  organizer: { color: tokens.colorBrandForeground1 },
});

type Tone = 'accepted' | 'declined' | 'tentative' | 'waiting' | 'organizer';

const looks: Record<AttendeeResponse, { tone: Tone; icon: ReactElement }> = {
  accepted: { tone: 'accepted', icon: <CheckmarkCircleRegular /> },
  declined: { tone: 'declined', icon: <DismissCircleRegular /> },
  tentativelyAccepted: { tone: 'tentative', icon: <QuestionCircleRegular /> },
  notResponded: { tone: 'waiting', icon: <ClockRegular /> },
  none: { tone: 'waiting', icon: <ClockRegular /> },
  organizer: { tone: 'organizer', icon: <PersonStarRegular /> },
};

/** A response as an icon and a word: colour and shape alone never carry the meaning (WCAG 1.4.1). */
export function ResponseBadge({ response }: { response: AttendeeResponse }) {
  const styles = useStyles();
  const { t } = useT();
  const look = looks[response];
  return (
    <span className={styles.badge} data-response={response}>
      <span className={mergeClasses(styles.icon, styles[look.tone])} aria-hidden="true">
        {look.icon}
      </span>
      {t(responseWords[response])}
    </span>
  );
}
