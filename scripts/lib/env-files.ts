import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Agents Toolkit's env files: `env/.env.{envName}` is committed, `env/.env.{envName}.user` is git-ignored and
 * holds every `SECRET_*` value. The toolkit loads both, the `.user` file winning, and substitutes `${{VAR}}` in
 * teamsapp.yml, manifest.json and aad.manifest.json. Our start script, config and packager read the same files the
 * same way, so one set of files drives both the toolkit and `npm start`.
 */

export type EnvFileErrorCode = 'ENV_NAME_INVALID' | 'ENV_FILE_MISSING' | 'ENV_FILE_SYNTAX' | 'ENV_PLACEHOLDER_MISSING';

export class EnvFileError extends Error {
  readonly code: EnvFileErrorCode;
  readonly details: readonly string[];

  constructor(code: EnvFileErrorCode, message: string, details: readonly string[] = []) {
    super(`${code}: ${message}`);
    this.name = 'EnvFileError';
    this.code = code;
    this.details = details;
  }
}

// The toolkit's env names are plain words (`local`, `dev`, `playground`); refusing anything else keeps an env name
// from reaching outside `env/`.
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function loadEnvFiles(envName: string, rootDir: string): Record<string, string> {
  if (!ENV_NAME.test(envName)) {
    throw new EnvFileError('ENV_NAME_INVALID', `"${envName}" is not an environment name (letters, digits, - and _).`);
  }
  const basePath = join(rootDir, 'env', `.env.${envName}`);
  if (!existsSync(basePath)) {
    throw new EnvFileError('ENV_FILE_MISSING', `${basePath} does not exist; environment "${envName}" is not set up.`);
  }
  const userPath = `${basePath}.user`;
  const base = parseEnvText(readFileSync(basePath, 'utf8'), basePath);
  const user = existsSync(userPath) ? parseEnvText(readFileSync(userPath, 'utf8'), userPath) : {};
  return { ...base, ...user };
}

/** Parses dotenv text: `KEY=value`, optional `export `, `#` comments, blank lines, '…', "…" (with \n) and `KEY=`. */
export function parseEnvText(text: string, sourceName: string): Record<string, string> {
  const vars: Record<string, string> = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const parsed = parseLine(line);
    if (!parsed) {
      throw new EnvFileError('ENV_FILE_SYNTAX', `${sourceName}:${index + 1}: expected KEY=value, got "${line}".`);
    }
    vars[parsed.key] = parsed.value;
  });
  return vars;
}

function parseLine(line: string): { key: string; value: string } | undefined {
  const assignment = line.replace(/^export\s+/, '');
  const eq = assignment.indexOf('=');
  if (eq <= 0) return undefined;
  const key = assignment.slice(0, eq).trim();
  if (!KEY.test(key)) return undefined;
  const value = parseValue(assignment.slice(eq + 1).trim());
  return value === undefined ? undefined : { key, value };
}

function parseValue(raw: string): string | undefined {
  const quote = raw[0];
  if (quote === '"' || quote === "'") {
    const end = findClosingQuote(raw, quote);
    if (end < 0) return undefined;
    const rest = raw.slice(end + 1).trim();
    if (rest !== '' && !rest.startsWith('#')) return undefined;
    const inner = raw.slice(1, end);
    // As in dotenv, escapes (\n, \r, and here also \" and \\) work only inside double quotes; single quotes are literal.
    return quote === '"' ? inner.replace(/\\(["nr\\])/g, (_, c: string) => DOUBLE_QUOTE_ESCAPES[c] ?? c) : inner;
  }
  // An unquoted value ends at a ` #` comment, as in dotenv; a `#` inside a word (a URL fragment) is kept.
  const comment = raw.search(/\s#/);
  return (comment >= 0 ? raw.slice(0, comment) : raw).trim();
}

const DOUBLE_QUOTE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', '"': '"', '\\': '\\' };

function findClosingQuote(raw: string, quote: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (quote === '"' && raw[i] === '\\') i++;
    else if (raw[i] === quote) return i;
  }
  return -1;
}

// The toolkit's placeholder syntax; surrounding spaces inside the braces are tolerated as the toolkit does.
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces every `${{VAR}}` with its value. An unset or empty variable is an error: the toolkit's own templates
 * leave values empty until provisioning fills them, and a manifest rendered with an empty id or endpoint is never
 * what anyone wants. The error lists every missing name at once, in order of first use.
 */
export function renderPlaceholders(text: string, vars: Readonly<Record<string, string>>): string {
  const missing = new Set<string>();
  const rendered = text.replace(PLACEHOLDER, (match, name: string) => {
    const value = vars[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return match;
    }
    return value;
  });
  if (missing.size > 0) {
    const names = [...missing];
    throw new EnvFileError('ENV_PLACEHOLDER_MISSING', `no value for ${names.join(', ')}.`, names);
  }
  return rendered;
}
