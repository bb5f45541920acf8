import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/**
 * Where the browser tests find a browser. Playwright drives any Chromium-based browser through
 * `executablePath`, so Chromium, Google Chrome and Microsoft Edge all do; Confer pins no downloaded build.
 */
/**
 * How every headless launch starts the browser: no sandbox (containers and CI run as root), no GPU, and nothing that
 * reaches the network on its own (component updates, sync, first-run pages), since the machines that run the tests
 * have no internet.
 */
export const HEADLESS_CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumLookup {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** Whether a regular file the current user may run is at this path. */
  isExecutable(path: string): boolean;
}

export type ChromiumResolution =
  | { found: true; path: string; from: 'CHROMIUM_PATH' | 'install location' }
  | { found: false; message: string };

/** The one message a machine without a usable browser gets, whatever asked for it. */
export function missingChromiumMessage(detail: string): string {
  return [
    `Confer's browser tests need Chromium, Google Chrome or Microsoft Edge: ${detail}`,
    'Install one:',
    '  Debian/Ubuntu:  sudo apt-get install chromium',
    '  anywhere else:  install Chromium, Chrome or Edge, or point CHROMIUM_PATH at one, e.g.',
    '                  CHROMIUM_PATH="/path/to/chrome" npm test',
  ].join('\n');
}

/** The usual install locations of Chromium, Chrome and Edge on this platform, most specific first. */
export function chromiumCandidates(
  platform: NodeJS.Platform,
  env: ChromiumLookup['env'],
  homeDir: string,
): readonly string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((root) => [
      win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
      win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  if (platform === 'darwin') {
    const apps = [
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return [
      ...apps.map((app) => posix.join('/Applications', app)),
      ...apps.map((app) => posix.join(homeDir, 'Applications', app)),
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ];
}

/**
 * CHROMIUM_PATH when set (and then only it: a path someone chose that is wrong should say so, not be
 * replaced by another browser), otherwise the first usual install location that holds a browser.
 */
export function resolveChromium(lookup: ChromiumLookup): ChromiumResolution {
  const chosen = lookup.env.CHROMIUM_PATH?.trim();
  if (chosen) {
    return lookup.isExecutable(chosen)
      ? { found: true, path: chosen, from: 'CHROMIUM_PATH' }
      : { found: false, message: missingChromiumMessage(`CHROMIUM_PATH is "${chosen}", which is not a program.`) };
  }
  const path = chromiumCandidates(lookup.platform, lookup.env, lookup.homeDir).find((p) => lookup.isExecutable(p));
  if (path) return { found: true, path, from: 'install location' };
  return {
    found: false,
    message: missingChromiumMessage('none is installed where they usually are, and CHROMIUM_PATH is not set.'),
  };
}

export function systemChromiumLookup(): ChromiumLookup {
  return {
    platform: process.platform,
    env: process.env,
    homeDir: homedir(),
    isExecutable(path) {
      try {
        if (!statSync(path).isFile()) return false;
        // Windows has no execute bit; a file there is as runnable as it gets.
        if (process.platform !== 'win32') accessSync(path, constants.X_OK);
        return true;
      } catch {
        // Nothing there, or nothing this user may run: either way no browser at this path.
        return false;
      }
    },
  };
}

export class ChromiumMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumMissingError';
  }
}

/** The browser to launch, or a ChromiumMissingError carrying the message that says how to get one. */
export function chromiumExecutable(lookup: ChromiumLookup = systemChromiumLookup()): string {
  const resolution = resolveChromium(lookup);
  if (!resolution.found) throw new ChromiumMissingError(resolution.message);
  return resolution.path;
}
