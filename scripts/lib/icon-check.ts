import { PNG } from 'pngjs';

/**
 * Teams icon rules (manifest schema, `icons`): `color` is a 192×192 full-colour PNG; `outline` is a 32×32 PNG with
 * white lines on a transparent background, because Teams tints it by alpha alone.
 */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

export type DecodedIcon = { width: number; height: number; data: Uint8Array };

/** Decodes a PNG; returns undefined when the bytes are not a readable PNG. */
export function decodePng(bytes: Uint8Array): DecodedIcon | undefined {
  try {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, data: png.data };
  } catch {
    return undefined;
  }
}

export function checkColorIcon(icon: DecodedIcon): string[] {
  return checkSize('color', icon, COLOR_ICON_SIZE);
}

export function checkOutlineIcon(icon: DecodedIcon): string[] {
  const problems = checkSize('outline', icon, OUTLINE_ICON_SIZE);
  let coloured = 0;
  let opaqueOrPartial = 0;
  for (let i = 0; i < icon.data.length; i += 4) {
    const alpha = icon.data[i + 3]!;
    if (alpha === 0) continue;
    opaqueOrPartial++;
    if (icon.data[i] !== 255 || icon.data[i + 1] !== 255 || icon.data[i + 2] !== 255) coloured++;
  }
  if (coloured > 0) problems.push(`outline: ${coloured} visible pixel(s) not white; use white with alpha only.`);
  if (opaqueOrPartial === 0) problems.push('outline: every pixel is transparent; the icon is empty.');
  const corners = cornerAlphas(icon);
  if (corners.some((alpha) => alpha !== 0)) {
    problems.push(`outline: corners must be transparent (alpha ${corners.join(', ')}); no opaque background.`);
  }
  return problems;
}

function checkSize(name: string, icon: DecodedIcon, size: number): string[] {
  return icon.width === size && icon.height === size
    ? []
    : [`${name}: must be ${size}×${size} pixels, is ${icon.width}×${icon.height}.`];
}

function cornerAlphas(icon: DecodedIcon): number[] {
  const { width, height, data } = icon;
  const corners = [0, width - 1, (height - 1) * width, height * width - 1];
  return corners.map((pixel) => data[pixel * 4 + 3] ?? 0);
}
