/**
 * The face function's `node_modules`: exactly the files that the face-api node-wasm build
 * and the tfjs wasm backend load, found by bundling them once and reading the inputs, plus
 * each package's `package.json`, the backend's `.wasm` binaries and the three nets the
 * matcher loads. Source maps, other builds and the unused models stay out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './function-list';

/** Weight files of the detector, landmark and recognition nets, by name prefix. */
export const FACE_MODEL_PREFIXES = ['ssd_mobilenetv1_model', 'face_landmark_68_model', 'face_recognition_model'];

const FACE_ENTRY = [
  "require('@vladmandic/face-api/dist/face-api.node-wasm');",
  "require('@tensorflow/tfjs-backend-wasm');",
].join('\n');

/** Returns the root-relative paths of the JavaScript files that the face libraries load. */
export async function faceRuntimeFiles(): Promise<string[]> {
  const result = await build({
    stdin: { contents: FACE_ENTRY, resolveDir: REPO_ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs).filter((input) => input.startsWith('node_modules/'));
}

function packageRoot(file: string): string {
  const parts = file.split('/');
  const index = parts.lastIndexOf('node_modules');
  const nameLength = parts[index + 1].startsWith('@') ? 2 : 1;
  return parts.slice(0, index + 1 + nameLength).join('/');
}

/** Returns every root-relative path to ship: runtime files, manifests, wasm and models. */
export async function faceDependencyFiles(): Promise<string[]> {
  const files = new Set(await faceRuntimeFiles());
  for (const file of [...files]) files.add(`${packageRoot(file)}/package.json`);
  const wasmDir = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
  for (const name of fs.readdirSync(path.join(REPO_ROOT, wasmDir))) {
    if (name.endsWith('.wasm')) files.add(`${wasmDir}/${name}`);
  }
  const modelDir = 'node_modules/@vladmandic/face-api/model';
  for (const name of fs.readdirSync(path.join(REPO_ROOT, modelDir))) {
    if (FACE_MODEL_PREFIXES.some((prefix) => name.startsWith(`${prefix}.`) || name.startsWith(`${prefix}-`))) {
      files.add(`${modelDir}/${name}`);
    }
  }
  return [...files].filter((file) => !file.endsWith('.map')).sort();
}

/** Copies the files below `functionDir`, keeping their `node_modules/...` paths. */
export function copyFiles(files: string[], functionDir: string): void {
  for (const file of files) {
    const target = path.join(functionDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), target);
  }
}
