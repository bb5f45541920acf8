import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkColorIcon, checkOutlineIcon, type DecodedIcon, decodePng } from '../../scripts/lib/icon-check.ts';
import { renderColorIcon, renderOutlineIcon } from '../../scripts/make-icons.ts';
import { appPackageDir } from './package-fixtures.ts';

const colorBytes = readFileSync(join(appPackageDir, 'color.png'));
const outlineBytes = readFileSync(join(appPackageDir, 'outline.png'));

function decoded(bytes: Uint8Array): DecodedIcon {
  const icon = decodePng(bytes);
  if (!icon) throw new Error('not a PNG');
  return icon;
}

function pixels(icon: DecodedIcon): { r: number; g: number; b: number; a: number }[] {
  const list = [];
  for (let i = 0; i < icon.data.length; i += 4) {
    list.push({ r: icon.data[i]!, g: icon.data[i + 1]!, b: icon.data[i + 2]!, a: icon.data[i + 3]! });
  }
  return list;
}

function solid(size: number, rgba: [number, number, number, number]): DecodedIcon {
  const data = new Uint8Array(size * size * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width: size, height: size, data };
}

describe('committed icons', () => {
  it('color.png is a 192×192 full-colour image', () => {
    const color = decoded(colorBytes);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(checkColorIcon(color)).toEqual([]);
    const colours = new Set(pixels(color).map(({ r, g, b }) => `${r},${g},${b}`));
    // Anti-aliased edges give many intermediate shades, not a two-colour bitmap.
    expect(colours.size).toBeGreaterThan(20);
  });

  it('outline.png is 32×32, white on transparent (alpha only), with transparent corners', () => {
    const outline = decoded(outlineBytes);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const all = pixels(outline);
    const visible = all.filter((p) => p.a > 0);
    expect(visible.every((p) => p.r === 255 && p.g === 255 && p.b === 255)).toBe(true);
    expect(all.filter((p) => p.a === 0).length).toBeGreaterThan(all.length / 3);
    expect(visible.some((p) => p.a < 255)).toBe(true);
    for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) expect(all[corner]?.a).toBe(0);
    expect(checkOutlineIcon(outline)).toEqual([]);
  });

  it('are what scripts/make-icons.ts draws, so they can be regenerated', () => {
    expect(Buffer.compare(PNG.sync.write(renderColorIcon()), colorBytes)).toBe(0);
    expect(Buffer.compare(PNG.sync.write(renderOutlineIcon()), outlineBytes)).toBe(0);
  });
});

describe('icon checks', () => {
  it('reject a colour icon of the wrong size', () => {
    expect(checkColorIcon(solid(96, [1, 2, 3, 255]))).toEqual(['color: must be 192×192 pixels, is 96×96.']);
  });

  it('reject an outline icon with an opaque background', () => {
    const problems = checkOutlineIcon(solid(32, [0, 0, 0, 255]));
    expect(problems.join('\n')).toMatch(/not white/);
    expect(problems.join('\n')).toMatch(/corners must be transparent/);
  });

  it('reject a single coloured pixel in the outline icon', () => {
    const icon = decoded(outlineBytes);
    const data = new Uint8Array(icon.data);
    const index = pixels(icon).findIndex((p) => p.a === 255);
    data.set([255, 0, 0, 255], index * 4);
    expect(checkOutlineIcon({ ...icon, data })).toEqual([
      'outline: 1 visible pixel(s) not white; use white with alpha only.',
    ]);
  });

  it('reject an empty outline icon and a wrong size', () => {
    const problems = checkOutlineIcon(solid(48, [0, 0, 0, 0]));
    expect(problems).toContain('outline: must be 32×32 pixels, is 48×48.');
    expect(problems).toContain('outline: every pixel is transparent; the icon is empty.');
  });

  it('treat bytes that are not a PNG as unreadable', () => {
    expect(decodePng(new TextEncoder().encode('not a png'))).toBeUndefined();
  });
});
