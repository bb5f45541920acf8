import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root, where env/ and appPackage/ live. */
export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const appPackageDir = join(repoRoot, 'appPackage');

export function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/**
 * A throwaway copy of the package sources (appPackage/ and the committed env files, never the .user secrets), so a
 * test can break one piece without touching the repository.
 */
export function copyPackageSources(): string {
  const root = mkdtempSync(join(tmpdir(), 'confer-package-'));
  cpSync(appPackageDir, join(root, 'appPackage'), {
    recursive: true,
    filter: (source) => !source.includes(`${join('appPackage', 'build')}`),
  });
  mkdirSync(join(root, 'env'));
  for (const name of ['.env.local', '.env.dev']) cpSync(join(repoRoot, 'env', name), join(root, 'env', name));
  return root;
}

export function editJson(path: string, edit: (json: Record<string, unknown>) => void): void {
  const json = readJson(path);
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}
