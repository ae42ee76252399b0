/**
 * The system's Chromium for the browser tests, driven by playwright-core (which downloads nothing). Where it is:
 * `KARTTA_CHROMIUM`, else Debian's `/usr/bin/chromium`, else the other usual names. In CI a missing browser is a
 * failure (`.ci/run` installs it); on a developer machine the browser tests skip and say why.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function chromiumPath(): string | undefined {
  const given = process.env.KARTTA_CHROMIUM;
  if (given) return existsSync(given) ? given : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/** True when running in CI, where the browser tests must run. */
export const inCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
