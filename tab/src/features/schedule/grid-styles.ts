import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** Height of one grid row (one slot). The grid's size is known before data arrives: no layout shift. */
export const ROW_PX = 24;
export const GUTTER_PX = 56;

const hatch = (color: string, gap = 7) => `repeating-linear-gradient(-45deg, ${color} 0 2px, transparent 2px ${gap}px)`;
const stripes = (color: string) => `repeating-linear-gradient(45deg, ${color} 0 5px, transparent 5px 9px)`;

/**
 * Every mark differs by more than colour (Fluent tokens, so it follows the Teams themes): the organizer's events
 * carry titles and a thick edge, busy is solid, tentative striped with a dashed edge, out of office a double
 * edge, unknown hatched. In high contrast all fills turn black and the edges and patterns carry the meaning.
 */
export const useMarkStyles = makeStyles({
  own: {
    backgroundColor: tokens.colorBrandBackground2,
    ...shorthands.borderLeft('3px', 'solid', tokens.colorBrandStroke1),
    ...shorthands.borderTop('1px', 'solid', tokens.colorBrandStroke2),
    color: tokens.colorNeutralForeground1,
  },
  busy: {
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
    ...shorthands.border('1px', 'solid', tokens.colorPaletteMarigoldBorderActive),
  },
  tentative: {
    backgroundImage: stripes(tokens.colorPaletteMarigoldBackground2),
    ...shorthands.border('1px', 'dashed', tokens.colorPaletteMarigoldBorderActive),
  },
  oof: {
    backgroundColor: tokens.colorPaletteBerryBackground2,
    ...shorthands.border('3px', 'double', tokens.colorPaletteBerryBorder2),
  },
  unknown: {
    backgroundImage: hatch(tokens.colorNeutralStrokeAccessible),
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStrokeAccessible),
  },
  // Dotted as well as darker: high contrast turns every background black, the dots stay.
  outsideHours: {
    backgroundColor: tokens.colorNeutralBackground5,
    backgroundImage: `radial-gradient(${tokens.colorNeutralStroke1} 1px, transparent 1.5px)`,
    backgroundSize: '8px 8px',
  },
  working: {
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderLeft('1px', 'dotted', tokens.colorNeutralStroke1),
  },
  suggestion: {
    ...shorthands.border('2px', 'dashed', tokens.colorPaletteGreenBorder2),
    backgroundColor: 'transparent',
    color: tokens.colorPaletteGreenForeground2,
  },
  chosen: {
    ...shorthands.border('3px', 'solid', tokens.colorBrandStroke1),
    boxShadow: `0 0 0 1px ${tokens.colorNeutralBackground1}`,
  },
  past: { backgroundImage: hatch(tokens.colorNeutralStroke2, 5), opacity: 0.6 },
});

export const useGridStyles = makeStyles({
  scroller: {
    position: 'relative',
    overflowY: 'auto',
    overflowX: 'hidden',
    height: 'min(62vh, 560px)',
    minHeight: '320px',
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 4,
    display: 'grid',
    backgroundColor: tokens.colorNeutralBackground2,
    ...shorthands.borderBottom('1px', 'solid', tokens.colorNeutralStroke1),
  },
  dayHeader: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    ...shorthands.borderLeft('1px', 'solid', tokens.colorNeutralStroke2),
  },
  today: { color: tokens.colorBrandForeground1 },
  body: { position: 'relative' },
  overlay: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    right: 0,
    left: `${GUTTER_PX}px`,
    display: 'grid',
    pointerEvents: 'none',
  },
  column: { position: 'relative', ...shorthands.borderLeft('1px', 'solid', tokens.colorNeutralStroke2) },
  row: { display: 'grid', height: `${ROW_PX}px`, boxSizing: 'border-box' },
  hourLine: { ...shorthands.borderTop('1px', 'solid', tokens.colorNeutralStroke2) },
  rowHeader: {
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    paddingRight: tokens.spacingHorizontalXS,
    textAlign: 'right',
    lineHeight: '1',
    transform: 'translateY(-5px)',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  cell: {
    position: 'relative',
    zIndex: 2,
    cursor: 'pointer',
    touchAction: 'none',
    outlineStyle: 'none',
    ':hover': { boxShadow: `inset 0 0 0 1px ${tokens.colorNeutralStrokeAccessible}` },
    ':focus-visible': { boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}` },
  },
  // The first label would slide under the sticky day headers.
  firstRowHeader: { transform: 'none' },
  pastCell: { cursor: 'not-allowed' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});
