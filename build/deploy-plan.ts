/**
 * What `npm run deploy` sends to CloudBase, read from `cloudbaserc.json` and
 * `database/collections.json`, as data that the dry run prints and the real run executes.
 */
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');

export interface RcFunction {
  name: string;
  handler: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  triggers?: { name: string; type: string; config: string }[];
}

export interface CloudBaseRc {
  version: string;
  envId: string;
  functionRoot: string;
  functions: RcFunction[];
}

export interface CollectionSpec {
  name: string;
  acl: string;
  rule: { read: unknown; write: unknown };
  indexes: { name: string; fields: string[] }[];
}

export interface DeployStep {
  /** One line for the operator. */
  description: string;
  /** Arguments of the `tcb` command, or null for a step done in the console. */
  command: string[] | null;
}

/** Variables every function needs at run time; set them on each function in the console. */
export const FUNCTION_VARIABLES = ['SESSION_SECRET', 'PII_ENCRYPTION_KEY', 'PROVIDERS', 'SANDBOX_TOOLS'];

export function readRc(root = REPO_ROOT): CloudBaseRc {
  return JSON.parse(fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as CloudBaseRc;
}

export function readCollections(root = REPO_ROOT): CollectionSpec[] {
  const file = path.join(root, 'database', 'collections.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { collections: CollectionSpec[] }).collections;
}

/** Returns the steps in order: each function, its triggers, then each collection. */
export function deploySteps(rc: CloudBaseRc, collections: CollectionSpec[], envId: string): DeployStep[] {
  const steps: DeployStep[] = [];
  for (const fn of rc.functions) {
    steps.push({
      description:
        `function ${fn.name}: ${fn.runtime}, ${fn.memorySize} MB, ${fn.timeout} s timeout, ` +
        `from ${rc.functionRoot}/${fn.name}, ${fn.installDependency ? 'online install' : 'no online install'}`,
      command: ['fn', 'deploy', fn.name, '--force', '-e', envId],
    });
    for (const trigger of fn.triggers ?? []) {
      steps.push({
        description: `${trigger.type} trigger ${trigger.name} of ${fn.name}: "${trigger.config}" (UTC+8)`,
        command: ['fn', 'trigger', 'create', fn.name, '-e', envId],
      });
    }
  }
  for (const collection of collections) {
    const indexes = collection.indexes.map((index) => index.fields.join('+')).join(', ') || 'none';
    steps.push({
      description:
        `collection ${collection.name}: permission ${collection.acl}, rule ` +
        `${JSON.stringify(collection.rule)}, indexes ${indexes} (console: 数据库 > ${collection.name})`,
      command: null,
    });
  }
  return steps;
}

/** Checks the built folders exist; returns the missing ones. */
export function missingBuilds(rc: CloudBaseRc, root = REPO_ROOT): string[] {
  return rc.functions
    .map((fn) => path.join(root, rc.functionRoot, fn.name, 'index.js'))
    .filter((file) => !fs.existsSync(file));
}
