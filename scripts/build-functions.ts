/**
 * Bundles every cloud function in `cloudfunctions/registry.ts` into
 * `dist/cloudfunctions/<name>/` and prints a size report. Exits with 1 when a bundle pulls
 * in embedded-only code or a function without face models is over 1 MiB.
 *
 * Usage: npm run build:functions [-- --only <name>]
 */
import path from 'node:path';
import { bundleFunction } from '../build/functions/bundle-function';
import { copyFiles, faceDependencyFiles } from '../build/functions/face-dependencies';
import {
  FUNCTIONS_OUTPUT_DIR,
  functionSpecs,
  readRegistryNames,
} from '../build/functions/function-list';
import {
  formatSizeReport,
  measureFunction,
  oversized,
  type FunctionSize,
} from '../build/functions/size-report';
import { writeFunctionFolder } from '../build/functions/write-function';

function onlyArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--only');
  return index >= 0 ? argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const only = onlyArgument(process.argv.slice(2));
  const specs = functionSpecs(readRegistryNames()).filter((spec) => !only || spec.name === only);
  if (specs.length === 0) throw new Error(`no registered function is named ${only}`);
  const sizes: FunctionSize[] = [];
  for (const spec of specs) {
    const started = Date.now();
    const dir = path.join(FUNCTIONS_OUTPUT_DIR, spec.name);
    const bundle = await bundleFunction(spec);
    writeFunctionFolder(spec, dir, bundle.code);
    if (spec.shipsFaceModels) copyFiles(await faceDependencyFiles(), dir);
    for (const warning of bundle.warnings) console.warn(`${spec.name}: ${warning}`);
    sizes.push(measureFunction(spec.name, dir, spec.shipsFaceModels));
    console.log(`built ${spec.name} in ${Date.now() - started} ms`);
  }
  console.log(`\n${formatSizeReport(sizes)}\n`);
  const over = oversized(sizes);
  if (over.length > 0) {
    console.error(`over the 1 MiB limit: ${over.map((size) => size.name).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
