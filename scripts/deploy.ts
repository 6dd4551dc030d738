/**
 * Deploys the built functions and their timer trigger with the CloudBase CLI (`tcb`), and
 * lists the database collections with their security rules and indexes.
 *
 * Usage: npm run deploy -- --dry-run   prints the plan and contacts nothing
 *        npm run deploy                needs TCB_ENV_ID, TENCENTCLOUD_SECRETID and
 *                                      TENCENTCLOUD_SECRETKEY, and a prior build:functions
 *
 * The CLI has no command for collection permissions or indexes, so those steps are
 * printed for the console (or the CloudBase MCP tools) in both modes.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  deploySteps,
  FUNCTION_VARIABLES,
  missingBuilds,
  readCollections,
  readRc,
  REPO_ROOT,
  type DeployStep,
} from '../build/deploy-plan';

const TCB = path.join(REPO_ROOT, 'node_modules', '.bin', 'tcb');

function printPlan(steps: DeployStep[], dryRun: boolean): void {
  console.log(dryRun ? 'Dry run: nothing is sent.\n' : 'Deploying:\n');
  for (const step of steps) {
    const how = step.command ? `tcb ${step.command.join(' ')}` : 'console step';
    console.log(`- ${step.description}\n    ${how}`);
  }
  console.log(`\nSet on every function (console > 云函数 > 函数配置): ${FUNCTION_VARIABLES.join(', ')}`);
}

function requireVariables(names: string[]): Record<string, string> {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} missing: set them to deploy, or pass --dry-run`);
  }
  return Object.fromEntries(names.map((name) => [name, process.env[name] as string]));
}

function runTcb(args: string[], shown: string[] = args): void {
  console.log(`$ tcb ${shown.join(' ')}`);
  const result = spawnSync(TCB, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tcb ${shown.join(' ')} failed with exit code ${result.status}`);
}

function main(): void {
  const dryRun = process.argv.includes('--dry-run');
  const rc = readRc();
  const envId = dryRun ? process.env.TCB_ENV_ID || '<TCB_ENV_ID>' : requireVariables(['TCB_ENV_ID']).TCB_ENV_ID;
  const steps = deploySteps(rc, readCollections(), envId);
  const missing = missingBuilds(rc);
  if (missing.length > 0) {
    const message = `not built: ${missing.join(', ')}; run npm run build:functions first`;
    if (!dryRun) throw new Error(message);
    console.log(`Note: ${message}\n`);
  }
  printPlan(steps, dryRun);
  if (dryRun) return;

  const keys = requireVariables(['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']);
  // NOTE: the CLI takes the key as an argument, so other local users can see it in the
  // process list while the login runs. Run deploys from a single-user machine or CI.
  runTcb(['login', '--apiKeyId', keys.TENCENTCLOUD_SECRETID, '--apiKey', keys.TENCENTCLOUD_SECRETKEY], ['login', '--apiKeyId', '***', '--apiKey', '***']);
  for (const step of steps) if (step.command) runTcb(step.command);
  console.log('\nFunctions deployed. Apply the collection steps above in the console if not done yet.');
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
