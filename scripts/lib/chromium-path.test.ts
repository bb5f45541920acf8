import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type ChromiumLookup,
  ChromiumMissingError,
  chromiumExecutable,
  resolveChromium,
  systemChromiumLookup,
} from './chromium-path.ts';

/** A machine whose only programs are `installed`. */
function machine(
  platform: NodeJS.Platform,
  installed: readonly string[],
  env: ChromiumLookup['env'] = {},
  homeDir = '/home/pat',
): ChromiumLookup {
  const files = new Set(installed);
  return { platform, env, homeDir, isExecutable: (path) => files.has(path) };
}

const found = (path: string, from = 'install location') => ({ found: true, path, from });

describe('resolveChromium', () => {
  it.each([
    ['Debian Chromium', '/usr/bin/chromium'],
    ['Ubuntu chromium-browser', '/usr/bin/chromium-browser'],
    ['snap Chromium', '/snap/bin/chromium'],
    ['Google Chrome', '/usr/bin/google-chrome'],
    ['Google Chrome stable', '/usr/bin/google-chrome-stable'],
    ["Chrome's own folder", '/opt/google/chrome/chrome'],
    ['Microsoft Edge', '/usr/bin/microsoft-edge'],
    ['Microsoft Edge stable', '/usr/bin/microsoft-edge-stable'],
    ["Edge's own folder", '/opt/microsoft/msedge/msedge'],
  ])('finds %s on Linux on its own', (_name, path) => {
    expect(resolveChromium(machine('linux', [path]))).toEqual(found(path));
  });

  it('prefers Chromium to Chrome to Edge when several are installed', () => {
    const all = ['/usr/bin/microsoft-edge', '/usr/bin/google-chrome', '/usr/bin/chromium'];
    expect(resolveChromium(machine('linux', all))).toEqual(found('/usr/bin/chromium'));
    expect(resolveChromium(machine('linux', all.slice(0, 2)))).toEqual(found('/usr/bin/google-chrome'));
  });

  it.each([
    ['Chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['Google Chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['Microsoft Edge', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
    ['Chrome in the home folder', '/Users/pat/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  ])('finds %s on macOS', (_name, path) => {
    expect(resolveChromium(machine('darwin', [path], {}, '/Users/pat'))).toEqual(found(path));
  });

  const windowsEnv = {
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\pat\\AppData\\Local',
  };
  it.each([
    ['Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    [
      'Edge (x86 folder, where Windows installs it)',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ],
    ['a per-user Chrome', 'C:\\Users\\pat\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
    ['a per-user Chromium', 'C:\\Users\\pat\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
  ])('finds %s on Windows through its Program Files variables', (_name, path) => {
    expect(resolveChromium(machine('win32', [path], windowsEnv))).toEqual(found(path));
  });

  it('takes CHROMIUM_PATH over any installed browser', () => {
    const lookup = machine('linux', ['/usr/bin/chromium', '/opt/chrome-beta/chrome'], {
      CHROMIUM_PATH: '/opt/chrome-beta/chrome',
    });
    expect(resolveChromium(lookup)).toEqual(found('/opt/chrome-beta/chrome', 'CHROMIUM_PATH'));
  });

  it('says CHROMIUM_PATH is wrong instead of quietly using another browser', () => {
    const resolution = resolveChromium(machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/typo/chrome' }));
    expect(resolution.found).toBe(false);
    if (resolution.found) return;
    expect(resolution.message).toContain('CHROMIUM_PATH is "/opt/typo/chrome", which is not a program.');
  });

  it('without any browser, says how to get one: the Debian/Ubuntu package or CHROMIUM_PATH to Chromium, Chrome or Edge', () => {
    const resolution = resolveChromium(machine('linux', ['/usr/bin/firefox']));
    expect(resolution.found).toBe(false);
    if (resolution.found) return;
    expect(resolution.message).toContain('need Chromium, Google Chrome or Microsoft Edge');
    expect(resolution.message).toContain('sudo apt-get install chromium');
    expect(resolution.message).toContain('CHROMIUM_PATH');
    expect(resolution.message).not.toMatch(/\n\s+at /);
  });

  it('treats an empty CHROMIUM_PATH as unset', () => {
    expect(resolveChromium(machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: ' ' }))).toEqual(
      found('/usr/bin/chromium'),
    );
  });
});

describe('chromiumExecutable', () => {
  it('throws the same message as a ChromiumMissingError', () => {
    const lookup = machine('darwin', []);
    const expected = resolveChromium(lookup);
    expect(() => chromiumExecutable(lookup)).toThrow(ChromiumMissingError);
    expect(() => chromiumExecutable(lookup)).toThrow(expected.found ? 'unreachable' : expected.message);
  });
});

describe('systemChromiumLookup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'confer-chromium-path-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(process.platform === 'win32')('counts only regular files this user may run', () => {
    const program = join(dir, 'chrome');
    const plain = join(dir, 'notes.txt');
    writeFileSync(program, '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(plain, 'not a browser', { mode: 0o644 });
    const { isExecutable } = systemChromiumLookup();
    expect(isExecutable(program)).toBe(true);
    expect(isExecutable(plain)).toBe(false);
    expect(isExecutable(dir)).toBe(false);
    expect(isExecutable(join(dir, 'missing'))).toBe(false);
  });
});
