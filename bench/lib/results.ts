import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One figure, as written to bench/results/latest.json. */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  /** What the figure must reach (≥ for rates, ≤ for times and sizes; see `better`). */
  target?: number;
  /** The same measure of a reference taken in the same run, so machine load cancels out. */
  baseline?: number;
  better?: 'higher' | 'lower';
}

export function meetsTarget(result: BenchResult): boolean | undefined {
  if (result.target === undefined) return undefined;
  return result.better === 'lower' ? result.value <= result.target : result.value >= result.target;
}

export function printResults(results: readonly BenchResult[]): void {
  const rows = results.map((r) => {
    const verdict = meetsTarget(r);
    return [
      r.name,
      `${round(r.value)} ${r.unit}`,
      r.target === undefined ? '' : `${r.better === 'lower' ? '≤' : '≥'} ${r.target}`,
      r.baseline === undefined ? '' : `${round(r.baseline)}`,
      verdict === undefined ? '' : verdict ? 'ok' : 'MISSED',
    ];
  });
  const header = ['benchmark', 'value', 'target', 'baseline', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}

export function writeResults(file: string, results: readonly BenchResult[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

function round(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}
