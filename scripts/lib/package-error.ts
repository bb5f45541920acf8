export type PackageErrorCode =
  | 'PACKAGE_USAGE'
  | 'MANIFEST_JSON_INVALID'
  | 'MANIFEST_SCHEMA_NOT_BUNDLED'
  | 'MANIFEST_INVALID'
  | 'ICON_MISSING'
  | 'ICON_OUTSIDE_PACKAGE'
  | 'ICON_INVALID';

/** A packaging failure: a stable code for scripts and CI, a message for people, and the individual findings. */
export class PackageError extends Error {
  readonly code: PackageErrorCode;
  readonly details: readonly string[];

  constructor(code: PackageErrorCode, message: string, details: readonly string[] = [], options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.name = 'PackageError';
    this.code = code;
    this.details = details;
  }
}
