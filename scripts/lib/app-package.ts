import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import JSZip from 'jszip';
import { loadEnvFiles, renderPlaceholders } from './env-files.ts';
import { checkColorIcon, checkOutlineIcon, type DecodedIcon, decodePng } from './icon-check.ts';
import { validateManifestOffline } from './manifest-schema.ts';
import { PackageError } from './package-error.ts';

export type BuildAppPackageOptions = {
  /** Toolkit environment name: reads `env/.env.{envName}` and `env/.env.{envName}.user`. */
  envName: string;
  /** Repository root holding `env/` and `appPackage/`. */
  rootDir: string;
  /** Where the zip and rendered manifest go; defaults to `appPackage/build`, as the toolkit does. */
  outDir?: string;
};

export type AppPackage = {
  zipPath: string;
  manifestPath: string;
  manifest: Record<string, unknown>;
  /** Entries of the zip, in order. */
  entries: string[];
};

type PackageFile = { name: string; bytes: Uint8Array };

// A fixed timestamp keeps the zip byte-identical for identical inputs, so a rebuilt package only differs when its
// content does.
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

/** Renders, validates and zips the Teams app package for one environment; writes nothing unless all checks pass. */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<AppPackage> {
  const appPackageDir = join(options.rootDir, 'appPackage');
  const outDir = options.outDir ?? join(appPackageDir, 'build');
  const vars = loadEnvFiles(options.envName, options.rootDir);
  const manifest = renderManifest(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'), vars);
  const findings = await validateManifestOffline(manifest);
  if (findings.length > 0) {
    throw new PackageError('MANIFEST_INVALID', `manifest.json for "${options.envName}" fails its schema.`, findings);
  }
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const files: PackageFile[] = [
    { name: 'manifest.json', bytes: new TextEncoder().encode(manifestText) },
    ...readIcons(appPackageDir, manifest),
  ];
  const zipBytes = await zipFiles(files);
  const zipPath = join(outDir, `appPackage.${options.envName}.zip`);
  const manifestPath = join(outDir, `manifest.${options.envName}.json`);
  writeAllOrNothing([
    { path: zipPath, bytes: zipBytes },
    { path: manifestPath, bytes: files[0]!.bytes },
  ]);
  return { zipPath, manifestPath, manifest, entries: files.map((file) => file.name) };
}

/** Substitutes `${{VAR}}`, parses the JSON and removes duplicate valid domains. */
export function renderManifest(template: string, vars: Readonly<Record<string, string>>): Record<string, unknown> {
  const rendered = renderPlaceholders(template, vars);
  let manifest: unknown;
  try {
    manifest = JSON.parse(rendered);
  } catch (error) {
    throw new PackageError('MANIFEST_JSON_INVALID', 'manifest.json is not valid JSON once rendered.', [], {
      cause: error,
    });
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new PackageError('MANIFEST_JSON_INVALID', 'manifest.json must hold a JSON object.');
  }
  const record = manifest as Record<string, unknown>;
  // The tab and the bot are served by one process, so TAB_DOMAIN and BOT_DOMAIN are usually the same host; Teams
  // wants each valid domain listed once.
  if (Array.isArray(record.validDomains)) record.validDomains = [...new Set(record.validDomains)];
  return record;
}

function readIcons(appPackageDir: string, manifest: Record<string, unknown>): PackageFile[] {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const color = readIcon(appPackageDir, 'color', icons.color);
  const outline = readIcon(appPackageDir, 'outline', icons.outline);
  const problems = [...checkColorIcon(color.image), ...checkOutlineIcon(outline.image)];
  if (problems.length > 0) throw new PackageError('ICON_INVALID', 'the app icons break the Teams rules.', problems);
  return [color.file, outline.file];
}

function readIcon(appPackageDir: string, role: string, path: unknown): { file: PackageFile; image: DecodedIcon } {
  const name = typeof path === 'string' ? normalize(path).split(sep).join('/') : '';
  // Teams resolves icon paths inside the zip, and the toolkit refuses files outside the manifest's folder.
  if (name === '' || isAbsolute(name) || name.startsWith('../')) {
    throw new PackageError('ICON_OUTSIDE_PACKAGE', `icons.${role} must be a relative path inside appPackage/.`);
  }
  const fullPath = resolve(appPackageDir, name);
  if (relative(appPackageDir, fullPath).startsWith('..') || !existsSync(fullPath)) {
    throw new PackageError('ICON_MISSING', `icons.${role} (${name}) does not exist in appPackage/.`);
  }
  const bytes = readFileSync(fullPath);
  const image = decodePng(bytes);
  if (!image) throw new PackageError('ICON_INVALID', `icons.${role} (${name}) is not a readable PNG.`);
  return { file: { name, bytes }, image };
}

async function zipFiles(files: readonly PackageFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of files) zip.file(file.name, file.bytes, { date: ZIP_DATE, binary: true });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Writes each file beside its target first, then renames, so a failure never leaves half a package behind. */
function writeAllOrNothing(outputs: readonly { path: string; bytes: Uint8Array }[]): void {
  const staged = outputs.map((output) => ({ ...output, staging: `${output.path}.${process.pid}.partial` }));
  try {
    for (const output of staged) {
      mkdirSync(resolve(output.path, '..'), { recursive: true });
      writeFileSync(output.staging, output.bytes);
    }
    for (const output of staged) renameSync(output.staging, output.path);
  } finally {
    for (const output of staged) rmSync(output.staging, { force: true });
  }
}
