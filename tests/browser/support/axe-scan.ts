import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { repoRoot } from '../../support/stack.ts';

const axeSource = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Puts axe-core into the page through the DevTools protocol. A `<script>` tag would be inline script, which the
 * tab's Content-Security-Policy refuses, and the tests keep that policy on rather than bypass it.
 */
export async function injectAxe(page: Page | Frame): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) on the page and returns the serious and
 * critical violations, each with the first offending selectors so a failure says where to look.
 */
export async function seriousViolations(page: Page | Frame): Promise<string[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document | object, options: object): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    // Tabster's focus-forwarding phantoms (`<i data-tabster-dummy aria-hidden tabindex=0>` around Fluent's TabList,
    // Menu and Dialog) pass focus on synchronously and are never read; axe's aria-hidden-focus cannot know that.
    const result = await axe.run(
      { exclude: [['[data-tabster-dummy]']] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      },
    );
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
