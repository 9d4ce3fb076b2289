// The optional state file (`startEmulator({ statePath })`, `--state FILE`): the tenant's Graph data and the identity
// platform's tokens and consents outlive a restart. Loaded once at start when the file exists; saved atomically
// (a temporary file in the same folder, then a rename) 500 ms after the last change — at most 5 s after the first
// unsaved one — and on stop. The parts serialise themselves: graph/persisted-state.ts, identity/persisted-state.ts.
// Users and apps always come from the seed; a file written for another tenant id is ignored and then replaced.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorContext } from './context.js';
import { type PersistedGraphState, persistGraphState, restoreGraphState } from './graph/persisted-state.js';
import type { Identity } from './identity/identity.js';
import { type PersistedIdentityState, persistIdentityState, restoreIdentityState } from './identity/persisted-state.js';

const FORMAT = 'elentra-teams-emulator-state';
const VERSION = 1;

export const SAVE_DEBOUNCE_MS = 500;
export const SAVE_MAX_DELAY_MS = 5000;

interface StateFileContents {
  format: typeof FORMAT;
  version: typeof VERSION;
  tenantId: string;
  savedAt: string;
  graph: PersistedGraphState;
  identity: PersistedIdentityState;
}

/** What start found: `restored` (the file's state is in use), `new` (no file yet), `other-tenant` (file ignored). */
export type StateFileLoad = 'restored' | 'new' | 'other-tenant';

export class StateFileError extends Error {
  constructor(path: string, reason: string) {
    super(
      `The emulator state file ${path} cannot be used: ${reason}. Delete it to start from the seed (the tenant's teams, events and tokens are then forgotten).`,
    );
    this.name = 'StateFileError';
  }
}

export interface StateFile {
  readonly path: string;
  readonly loaded: StateFileLoad;
  /** Something changed: save soon (debounced). */
  changed(): void;
  /** Saves now if anything changed since the last save. */
  flush(): void;
  /** Saves what is pending and stops the timer; later changes are not saved. */
  close(): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readContents(path: string): StateFileContents | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StateFileError(path, (error as Error).message);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateFileError(path, 'it is not valid JSON');
  }
  if (!isRecord(parsed) || parsed.format !== FORMAT) throw new StateFileError(path, `it is not a ${FORMAT} file`);
  if (parsed.version !== VERSION) {
    throw new StateFileError(path, `it has version ${String(parsed.version)}; this emulator reads version ${VERSION}`);
  }
  if (typeof parsed.tenantId !== 'string' || !isRecord(parsed.graph) || !isRecord(parsed.identity)) {
    throw new StateFileError(path, 'it lacks the tenant id, the Graph state or the identity state');
  }
  // The parts check their own shapes on restore; this file only ever holds what save() wrote.
  return parsed as unknown as StateFileContents;
}

/** Writes `text` to `path` so that a reader sees the old file or the new one, never a part (owner-only: tokens). */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Restores the state from `path` into the context and identity when the file exists, and returns the handle that
 * saves it. Throws StateFileError for a file it cannot read (damaged, another format or version).
 */
export function openStateFile(path: string, ctx: EmulatorContext, identity: Identity): StateFile {
  const contents = readContents(path);
  let loaded: StateFileLoad = 'new';
  if (contents && contents.tenantId !== ctx.tenant.tenantId) {
    loaded = 'other-tenant';
  } else if (contents) {
    try {
      restoreGraphState(ctx, contents.graph);
      restoreIdentityState(ctx, identity, contents.identity);
    } catch (error) {
      throw new StateFileError(path, (error as Error).message);
    }
    loaded = 'restored';
  }

  let timer: NodeJS.Timeout | null = null;
  let firstUnsavedAtMs: number | null = null;
  let closed = false;

  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (firstUnsavedAtMs === null) return;
    firstUnsavedAtMs = null;
    const data: StateFileContents = {
      format: FORMAT,
      version: VERSION,
      tenantId: ctx.tenant.tenantId,
      savedAt: new Date().toISOString(),
      graph: persistGraphState(ctx),
      identity: persistIdentityState(ctx, identity),
    };
    try {
      writeAtomically(path, `${JSON.stringify(data)}\n`);
    } catch (error) {
      // A full disk must not take the emulator (or the product it runs in) down; the next change tries again.
      process.emitWarning(`The emulator state was not saved to ${path}: ${(error as Error).message}`);
    }
  };

  return {
    path,
    loaded,
    changed() {
      if (closed) return;
      const nowMs = Date.now();
      firstUnsavedAtMs ??= nowMs;
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(SAVE_DEBOUNCE_MS, firstUnsavedAtMs + SAVE_MAX_DELAY_MS - nowMs));
      timer = setTimeout(save, wait);
      // Never the reason the process stays up; stop() saves what is pending.
      timer.unref();
    },
    flush: save,
    close() {
      save();
      closed = true;
    },
  };
}
