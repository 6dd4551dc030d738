#!/usr/bin/env node
/**
 * Builds the client for one target unless `dist/<target>` is newer than every source file
 * of the client and the shared core. Tests call it so they always run against a build of
 * the current code without rebuilding on every run. Targets: weapp, qq, h5, and
 * weapp-components (shared components as native weapp components, for simulate tests).
 *
 * Usage: node scripts/build-if-stale.js <weapp|qq|h5|weapp-components> [--force]
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const CLIENT_DIR = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['src', 'config', '../core'].map((dir) => path.join(CLIENT_DIR, dir));
const SOURCE_FILES = ['babel.config.js', 'package.json'].map((file) => path.join(CLIENT_DIR, file));
const STAMP_FILE = '.build-stamp';

/** Taro CLI arguments of each target. */
const TARGETS = {
  weapp: ['build', '--type', 'weapp'],
  qq: ['build', '--type', 'qq'],
  h5: ['build', '--type', 'h5'],
  'weapp-components': ['build', 'native-components', '--type', 'weapp'],
};

function newestMtimeMs(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === '__tests__' || entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtimeMs(path.join(target, entry.name)));
  }
  return newest;
}

/** Returns true when the target's build is missing or older than its sources. */
function isStale(target) {
  const stamp = path.join(CLIENT_DIR, 'dist', target, STAMP_FILE);
  if (!fs.existsSync(stamp)) return true;
  const sourcesMs = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map(newestMtimeMs));
  return fs.statSync(stamp).mtimeMs < sourcesMs;
}

function build(target) {
  process.stdout.write(`Building the ${target} client (production)…\n`);
  const taro = path.join(path.dirname(require.resolve('@tarojs/cli/package.json')), 'bin', 'taro');
  const result = spawnSync(process.execPath, [taro, ...TARGETS[target]], {
    cwd: CLIENT_DIR,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  // Taro prints a progress bar on stderr; keep the output for failures only.
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    process.stderr.write(output.slice(-8000));
    process.stderr.write(`\nThe ${target} build failed (exit ${result.status}).\n`);
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(path.join(CLIENT_DIR, 'dist', target, STAMP_FILE), new Date().toISOString());
}

const [target, flag] = process.argv.slice(2);
if (!Object.hasOwn(TARGETS, target)) {
  const names = Object.keys(TARGETS).join('|');
  process.stderr.write(`Usage: node scripts/build-if-stale.js <${names}> [--force]\n`);
  process.exit(2);
}
if (flag === '--force' || isStale(target)) build(target);
else process.stdout.write(`The ${target} build is up to date.\n`);
