import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PackageError } from './package-error.ts';

type AppManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

// The Teams schema URL, with or without the locale segment the toolkit templates use (`/en-us/`).
const TEAMS_SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9A-Za-z.]+)\/MicrosoftTeams\.schema\.json$/;

const appManifestDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));

/**
 * The copy of the manifest's `$schema` that @microsoft/app-manifest ships. Validation must stay offline (CI has no
 * internet), and `validateAgainstSchema` silently downloads any schema it does not bundle, so an unknown `$schema`
 * is refused here instead of being fetched.
 */
export function bundledSchemaPath(schemaUrl: unknown): string {
  const version = typeof schemaUrl === 'string' ? TEAMS_SCHEMA_URL.exec(schemaUrl)?.[1] : undefined;
  const path = version && join(appManifestDir, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
  if (!path || !existsSync(path)) {
    throw new PackageError(
      'MANIFEST_SCHEMA_NOT_BUNDLED',
      `$schema ${JSON.stringify(schemaUrl)} is not a Teams manifest schema bundled with @microsoft/app-manifest.`,
    );
  }
  return path;
}

/** Validates a rendered manifest against its bundled schema; returns one line per finding, empty when valid. */
export async function validateManifestOffline(manifest: Record<string, unknown>): Promise<string[]> {
  const schemaPath = bundledSchemaPath(manifest.$schema);
  // Passing the schema explicitly means the library never resolves `$schema` itself, so it cannot reach the network.
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as ManifestSchema;
  // The library types the manifest as a known shape; checking that shape is exactly what this call does.
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
}
