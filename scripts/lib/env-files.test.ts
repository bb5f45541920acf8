// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{VAR}} is the Agents Toolkit's placeholder syntax under test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvFileError, loadEnvFiles, parseEnvText, renderPlaceholders } from './env-files.ts';

function captureError(run: () => unknown): EnvFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof EnvFileError) return error;
    throw error;
  }
  throw new Error('expected an EnvFileError');
}

describe('parseEnvText', () => {
  it.each([
    ['plain value', 'A=b', 'b'],
    ['spaces around = and value', 'A =  b c  ', 'b c'],
    ['empty value', 'A=', ''],
    ['double quotes keep # and spaces', 'A=" x # y "', ' x # y '],
    ['double quotes expand \\n and \\"', 'A="line1\\nsay \\"hi\\""', 'line1\nsay "hi"'],
    ['single quotes are literal', "A='x\\ny'", 'x\\ny'],
    ['quoted value then a comment', 'A="v" # note', 'v'],
    ['unquoted value then a comment', 'A=v # note', 'v'],
    ['# inside a word stays (URL fragment)', 'A=https://x/#frag', 'https://x/#frag'],
    ['export prefix', 'export A=v', 'v'],
    ['= inside the value', 'A=k=v', 'k=v'],
  ])('%s', (_name, line, expected) => {
    expect(parseEnvText(line, 'test')).toEqual({ A: expected });
  });

  it('skips comments and blank lines, handles CRLF and a BOM', () => {
    const text = '\uFEFF# heading\r\n\r\nA=1\r\n  # indented comment\r\nB=2\r\n';
    expect(parseEnvText(text, 'test')).toEqual({ A: '1', B: '2' });
  });

  it('lets a later line win', () => {
    expect(parseEnvText('A=1\nA=2', 'test')).toEqual({ A: '2' });
  });

  it.each([
    ['no =', 'JUSTAWORD'],
    ['bad key', '1A=x'],
    ['unterminated quote', 'A="open'],
    ['text after the closing quote', 'A="x" y'],
  ])('rejects %s with the file and line', (_name, line) => {
    const error = captureError(() => parseEnvText(`OK=1\n${line}`, 'env/.env.x'));
    expect(error.code).toBe('ENV_FILE_SYNTAX');
    expect(error.message).toContain('env/.env.x:2');
  });
});

describe('loadEnvFiles', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'confer-env-'));
    mkdirSync(join(root, 'env'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (name: string, text: string) => writeFileSync(join(root, 'env', name), text);

  it('reads env/.env.{name} and lets env/.env.{name}.user override it', () => {
    write('.env.local', 'A=base\nB="from base"\n');
    write('.env.local.user', 'B=from user\nSECRET_C=s3cret\n');
    expect(loadEnvFiles('local', root)).toEqual({ A: 'base', B: 'from user', SECRET_C: 's3cret' });
  });

  it('works without a .user file', () => {
    write('.env.dev', 'A=1');
    expect(loadEnvFiles('dev', root)).toEqual({ A: '1' });
  });

  it('names the missing file', () => {
    const error = captureError(() => loadEnvFiles('staging', root));
    expect(error.code).toBe('ENV_FILE_MISSING');
    expect(error.message).toContain('.env.staging');
  });

  it.each(['../secrets', 'a/b', '', '.hidden'])('refuses the env name %j', (name) => {
    expect(captureError(() => loadEnvFiles(name, root)).code).toBe('ENV_NAME_INVALID');
  });

  it('reports a syntax error in the .user file with its path', () => {
    write('.env.local', 'A=1');
    write('.env.local.user', 'broken line');
    const error = captureError(() => loadEnvFiles('local', root));
    expect(error.code).toBe('ENV_FILE_SYNTAX');
    expect(error.message).toContain('.env.local.user:1');
  });
});

describe('renderPlaceholders', () => {
  it('replaces every ${{VAR}}, tolerating spaces inside the braces', () => {
    const text = '{"id":"${{ID}}","url":"${{ BASE }}/tab","again":"${{ID}}"}';
    expect(renderPlaceholders(text, { ID: 'x1', BASE: 'https://h' })).toBe(
      '{"id":"x1","url":"https://h/tab","again":"x1"}',
    );
  });

  it('leaves other dollar and brace text alone', () => {
    const text = 'cost ${5} and {{mustache}} and $VAR';
    expect(renderPlaceholders(text, {})).toBe(text);
  });

  it('lists every missing or empty variable once, in order of first use', () => {
    const text = '${{B}} ${{A}} ${{B}} ${{SET}} ${{EMPTY}}';
    const error = captureError(() => renderPlaceholders(text, { SET: 'ok', EMPTY: '' }));
    expect(error.code).toBe('ENV_PLACEHOLDER_MISSING');
    expect(error.details).toEqual(['B', 'A', 'EMPTY']);
    expect(error.message).toContain('B, A, EMPTY');
  });
});
