import type { z } from 'zod';

/** Turns the first zod issue into one plain sentence that names the field. */
export function describeZodError(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'Invalid request.' };
  const field = issue.path.length ? issue.path.map(String).join('.') : undefined;
  if (issue.code === 'unrecognized_keys') {
    const keys = (issue as { keys?: string[] }).keys ?? [];
    return { message: `Unknown field ${keys.map((key) => `"${key}"`).join(', ')}: remove it and send the request again.`, field: keys[0] };
  }
  const prefix = field ? `Field "${field}" is invalid: ` : 'Invalid request: ';
  return { message: prefix + issue.message, field };
}
