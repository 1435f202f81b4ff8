import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's Chromium (package `chromium`); CHROMIUM_PATH names another build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type ChromiumLookup = { path: string } | { path?: undefined; reason: string };

/**
 * The Chromium that browser tests drive with playwright-core (never a browser Playwright downloads).
 * When it is missing, Debian's package is installed with apt-get, as root or through passwordless sudo;
 * otherwise the reason comes back and the caller skips. Flags for a sandboxed, offline machine: no
 * background networking, no component updates, no sync (they would try to reach Google).
 */
export async function findOrInstallChromium(): Promise<ChromiumLookup> {
  if (executable(CHROMIUM_PATH)) return { path: CHROMIUM_PATH };
  if (process.env.CHROMIUM_PATH) return { reason: `CHROMIUM_PATH=${CHROMIUM_PATH} is not an executable` };
  if (process.env.EXPLORER_BROWSER_INSTALL === '0') return { reason: `${CHROMIUM_PATH} is missing and EXPLORER_BROWSER_INSTALL=0` };
  if (!executable('/usr/bin/apt-get')) return { reason: `${CHROMIUM_PATH} is missing and there is no apt-get to install Debian's chromium` };
  const asRoot = process.getuid?.() === 0;
  const sudo = !asRoot && (await run('sudo', ['-n', 'true']).then(() => true, () => false));
  if (!asRoot && !sudo) return { reason: `${CHROMIUM_PATH} is missing; install it with: sudo apt-get install -y chromium` };
  const apt = async (...args: string[]) => {
    const command = sudo ? ['sudo', '-n', 'apt-get', ...args] : ['apt-get', ...args];
    await run(command[0]!, command.slice(1), { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000, maxBuffer: 64 * 1024 * 1024 });
  };
  process.stdout.write(`browser tests: installing Debian's chromium (apt-get install -y chromium)\n`);
  const install = () => apt('install', '-y', '--no-install-recommends', 'chromium');
  try {
    await install().catch(async () => {
      // A stale package index is the usual reason: refresh it once.
      await apt('update');
      await install();
    });
  } catch (error) {
    return { reason: `could not install chromium with apt-get: ${(error as Error).message.split('\n')[0]}` };
  }
  return executable(CHROMIUM_PATH) ? { path: CHROMIUM_PATH } : { reason: `apt-get installed chromium, but ${CHROMIUM_PATH} is not there` };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
