/** Pretty-prints a model file with each bin's two-number range on one line, for easy reading. */
export function formatModelJson(file: unknown): string {
  const pretty = JSON.stringify(file, null, 2);
  const ranges = pretty.replace(/"range": \[\s+([^,\s]+),\s+([^\s\]]+)\s+\]/g, '"range": [$1, $2]');
  return `${ranges.replace(/"(edges|shares)": \[([^\]]*)\]/g, (_, key: string, body: string) => `"${key}": [${body.replace(/\s+/g, ' ').trim()}]`)}\n`;
}
