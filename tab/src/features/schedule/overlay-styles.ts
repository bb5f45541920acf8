import { makeStyles, tokens } from '@fluentui/react-components';

export const useOverlayStyles = makeStyles({
  lane: { position: 'absolute', top: 0, bottom: 0, boxSizing: 'border-box' },
  laneLabel: {
    position: 'absolute',
    top: tokens.spacingVerticalXXS,
    left: 0,
    right: 0,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightBold,
    color: tokens.colorNeutralForeground1,
  },
  fill: { position: 'absolute', left: 0, right: 0, boxSizing: 'border-box' },
  full: { left: 0, right: 0 },
  block: {
    position: 'absolute',
    left: '1px',
    right: '1px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
  },
  blockTitle: {
    display: 'block',
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  highlight: { zIndex: 1, borderRadius: tokens.borderRadiusMedium },
  rank: {
    position: 'absolute',
    top: '1px',
    right: '2px',
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightBold,
    lineHeight: '1',
  },
});
