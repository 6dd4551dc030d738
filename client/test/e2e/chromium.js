const fs = require('fs');

/** Debian's Chromium; playwright-core downloads no browser of its own. */
const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const INSTALL_HINT =
  "Chromium is not installed, so the browser test is skipped. Install Debian's package:\n" +
  '  apt-get update && apt-get install -y chromium   (as root)\n' +
  'or set CHROMIUM_PATH to another Chromium binary.';

/** Returns the Chromium binary to drive, or undefined when none is installed. */
function findChromium() {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : CHROMIUM_PATHS;
  return candidates.find((candidate) => fs.existsSync(candidate));
}

/**
 * Flags for a quiet headless run that contacts no outside host. playwright-core adds a
 * fresh temporary profile (--user-data-dir) to every launch itself.
 */
function chromiumArgs() {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

module.exports = { findChromium, chromiumArgs, INSTALL_HINT };
