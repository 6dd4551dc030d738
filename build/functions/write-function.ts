/** Writes one deployable function folder: `index.js`, `package.json` and `config.json`. */
import fs from 'node:fs';
import path from 'node:path';
import type { FunctionSpec } from './function-list';

/** The runtime that CloudBase runs the functions on. */
export const FUNCTION_RUNTIME = 'Nodejs18.15';

/**
 * The function's `package.json`. It lists no dependencies: everything is in the bundle or,
 * for the face function, in its own `node_modules`, so no online install runs.
 */
export function functionPackageJson(spec: FunctionSpec): object {
  return {
    name: spec.name,
    version: '1.0.0',
    private: true,
    description: `Weili cloud function ${spec.name}, bundled; upload every file, install nothing.`,
    main: 'index.js',
    engines: { node: '>=18.15' },
    dependencies: {},
  };
}

/** The function's `config.json`: its timer triggers, if it has any. */
export function functionConfigJson(spec: FunctionSpec): object {
  return spec.triggers.length > 0 ? { triggers: spec.triggers } : {};
}

/** Replaces `dir` with a folder holding the bundle and its two JSON files. */
export function writeFunctionFolder(spec: FunctionSpec, dir: string, code: Uint8Array): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.js'), code);
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  fs.writeFileSync(path.join(dir, 'package.json'), json(functionPackageJson(spec)));
  fs.writeFileSync(path.join(dir, 'config.json'), json(functionConfigJson(spec)));
}
