import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** The kinds of file that carry comments and prose; `.ci/run` is the one extension-less script. */
const TEXT_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.mjs', '.md', '.yml', '.yaml', '.json', '.html', '.css']);
const EXTENSIONLESS = new Set(['.ci/run']);
/** Generated or installed, never written by hand. */
const SKIPPED_NAMES = new Set(['package-lock.json']);
const SKIPPED_SEGMENTS = new Set(['node_modules', 'dist']);
/** What .gitignore leaves out, for a copy without git. */
const IGNORED_DIRECTORIES = new Set([
  '.git',
  'node_modules',
  'dist',
  '.data',
  'coverage',
  'devTools',
  'appPackage/build',
  'tests/artifacts',
  'bench/results',
]);

/** Whether a repository path (forward slashes) is a hand-written text file worth reading. */
export function isCheckedTextFile(path: string): boolean {
  const segments = path.split('/');
  const name = segments[segments.length - 1] ?? '';
  if (SKIPPED_NAMES.has(name) || segments.some((segment) => SKIPPED_SEGMENTS.has(segment))) return false;
  return EXTENSIONLESS.has(path) || TEXT_EXTENSIONS.has(posix.extname(name));
}

/** The repository's text files: what git tracks, or every file outside the ignored folders when git is absent. */
export function listRepoTextFiles(root: string): string[] {
  const paths = gitTrackedFiles(root) ?? walkRepoFiles(root);
  return paths.filter(isCheckedTextFile).filter((path) => existsSync(join(root, path)));
}

/** A reader for the citation checker: a file's text by repository path, or null when there is none. */
export function readRepoFile(root: string): (path: string) => string | null {
  const cache = new Map<string, string | null>();
  return (path) => {
    if (!cache.has(path)) {
      const full = join(root, path);
      cache.set(path, existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : null);
    }
    return cache.get(path) ?? null;
  };
}

function gitTrackedFiles(root: string): string[] | null {
  try {
    const out = execFileSync('git', ['ls-files', '-z'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const paths = out.split('\0').filter((path) => path.length > 0);
    return paths.length > 0 ? paths : null;
  } catch {
    // No git on this machine, or a copy of the repository without its .git folder: walk the folders instead.
    return null;
  }
}

/** Every file under the root outside the folders git ignores, as repository paths. */
export function walkRepoFiles(root: string, dir = root): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = relative(root, join(dir, entry.name)).split(sep).join('/');
    if (entry.isDirectory()) {
      if (!IGNORED_DIRECTORIES.has(entry.name) && !IGNORED_DIRECTORIES.has(path))
        found.push(...walkRepoFiles(root, join(dir, entry.name)));
    } else if (entry.isFile()) {
      found.push(path);
    }
  }
  return found;
}
