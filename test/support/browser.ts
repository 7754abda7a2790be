import { existsSync } from 'node:fs';

/** Where Debian's chromium package puts the browser (.ci/run installs it when missing). */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The chromium the browser tests drive with playwright-core: CHROMIUM_PATH, or Debian's. Playwright never
 * downloads one. Without it, CI (CI=true) fails with what to install; elsewhere the tests are skipped, saying why.
 */
export function chromiumForTests(env: NodeJS.ProcessEnv = process.env, places: string[] = CHROMIUM): string | null {
  const found = [env.CHROMIUM_PATH, ...places].find((path): path is string => !!path && existsSync(path));
  if (found) return found;
  const missing = `no chromium at ${[env.CHROMIUM_PATH, ...places].filter(Boolean).join(' or ')}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`;
  if (env.CI === 'true') throw new Error(`The browser tests need chromium in CI: ${missing}`);
  console.warn(`Skipping the browser tests: ${missing}`);
  return null;
}
