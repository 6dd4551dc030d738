/** Sizes of the built function folders, and the check against the size limit. */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Largest folder of a function that ships no face models, in bytes (1 MiB). */
export const MAX_FUNCTION_BYTES = 1024 * 1024;

export interface FunctionSize {
  name: string;
  indexBytes: number;
  indexGzipBytes: number;
  /** Every file in the folder, node_modules included. */
  totalBytes: number;
  fileCount: number;
  shipsFaceModels: boolean;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Measures one built function folder. */
export function measureFunction(name: string, dir: string, shipsFaceModels: boolean): FunctionSize {
  const files = walk(dir);
  const index = fs.readFileSync(path.join(dir, 'index.js'));
  return {
    name,
    indexBytes: index.length,
    indexGzipBytes: gzipSync(index, { level: 9 }).length,
    totalBytes: files.reduce((sum, file) => sum + fs.statSync(file).size, 0),
    fileCount: files.length,
    shipsFaceModels,
  };
}

/** Returns the functions over {@link MAX_FUNCTION_BYTES}, face functions excepted. */
export function oversized(sizes: FunctionSize[]): FunctionSize[] {
  return sizes.filter((size) => !size.shipsFaceModels && size.totalBytes > MAX_FUNCTION_BYTES);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Formats the report as a fixed-width table. */
export function formatSizeReport(sizes: FunctionSize[]): string {
  const header = ['function', 'index.js', 'gzip', 'folder', 'files', 'limit'];
  const rows = sizes.map((size) => [
    size.name,
    kib(size.indexBytes),
    kib(size.indexGzipBytes),
    kib(size.totalBytes),
    String(size.fileCount),
    size.shipsFaceModels ? 'no limit (face models)' : size.totalBytes > MAX_FUNCTION_BYTES ? 'OVER 1 MiB' : 'ok',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
