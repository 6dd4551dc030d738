#!/usr/bin/env node
/**
 * Prints the sizes of the production builds and checks them against the budgets:
 * the weapp main package at most 500 KB (WeChat's hard limit is 2 MB per package) and
 * the h5 first load at most 400 KB gzipped. Builds weapp and h5 first when a build is
 * missing or older than the sources. Exits 1 when a budget is exceeded.
 *
 * Usage: node scripts/size.js [--json]
 *
 * Sizes count every file that would be uploaded, in bytes; 1 KB = 1024 bytes. The h5
 * first load is index.html, the scripts and stylesheets it links, and the chunks the
 * home route loads, each gzipped at zlib's default level as a server would send it.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const CLIENT_DIR = path.resolve(__dirname, '..');
const WEAPP_DIR = path.join(CLIENT_DIR, 'dist/weapp');
const H5_DIR = path.join(CLIENT_DIR, 'dist/h5');
const KB = 1024;
const BUDGETS = { weappMainBytes: 500 * KB, h5FirstLoadGzipBytes: 400 * KB };
/** Build bookkeeping that is not part of any package. */
const IGNORED_FILES = new Set(['.build-stamp']);
const HOME_ROUTE = 'pages/index/index';

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full);
    return IGNORED_FILES.has(entry.name) ? [] : [full];
  });
}

function sumBytes(files) {
  return files.reduce((total, file) => total + fs.statSync(file).size, 0);
}

function gzipBytes(file) {
  return zlib.gzipSync(fs.readFileSync(file)).length;
}

/** Main package and each subpackage of the weapp build, from its app.json. */
function measureWeapp() {
  const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((entry) => entry.root);
  const files = listFiles(WEAPP_DIR);
  const inRoot = (file, root) => path.relative(WEAPP_DIR, file).split(path.sep)[0] === root;
  const subpackages = roots.map((root) => ({
    root,
    bytes: sumBytes(files.filter((file) => inRoot(file, root))),
  }));
  const mainFiles = files.filter((file) => !roots.some((root) => inRoot(file, root)));
  return { mainBytes: sumBytes(mainFiles), subpackages, totalBytes: sumBytes(files) };
}

/** Chunk ids the h5 app entry loads for one route: `"path":"<route>","load":…s.e(<id>)…`. */
function routeChunkIds(entryCode, route) {
  const start = entryCode.indexOf(`"path":"${route}","load":`);
  if (start < 0) return undefined;
  const end = entryCode.indexOf('"path":', start + 1);
  const loader = entryCode.slice(start, end < 0 ? undefined : end);
  return [...loader.matchAll(/\.e\((\d+)\)/g)].map((match) => match[1]);
}

function measureH5() {
  const html = fs.readFileSync(path.join(H5_DIR, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const entryFile = linked.find((file) => /^js\/app\./.test(file));
  const entryCode = entryFile ? fs.readFileSync(path.join(H5_DIR, entryFile), 'utf8') : '';
  const chunkIds = routeChunkIds(entryCode, HOME_ROUTE);
  const allAssets = listFiles(H5_DIR).filter((file) => /\.(js|css|html)$/.test(file));
  const routeFiles = (chunkIds ?? []).flatMap((id) =>
    allAssets
      .map((file) => path.relative(H5_DIR, file))
      .filter((file) => new RegExp(`^(js|css)/${id}\\.[0-9a-f]+\\.(js|css)$`).test(file)),
  );
  const firstLoad = ['index.html', ...linked, ...routeFiles];
  return {
    firstLoadGzipBytes: firstLoad.reduce(
      (total, file) => total + gzipBytes(path.join(H5_DIR, file)),
      0,
    ),
    firstLoadFiles: firstLoad,
    // When the home route's chunks cannot be found, every asset counts: an upper bound.
    homeRouteFound: chunkIds !== undefined,
    allAssetsGzipBytes: allAssets.reduce((total, file) => total + gzipBytes(file), 0),
    allAssetsBytes: sumBytes(allAssets),
  };
}

function ensureBuilt(target) {
  execFileSync(process.execPath, [path.join(__dirname, 'build-if-stale.js'), target], {
    stdio: ['ignore', process.stderr, process.stderr],
  });
}

function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function main() {
  const asJson = process.argv.includes('--json');
  ensureBuilt('weapp');
  ensureBuilt('h5');
  const weapp = measureWeapp();
  const h5 = measureH5();
  const h5CheckedBytes = h5.homeRouteFound ? h5.firstLoadGzipBytes : h5.allAssetsGzipBytes;
  const checks = {
    weappMain: { bytes: weapp.mainBytes, budgetBytes: BUDGETS.weappMainBytes },
    h5FirstLoadGzip: { bytes: h5CheckedBytes, budgetBytes: BUDGETS.h5FirstLoadGzipBytes },
  };
  for (const check of Object.values(checks)) check.ok = check.bytes <= check.budgetBytes;
  const ok = Object.values(checks).every((check) => check.ok);

  if (asJson) {
    process.stdout.write(`${JSON.stringify({ ok, checks, weapp, h5 }, null, 2)}\n`);
  } else {
    const mark = (check) => (check.ok ? 'ok' : 'OVER BUDGET');
    const { weappMain, h5FirstLoadGzip } = checks;
    const lines = [
      `weapp main package   ${kb(weapp.mainBytes)} (budget ${kb(weappMain.budgetBytes)}) ` +
        mark(weappMain),
      ...weapp.subpackages.map((sub) => `weapp subpackage ${sub.root.padEnd(8)}${kb(sub.bytes)}`),
      `weapp total          ${kb(weapp.totalBytes)}`,
      `h5 first load (gzip) ${kb(h5CheckedBytes)} (budget ${kb(h5FirstLoadGzip.budgetBytes)}) ` +
        mark(h5FirstLoadGzip),
      h5.homeRouteFound ? null : '  (home route chunks not found: counted every h5 asset instead)',
      `h5 all assets        ${kb(h5.allAssetsBytes)}, ${kb(h5.allAssetsGzipBytes)} gzipped`,
    ];
    process.stdout.write(`${lines.filter(Boolean).join('\n')}\n`);
  }
  process.exitCode = ok ? 0 : 1;
}

main();
