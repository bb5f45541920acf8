import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_CLIENT_ID, LOCAL_TENANT_ID } from '@confer/contracts';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(env: Record<string, string>, untilStdout?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (untilStdout?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const VALID = {
  AAD_APP_CLIENT_ID: LOCAL_CLIENT_ID,
  SECRET_AAD_APP_CLIENT_SECRET: 'cli-test-secret-value',
  TAB_ENDPOINT: 'http://localhost:3978',
  TAB_DOMAIN: 'localhost:3978',
  DEVTENANT_PORT: '0',
};

describe('devtenant CLI (npm start)', () => {
  it('a missing or malformed variable stops start-up with exit 1 and a message naming it', async () => {
    const result = await run({ ...VALID, AAD_APP_CLIENT_ID: 'not-a-guid', TAB_DOMAIN: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AAD_APP_CLIENT_ID');
    expect(result.stderr).toContain('TAB_DOMAIN');
  });

  it('starts with persisted state in the data dir, prints its origin and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'devtenant-cli-'));
    try {
      const result = await run({ ...VALID, DEVTENANT_DATA_DIR: dataDir }, /https:\/\/localhost:\d+/);
      expect(result.stdout).toMatch(
        new RegExp(`devtenant: https://localhost:\\d+ \\(tenant ${LOCAL_TENANT_ID}, mode demo\\)`),
      );
      expect(result.stdout).toContain('SIGTERM, stopping');
      expect(result.code).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
