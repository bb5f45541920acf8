import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_TENANT_ID } from '@confer/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureLocalClientSecret, resolveStartEnv } from './local-env.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'confer-env-'));
  mkdirSync(join(root, 'env'));
  writeFileSync(
    join(root, 'env', '.env.local'),
    [
      `AAD_APP_TENANT_ID=${LOCAL_TENANT_ID}`,
      'AAD_APP_OAUTH_AUTHORITY_HOST=https://localhost:8443',
      `AAD_APP_OAUTH_AUTHORITY=https://localhost:8443/${LOCAL_TENANT_ID}`,
      'GRAPH_BASE_URL=https://localhost:8443',
      'DEVTENANT_URL=https://localhost:8443',
      'TAB_ENDPOINT=http://localhost:3978',
      'TAB_DOMAIN=localhost:3978',
      'BOT_ENDPOINT=http://localhost:3978',
      'BOT_DOMAIN=localhost:3978',
    ].join('\n'),
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('resolveStartEnv', () => {
  it('moves every localhost URL with an overridden port', () => {
    const env = resolveStartEnv('local', root, { PORT: '4000', DEVTENANT_PORT: '9443' });
    expect(env).toMatchObject({
      PORT: '4000',
      TAB_ENDPOINT: 'http://localhost:4000',
      TAB_DOMAIN: 'localhost:4000',
      BOT_ENDPOINT: 'http://localhost:4000',
      DEVTENANT_URL: 'https://localhost:9443',
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://localhost:9443',
      AAD_APP_OAUTH_AUTHORITY: `https://localhost:9443/${LOCAL_TENANT_ID}`,
      GRAPH_BASE_URL: 'https://localhost:9443',
    });
  });

  it('lets the process environment override a value from the files', () => {
    expect(resolveStartEnv('local', root, { TAB_DOMAIN: 'confer.example.com' }).TAB_DOMAIN).toBe('confer.example.com');
  });

  it('keeps the files as they are without overrides', () => {
    expect(resolveStartEnv('local', root, {}).TAB_ENDPOINT).toBe('http://localhost:3978');
  });
});

describe('ensureLocalClientSecret', () => {
  it('generates the secret once, into the git-ignored user file, readable by the owner only', () => {
    expect(ensureLocalClientSecret('local', root)).toEqual({ created: true });
    const file = join(root, 'env', '.env.local.user');
    const first = readFileSync(file, 'utf8');
    expect(first).toMatch(/^SECRET_AAD_APP_CLIENT_SECRET=[A-Za-z0-9_-]{43}$/m);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(ensureLocalClientSecret('local', root)).toEqual({ created: false });
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(resolveStartEnv('local', root, {}).SECRET_AAD_APP_CLIENT_SECRET).toMatch(/.{43}/);
  });

  it('keeps other values already in the user file', () => {
    writeFileSync(join(root, 'env', '.env.local.user'), 'SECRET_BOT_PASSWORD=pw');
    ensureLocalClientSecret('local', root);
    const text = readFileSync(join(root, 'env', '.env.local.user'), 'utf8');
    expect(text).toContain('SECRET_BOT_PASSWORD=pw\nSECRET_AAD_APP_CLIENT_SECRET=');
  });

  it('generates the token cache key beside the secret: 32 bytes of base64, kept across runs', () => {
    ensureLocalClientSecret('local', root);
    const key = resolveStartEnv('local', root, {}).CONFER_TOKEN_CACHE_KEY ?? '';
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    writeFileSync(
      join(root, 'env', '.env.local.user'),
      `SECRET_AAD_APP_CLIENT_SECRET=s\nCONFER_TOKEN_CACHE_KEY=${key}\n`,
    );
    expect(ensureLocalClientSecret('local', root)).toEqual({ created: false });
    expect(resolveStartEnv('local', root, {}).CONFER_TOKEN_CACHE_KEY).toBe(key);
  });
});
