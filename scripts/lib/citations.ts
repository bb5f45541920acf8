import { posix } from 'node:path';

/**
 * Checks that every reason the repository gives can be followed inside the repository: each section sign
 * belongs to a citation `<path>.md §N` of a Markdown file that has a heading `## §N …`, and nothing points at
 * documents a clone does not contain. The section sign is written `\u00a7` in this file so that the check can
 * read its own source.
 */

export interface CitationProblem {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly reason: string;
}

/** What the checker may ask about the repository: a file's text by repository path, or null when absent. */
export type ReadRepoFile = (path: string) => string | null;

/** `<path>.md §N`, the path optionally in backticks, then more sections: `, §M`, `–§M` (a range), `/§M`, `and §M`. */
const CITATION =
  /(`?)((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.md)\1\s+\u00a7(\d+)((?:\s*(?:,|\u2013|-|\/|and|or|to)\s*\u00a7\d+)*)/g;
const MORE_SECTIONS = /(,|\u2013|-|\/|and|or|to)?\s*\u00a7(\d+)/g;
/** A public standard cited by its own section numbering, such as an RFC's. */
const STANDARD = /\bRFC ?\d+ \u00a7[\d.]+/g;
const SECTION_SIGN = /\u00a7(\d+)/g;
const SECTION_HEADING = /^## \u00a7(\d+)\b/;
const OWN_HEADING = /^#{2,6} \u00a7\d+\b/;

/** Names of documents that live outside the repository; a comment may not send a reader there. */
const OUTSIDE_DOCUMENTS: readonly RegExp[] = [
  /shared\/reference/,
  /shared\/tools/,
  /\.\.\/shared\b/,
  /\bDESIGN\.md\b/,
  /\bSTYLE\.md\b/,
  /field[- ]lessons/i,
];

/** The section numbers a Markdown text defines with `## §N` headings. */
export function sectionsOf(markdown: string): ReadonlySet<number> {
  const sections = new Set<number>();
  for (const line of markdown.split('\n')) {
    const match = SECTION_HEADING.exec(line);
    if (match) sections.add(Number(match[1]));
  }
  return sections;
}

/** The section numbers one citation names: a list names each one, a range (`–`, `-`, `to`) everything between. */
export function citedSections(first: number, rest: string): number[] {
  const numbers = [first];
  for (const [, separator, value] of rest.matchAll(MORE_SECTIONS)) {
    const next = Number(value);
    const previous = numbers[numbers.length - 1] ?? next;
    const isRange = separator === '\u2013' || separator === '-' || separator === 'to';
    for (let n = isRange ? previous + 1 : next; n <= next; n++) numbers.push(n);
  }
  return numbers;
}

/** Where a cited path leads: from the repository root, else from the citing file's folder. */
function resolveCitedPath(citingFile: string, cited: string, read: ReadRepoFile): string | null {
  const candidates = [posix.normalize(cited), posix.normalize(posix.join(posix.dirname(citingFile), cited))];
  return candidates.find((path) => !path.startsWith('..') && read(path) !== null) ?? null;
}

/** Every problem in one file's text. */
export function checkCitations(file: string, content: string, read: ReadRepoFile): CitationProblem[] {
  const ownSections = sectionsOf(content);
  const problems: CitationProblem[] = [];
  for (const [index, text] of content.split('\n').entries()) {
    const report = (reason: string) => problems.push({ file, line: index + 1, text: text.trim(), reason });
    for (const pattern of OUTSIDE_DOCUMENTS) {
      if (pattern.test(text)) report(`names a document outside the repository (${pattern.source})`);
    }
    if (OWN_HEADING.test(text)) continue;
    const rest = checkLineCitations(file, text, read, report);
    for (const [, value] of rest.matchAll(SECTION_SIGN)) {
      const section = Number(value);
      if (ownSections.size === 0) report(`\u00a7${section} is not part of a citation <path>.md \u00a7N`);
      else if (!ownSections.has(section)) report(`this file has no heading "## \u00a7${section}"`);
    }
  }
  return problems;
}

/** Checks the line's citations and returns the line without them, so that what is left are bare section signs. */
function checkLineCitations(file: string, text: string, read: ReadRepoFile, report: (reason: string) => void): string {
  const withoutStandards = text.replace(STANDARD, ' ');
  return withoutStandards.replace(CITATION, (_match, _tick: string, cited: string, first: string, more: string) => {
    const target = resolveCitedPath(file, cited, read);
    if (target === null) {
      report(`cites ${cited}, which is not in the repository`);
      return ' ';
    }
    const sections = sectionsOf(read(target) ?? '');
    for (const section of citedSections(Number(first), more)) {
      if (!sections.has(section))
        report(`cites ${target} \u00a7${section}, which has no heading "## \u00a7${section}"`);
    }
    return ' ';
  });
}

/** One line per problem: `file:line: reason — the line`. */
export function formatProblems(problems: readonly CitationProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.reason}\n    ${p.text}`).join('\n');
}
