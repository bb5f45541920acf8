import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Chunk {
  file: string;
  bytes: number;
  gzip: number;
  initial: boolean;
}

/**
 * The JavaScript index.html loads before the tab can run: its entry module, the chunks it preloads and,
 * recursively, every chunk those import statically. Chunks reached only through `import()` load later.
 */
export function tabChunks(distDir: string): Chunk[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    // Static imports only: `import{…}from"./x.js"` and bare `import"./x.js"`, not dynamic `import("./x.js")`.
    for (const match of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(join(dirname(file), match[1] ?? ''));
    }
  };
  for (const file of referenced) visit(file);
  return jsFiles(distDir).map((file) => {
    const content = readFileSync(join(distDir, file));
    return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length, initial: initial.has(file) };
  });
}

export function printChunks(chunks: readonly Chunk[]): void {
  const rows = [...chunks].sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
  process.stdout.write(`${'chunk'.padEnd(52)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}  loaded\n`);
  for (const c of rows) {
    process.stdout.write(`${c.file.padEnd(52)} ${kb(c.bytes)} ${kb(c.gzip)}  ${c.initial ? 'initial' : 'on demand'}\n`);
  }
  const initial = rows.filter((c) => c.initial).reduce((sum, c) => sum + c.gzip, 0);
  process.stdout.write(`${'initial total'.padEnd(52)} ${''.padStart(8)} ${kb(initial)}\n`);
}

/** React and ReactDOM alone, bundled and minified by the same Vite, as the floor any React tab starts from. */
export async function reactAloneGzip(repoRoot: string): Promise<number> {
  const build = await buildReactAlone(repoRoot);
  try {
    return build.files.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(build.dir, file)), { level: 9 }).length,
      0,
    );
  } finally {
    build.remove();
  }
}

export interface ReactAloneBuild {
  /** The built files' folder: the entry module renders "Hello" into `document.body`. */
  readonly dir: string;
  /** Every JavaScript file, relative to `dir`; the entry is `entry.js`. */
  readonly files: readonly string[];
  remove(): void;
}

/** The React-alone bundle on disk, for pages that load it (the tab benchmark's same-run main-thread floor). */
export async function buildReactAlone(repoRoot: string): Promise<ReactAloneBuild> {
  const { build } = await import('vite');
  // Inside the repository's node_modules so `react` resolves exactly as the tab's does.
  const work = join(repoRoot, 'node_modules', '.cache', 'confer-bench-react');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(
    join(work, 'entry.js'),
    "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\n" +
      "createRoot(document.body).render(createElement('p', null, 'Hello'));\n",
  );
  // Vite's production build sets process.env.NODE_ENV for the whole process; put it back afterwards so the
  // rest of the run (the local stack, whose bot refuses anonymous mode in production) is unaffected.
  const inherited = process.env.NODE_ENV;
  await build({
    configFile: false,
    logLevel: 'silent',
    root: work,
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(work, 'dist'),
      emptyOutDir: true,
      rolldownOptions: { input: join(work, 'entry.js'), output: { entryFileNames: 'entry.js' } },
    },
  }).finally(() => {
    if (inherited === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = inherited;
  });
  const dir = join(work, 'dist');
  return { dir, files: jsFiles(dir), remove: () => rmSync(work, { recursive: true, force: true }) };
}

function jsFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.js'))
    .map((file) => relative(dir, join(dir, file)).split('\\').join('/'));
}
