import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCitations, formatProblems } from '../../scripts/lib/citations.ts';
import { listRepoTextFiles, readRepoFile } from '../../scripts/lib/repo-text-files.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Every reason a comment or page gives must be checkable in a clone: each citation names a page and a section
// that exist (docs/reference/*.md), and nothing sends the reader to a document the repository does not hold.
describe('citations across the repository', () => {
  it('finds the files to read', () => {
    const files = listRepoTextFiles(ROOT);
    expect(files).toContain('README.md');
    expect(files).toContain('.ci/run');
    expect(files).toContain('docs/reference/teams-platform.md');
    expect(files.some((file) => file.includes('node_modules') || file.endsWith('package-lock.json'))).toBe(false);
  });

  it('every citation leads to an existing section, and no file names an outside document', () => {
    const read = readRepoFile(ROOT);
    const problems = listRepoTextFiles(ROOT).flatMap((file) => checkCitations(file, read(file) ?? '', read));
    expect(problems, `${problems.length} citation problems:\n${formatProblems(problems)}`).toEqual([]);
  });
});
