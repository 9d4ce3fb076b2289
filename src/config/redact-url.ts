// Database URLs carry passwords; this is how they are shown in messages and by config:check.

/** `mysql://elentra:hunter2@db/entrada` → `mysql://elentra:***@db/entrada`. */
export function redactUrlPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');
}
