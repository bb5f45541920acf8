import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/**
 * Draws Confer's two Teams icons: a calendar page overlapped by a speech bubble.
 * Teams wants `color.png` 192×192 in full colour (the mark on a solid background; Teams rounds the corners itself)
 * and `outline.png` 32×32 with white lines on a transparent background (Teams recolours it by alpha only).
 * Run with `npx tsx scripts/make-icons.ts` after changing the art; the PNGs are committed.
 */

type Rgba = readonly [number, number, number, number];
/** Whether a point of the unit square (x right, y down) is inside a shape. */
type Shape = (x: number, y: number) => boolean;
type Layer = { shape: Shape; color: Rgba };

export const ACCENT: Rgba = [0x4f, 0x46, 0xe5, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
// Samples per pixel side; 6×6 coverage gives smooth edges without an anti-aliasing library.
const SUPERSAMPLE = 6;

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s1 = side(ax, ay, bx, by, x, y);
    const s2 = side(bx, by, cx, cy, x, y);
    const s3 = side(cx, cy, ax, ay, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** The mark in unit coordinates; `stroke` and `dot` are tuned per size so the 32 px outline stays legible. */
function markLayers(options: {
  background: Rgba;
  ink: Rgba;
  stroke: number;
  dot: number;
  calendarDetail: boolean;
}): Layer[] {
  const { background, ink, stroke, dot } = options;
  const page = roundRect(0.14, 0.16, 0.66, 0.64, 0.08);
  const pageHeader = (x: number, y: number) => y > 0.29 && y < 0.29 + stroke * 0.8 && x > 0.14 && x < 0.66;
  const ring = (inset: number) => roundRect(0.4 + inset, 0.42 + inset, 0.88 - inset, 0.8 - inset, 0.09 - inset * 0.5);
  const tail = triangle(0.62, 0.78, 0.78, 0.78, 0.8, 0.92);
  const bubble = union(ring(0), tail);
  const gap = stroke * 0.9;
  const gapShape = union(
    roundRect(0.4 - gap, 0.42 - gap, 0.88 + gap, 0.8 + gap, 0.09 + gap),
    triangle(0.62 - gap, 0.78, 0.78 + gap, 0.78, 0.8, 0.92 + gap * 1.6),
  );
  const dots = union(circle(0.52, 0.61, dot), circle(0.64, 0.61, dot), circle(0.76, 0.61, dot));
  const binderRings = union(roundRect(0.25, 0.09, 0.31, 0.23, 0.03), roundRect(0.49, 0.09, 0.55, 0.23, 0.03));
  const binderGaps = union(roundRect(0.23, 0.07, 0.33, 0.25, 0.05), roundRect(0.47, 0.07, 0.57, 0.25, 0.05));
  const calendar: Layer[] = options.calendarDetail
    ? [
        { shape: minus(page, pageHeader), color: ink },
        { shape: binderGaps, color: background },
        { shape: binderRings, color: ink },
      ]
    : [{ shape: page, color: ink }];
  return [
    { shape: () => true, color: background },
    ...calendar,
    { shape: gapShape, color: background },
    { shape: minus(bubble, ring(stroke)), color: ink },
    { shape: dots, color: ink },
  ];
}

/** Scales the mark about its centre so it fills `scale` of its natural size, centred in the icon. */
function scaleMark(layers: readonly Layer[], scale: number): Layer[] {
  const [cx, cy] = [0.51, 0.5];
  return layers.map(({ shape, color }) => ({
    shape: (x: number, y: number) => shape((x - 0.5) / scale + cx, (y - 0.5) / scale + cy),
    color,
  }));
}

function render(size: number, layers: readonly Layer[]): PNG {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [r, g, b, a] = samplePixel(px, py, size, layers);
      const i = (py * size + px) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return png;
}

/** Averages premultiplied colour over SUPERSAMPLE² points, the topmost layer winning at each point. */
function samplePixel(px: number, py: number, size: number, layers: readonly Layer[]): Rgba {
  const sum: [number, number, number, number] = [0, 0, 0, 0];
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      const top = layers.findLast((layer) => layer.shape(x, y));
      const [r, g, b, a] = top ? top.color : CLEAR;
      sum[0] += (r * a) / 255;
      sum[1] += (g * a) / 255;
      sum[2] += (b * a) / 255;
      sum[3] += a;
    }
  }
  const n = SUPERSAMPLE * SUPERSAMPLE;
  const alpha = sum[3] / n;
  if (alpha === 0) return CLEAR;
  const unpremultiply = (c: number) => Math.round(((c / n) * 255) / alpha);
  return [unpremultiply(sum[0]), unpremultiply(sum[1]), unpremultiply(sum[2]), Math.round(alpha)];
}

export function renderColorIcon(): PNG {
  // Teams shows the colour icon on its own tile; the mark keeps a margin of about a fifth on each side.
  const layers = markLayers({ background: ACCENT, ink: WHITE, stroke: 0.05, dot: 0.035, calendarDetail: true });
  return render(192, scaleMark(layers, 0.78));
}

export function renderOutlineIcon(): PNG {
  // At 32 px the outline icon sits next to other app icons in the Teams rail, so the mark fills the square and drops
  // the calendar's finer detail, which would blur into a single line.
  const layers = markLayers({ background: CLEAR, ink: WHITE, stroke: 0.065, dot: 0.04, calendarDetail: false });
  return render(32, scaleMark(layers, 1.12));
}

export function writeIcons(appPackageDir: string): void {
  writeFileSync(join(appPackageDir, 'color.png'), PNG.sync.write(renderColorIcon()));
  writeFileSync(join(appPackageDir, 'outline.png'), PNG.sync.write(renderOutlineIcon()));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const appPackageDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');
  writeIcons(appPackageDir);
  console.log(`Wrote color.png (192×192) and outline.png (32×32) to ${appPackageDir}`);
}
