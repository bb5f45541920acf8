import type { WeekEvent } from '@confer/contracts';
import { tokens } from '@fluentui/react-components';

export type ShowAs = WeekEvent['showAs'];

export interface ShowAsStyle {
  /** Catalogue key of the status's name. */
  readonly label: string;
  /** Outlook's free/busy conventions: solid for busy, stripes for tentative, purple for away, dots elsewhere. */
  readonly background: string;
  readonly border: string;
}

const stripes = (colour: string) => `repeating-linear-gradient(135deg, ${colour} 0 3px, transparent 3px 6px)`;
const dots = (colour: string) => `radial-gradient(${colour} 1.2px, transparent 1.4px) 0 0 / 4px 4px`;

export const showAsStyles: Record<ShowAs, ShowAsStyle> = {
  busy: { label: 'week.showAs.busy', background: tokens.colorBrandBackground, border: tokens.colorBrandStroke1 },
  tentative: {
    label: 'week.showAs.tentative',
    background: stripes(tokens.colorBrandBackground),
    border: tokens.colorBrandStroke1,
  },
  oof: {
    label: 'week.showAs.oof',
    background: tokens.colorPaletteBerryBorderActive,
    border: tokens.colorPaletteBerryBorderActive,
  },
  workingElsewhere: {
    label: 'week.showAs.workingElsewhere',
    background: dots(tokens.colorPaletteTealBorderActive),
    border: tokens.colorPaletteTealBorderActive,
  },
  free: { label: 'week.showAs.free', background: 'transparent', border: tokens.colorNeutralStroke1 },
  unknown: {
    label: 'week.showAs.unknown',
    background: tokens.colorNeutralBackground5,
    border: tokens.colorNeutralStroke1,
  },
};
