/**
 * The functions to bundle, from the registry that the local cloud serves, with the
 * trigger configuration that sits beside each function's source.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const FUNCTIONS_SOURCE_DIR = path.join(REPO_ROOT, 'cloudfunctions');
export const FUNCTIONS_OUTPUT_DIR = path.join(REPO_ROOT, 'dist', 'cloudfunctions');

/** Functions that compare faces on the instance and so ship the face models. */
export const FACE_FUNCTIONS: ReadonlySet<string> = new Set(['faceVerify']);

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** Seven-field cron (second minute hour day month weekday year), in UTC+8. */
  config: string;
}

export interface FunctionSpec {
  name: string;
  kind: 'user' | 'timer';
  /** Absolute path of the function's `index.ts`. */
  source: string;
  triggers: TimerTrigger[];
  shipsFaceModels: boolean;
}

function readTriggers(name: string): TimerTrigger[] {
  const file = path.join(FUNCTIONS_SOURCE_DIR, name, 'config.json');
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: TimerTrigger[] };
  const triggers = parsed.triggers ?? [];
  for (const trigger of triggers) {
    if (trigger.type !== 'timer' || trigger.config.trim().split(/\s+/).length !== 7) {
      throw new Error(`invalid trigger ${JSON.stringify(trigger)} in ${file}: use a 7-field timer cron`);
    }
  }
  return triggers;
}

/** Lists the functions to bundle, given the registry's function names by kind. */
export function functionSpecs(registry: { user: string[]; timer: string[] }): FunctionSpec[] {
  const specs: FunctionSpec[] = [];
  const kinds: [FunctionSpec['kind'], string[]][] = [['user', registry.user], ['timer', registry.timer]];
  for (const [kind, names] of kinds) {
    for (const name of names) {
      const source = path.join(FUNCTIONS_SOURCE_DIR, name, 'index.ts');
      if (!fs.existsSync(source)) throw new Error(`function ${name} is registered but ${source} is missing`);
      specs.push({ name, kind, source, triggers: readTriggers(name), shipsFaceModels: FACE_FUNCTIONS.has(name) });
    }
  }
  return specs;
}

/** Reads the function names from `cloudfunctions/registry.ts` without loading the functions. */
export function readRegistryNames(): { user: string[]; timer: string[] } {
  const text = fs.readFileSync(path.join(FUNCTIONS_SOURCE_DIR, 'registry.ts'), 'utf8');
  const block = (constant: string): string[] => {
    const match = new RegExp(`export const ${constant}[^=]*=\\s*\\{([^}]*)\\}`).exec(text);
    if (!match) throw new Error(`cloudfunctions/registry.ts has no ${constant} object`);
    return match[1]
      .split(',')
      .map((entry) => entry.split(':')[0].trim())
      .filter((entry) => /^[A-Za-z]\w*$/.test(entry));
  };
  return { user: block('USER_FUNCTIONS'), timer: block('TIMER_FUNCTIONS') };
}
