import type { WeekEvent } from '@confer/contracts';
import { tokens } from '@fluentui/react-components';

export type ShowAs = WeekEvent['showAs'];

export interface ShowAsStyle {
  readonly label: string;
  /** Outlook's free/busy conventions: solid for busy, stripes for tentative, purple for away, dots elsewhere. */
  readonly background: string;
  readonly border: string;
}

const stripes = (colour: string) => `repeating-linear-gradient(135deg, ${colour} 0 3px, transparent 3px 6px)`;
const dots = (colour: string) => `radial-gradient(${colour} 1.2px, transparent 1.4px) 0 0 / 4px 4px`;

export const showAsStyles: Record<ShowAs, ShowAsStyle> = {
  busy: { label: 'Busy', background: tokens.colorBrandBackground, border: tokens.colorBrandStroke1 },
  tentative: { label: 'Tentative', background: stripes(tokens.colorBrandBackground), border: tokens.colorBrandStroke1 },
  oof: {
    label: 'Out of office',
    background: tokens.colorPaletteBerryBorderActive,
    border: tokens.colorPaletteBerryBorderActive,
  },
  workingElsewhere: {
    label: 'Working elsewhere',
    background: dots(tokens.colorPaletteTealBorderActive),
    border: tokens.colorPaletteTealBorderActive,
  },
  free: { label: 'Free', background: 'transparent', border: tokens.colorNeutralStroke1 },
  unknown: { label: 'Unknown', background: tokens.colorNeutralBackground5, border: tokens.colorNeutralStroke1 },
};
