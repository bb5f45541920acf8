import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCitations, citedSections, type ReadRepoFile, sectionsOf } from './citations.ts';
import { isCheckedTextFile, walkRepoFiles } from './repo-text-files.ts';

// The section sign is spelt out so that the repository's own citation check does not read these fixtures.
const S = '\u00a7';

const REFERENCE = ['# Facts', '', `## ${S}1 First`, 'text', `## ${S}2 Second`, `## ${S}3 Third`, ''].join('\n');

function repo(files: Record<string, string>): ReadRepoFile {
  return (path) => files[path] ?? null;
}

const read = repo({ 'docs/reference/facts.md': REFERENCE, 'docs/reference/other.md': `## ${S}4 Four\n` });

function reasons(file: string, content: string, reader: ReadRepoFile = read): string[] {
  return checkCitations(file, content, reader).map((p) => `${p.line}: ${p.reason}`);
}

describe('citation check', () => {
  it('accepts a citation of an existing file and section, in backticks too', () => {
    expect(reasons('api/a.ts', `// why (docs/reference/facts.md ${S}2).`)).toEqual([]);
    expect(reasons('README.md', `see \`docs/reference/facts.md\` ${S}3`)).toEqual([]);
  });

  it('accepts lists and ranges after one path, and checks every section they name', () => {
    expect(reasons('api/a.ts', `// docs/reference/facts.md ${S}1, ${S}3 and ${S}2`)).toEqual([]);
    expect(reasons('api/a.ts', `// docs/reference/facts.md ${S}1\u2013${S}3`)).toEqual([]);
    expect(reasons('api/a.ts', `// docs/reference/facts.md ${S}2\u2013${S}5`)).toEqual([
      `1: cites docs/reference/facts.md ${S}4, which has no heading "## ${S}4"`,
      `1: cites docs/reference/facts.md ${S}5, which has no heading "## ${S}5"`,
    ]);
  });

  it('reports a cited file that is not in the repository', () => {
    expect(reasons('api/a.ts', `\n// docs/reference/missing.md ${S}1`)).toEqual([
      '2: cites docs/reference/missing.md, which is not in the repository',
    ]);
  });

  it('reports a cited section the file does not have', () => {
    expect(reasons('api/a.ts', `// docs/reference/facts.md ${S}9`)).toEqual([
      `1: cites docs/reference/facts.md ${S}9, which has no heading "## ${S}9"`,
    ]);
  });

  it('reports a bare section sign, which says nothing about where to look', () => {
    expect(reasons('api/a.ts', `// Graph allows four at once (${S}7).`)).toEqual([
      `1: ${S}7 is not part of a citation <path>.md ${S}N`,
    ]);
    expect(reasons('api/a.ts', `// (reference ${S}3, docs/reference/facts.md ${S}1)`)).toEqual([
      `1: ${S}3 is not part of a citation <path>.md ${S}N`,
    ]);
  });

  it('resolves a path from the citing file folder inside docs', () => {
    expect(reasons('docs/reference/facts.md', `${REFERENCE}see other.md ${S}4 and ./other.md ${S}4`)).toEqual([]);
    expect(reasons('docs/notes.md', `see reference/other.md ${S}4`)).toEqual([]);
  });

  it('lets a reference page point at its own sections, which must exist, and skips its headings', () => {
    expect(reasons('docs/reference/facts.md', `${REFERENCE}as in ${S}2`)).toEqual([]);
    expect(reasons('docs/reference/facts.md', `${REFERENCE}as in ${S}8`)).toEqual([
      `7: this file has no heading "## ${S}8"`,
    ]);
  });

  it('accepts a public standard cited by its own numbering', () => {
    expect(reasons('bot/a.ts', `// an HTTP date (RFC 9110 ${S}10.2.3)`)).toEqual([]);
  });

  it('reports documents a clone does not contain, but not the repository pages of the same name', () => {
    const design = ['DESIGN', 'md'].join('.');
    expect(reasons('api/a.ts', `// see ${design}`)).toHaveLength(1);
    expect(reasons('api/a.ts', `// ${['field', 'lessons'].join(' ')}: users hate it`)).toHaveLength(1);
    expect(reasons('.ci/run', `# as in ${['..', 'shared', 'tools'].join('/')}/node.sh`)).toHaveLength(2);
    expect(reasons('api/a.ts', `// docs/reference/design.md and the user expectations`)).toEqual([]);
  });

  it('reads sections only from level-two headings', () => {
    expect([...sectionsOf(`## ${S}1 A\n### ${S}2 B\n## ${S}10 C`)]).toEqual([1, 10]);
    expect(citedSections(3, `, ${S}7`)).toEqual([3, 7]);
    expect(citedSections(3, `\u2013${S}5 and ${S}9`)).toEqual([3, 4, 5, 9]);
  });
});

describe('repository text files', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reads sources, docs and .ci/run, never installed, built, generated or binary files', () => {
    root = mkdtempSync(join(tmpdir(), 'confer-citations-'));
    const files = [
      '.ci/run',
      'README.md',
      'api/src/a.ts',
      'tab/src/b.tsx',
      'package-lock.json',
      'node_modules/x/readme.md',
      'tab/dist/c.js',
      '.data/devtenant/state.json',
      'tests/artifacts/d.html',
      'docs/screenshots/e.png',
    ];
    for (const file of files) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      writeFileSync(join(root, file), 'x');
    }
    expect(walkRepoFiles(root).filter(isCheckedTextFile).sort()).toEqual([
      '.ci/run',
      'README.md',
      'api/src/a.ts',
      'tab/src/b.tsx',
    ]);
  });
});
