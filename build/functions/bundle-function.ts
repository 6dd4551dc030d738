/**
 * Bundles one cloud function with esbuild into a single CommonJS `index.js` for the
 * CloudBase Node.js 18.15 runtime.
 */
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { REPO_ROOT, type FunctionSpec } from './function-list';

/** Packages that stay out of every bundle; the face function ships them in node_modules. */
export const FACE_PACKAGES = ['@vladmandic/face-api', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'];

/** Inputs that must never reach a bundle: the embedded SQLite store and its native addon. */
export const FORBIDDEN_INPUTS = [/node_modules\/better-sqlite3\//, /adapters\/storage\/sqlite-/];

const CONTAINER = path.join(REPO_ROOT, 'services', 'container.ts');
const PRODUCTION_CONTAINER = path.join(REPO_ROOT, 'build', 'production-container.ts');
const FACE_MODEL = path.join(REPO_ROOT, 'adapters', 'face', 'face-model.ts');
const FACE_MODEL_ROOT = "const REPO_ROOT = path.resolve(__dirname, '../..');";

/** Resolves every import of `services/container` to the production entry. */
function productionContainer(): Plugin {
  return {
    name: 'production-container',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /(^|\/)container$/ }, (args) => {
        const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
        return resolved === CONTAINER ? { path: PRODUCTION_CONTAINER } : undefined;
      });
    },
  };
}

/**
 * Points the face model loader at the function's own folder: the bundle is `index.js` at
 * the function root, with the wasm files and model weights in `node_modules` beside it.
 */
function faceModelRoot(): Plugin {
  return {
    name: 'face-model-root',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /adapters[\\/]face[\\/]face-model\.ts$/ }, async (args) => {
        const fs = await import('node:fs/promises');
        const source = await fs.readFile(args.path, 'utf8');
        if (args.path !== FACE_MODEL || !source.includes(FACE_MODEL_ROOT)) {
          return { errors: [{ text: `${args.path} no longer contains ${FACE_MODEL_ROOT}: update the build` }] };
        }
        return { contents: source.replace(FACE_MODEL_ROOT, 'const REPO_ROOT = __dirname;'), loader: 'ts' };
      });
    },
  };
}

interface Replacement {
  filter: RegExp;
  contents: string;
  /** Why the function bundles can do without the real module. */
  reason: string;
}

const THROWS = (what: string) =>
  `module.exports = new Proxy({}, { get() { throw new Error(${JSON.stringify(what)}); } });`;

/** Modules that no function runs, replaced with small stand-ins to keep bundles small. */
export const REPLACED_IN_ALL: Replacement[] = [
  {
    filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/,
    contents: 'export { default as en } from "./en.js";',
    reason: 'zod messages in other languages; zod configures English by default',
  },
  {
    filter: /[\\/]@cloudbase[\\/]node-sdk[\\/]dist[\\/]ai[\\/]index\.js$/,
    contents: 'exports.createAI = () => { throw new Error("app.ai() is not in the function bundles"); };',
    reason: 'the node-sdk AI client, loaded only by app.ai()',
  },
  {
    filter: /[\\/]@cloudbase[\\/]wx-cloud-client-sdk[\\/]/,
    contents: 'module.exports = {};',
    reason: 'the data-model and MySQL clients; node-sdk skips them when they fail to start',
  },
];

/** Modules that only file uploads and face comparison need, absent from other functions. */
export const REPLACED_WITHOUT_FACE: Replacement[] = [
  {
    filter: /[\\/]node_modules[\\/]mime-db[\\/]/,
    contents: 'module.exports = {};',
    reason: 'the MIME table of uploads; an upload then goes as application/octet-stream',
  },
  {
    filter: /[\\/]node_modules[\\/]xml2js[\\/]/,
    contents: THROWS('cloud storage uploads run only in the face function'),
    reason: 'the XML parser of cloud storage upload replies',
  },
  {
    filter: /adapters[\\/]face[\\/](embedded-face-verifier|face-api-matcher)\.ts$/,
    contents: THROWS('face comparison runs only in the face function'),
    reason: 'the face matcher, loaded only on the first comparison',
  },
];

function replacedModules(replacements: Replacement[]): Plugin {
  return {
    name: 'replaced-modules',
    setup(pluginBuild) {
      for (const replacement of replacements) {
        pluginBuild.onLoad({ filter: replacement.filter }, (args) => ({
          contents: replacement.contents,
          resolveDir: path.dirname(args.path),
          loader: 'js',
        }));
      }
    },
  };
}

/** The entry of a bundle: the function's `main`, with the caller taken through the SDK. */
export function entrySource(spec: FunctionSpec): string {
  const relative = (file: string) => JSON.stringify(path.join(REPO_ROOT, file));
  return [
    `import { main as handler } from ${JSON.stringify(spec.source)};`,
    `import { withCloudBaseCaller } from ${relative('adapters/platform/cloudbase-caller.ts')};`,
    `import { createCloudBaseApp } from ${relative('adapters/platform/cloudbase-app.ts')};`,
    'export const main = withCloudBaseCaller(handler, createCloudBaseApp().auth());',
  ].join('\n');
}

export interface BundleResult {
  code: Uint8Array;
  metafile: Metafile;
  warnings: string[];
}

/** Builds the bundle in memory. Throws when a forbidden input was pulled in. */
export async function bundleFunction(spec: FunctionSpec): Promise<BundleResult> {
  const result = await build({
    stdin: { contents: entrySource(spec), resolveDir: REPO_ROOT, sourcefile: `${spec.name}.entry.ts`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    external: FACE_PACKAGES,
    plugins: [
      productionContainer(),
      faceModelRoot(),
      replacedModules(
        spec.shipsFaceModels ? REPLACED_IN_ALL : [...REPLACED_IN_ALL, ...REPLACED_WITHOUT_FACE],
      ),
    ],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const forbidden = Object.keys(result.metafile.inputs).filter((input) =>
    FORBIDDEN_INPUTS.some((pattern) => pattern.test(input)),
  );
  if (forbidden.length > 0) {
    throw new Error(`bundle of ${spec.name} includes embedded-only code: ${forbidden.join(', ')}`);
  }
  const warnings = result.warnings.map((warning) => warning.text);
  return { code: result.outputFiles[0].contents, metafile: result.metafile, warnings };
}
