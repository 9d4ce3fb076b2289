// Which jobs exist and what runs them. Definitions (names, defaults) are fixed here; handlers are injected by
// whoever starts the scheduler (the sync engine provides them), so the scheduler depends on no job's code. A due job
// without a handler fails with a "not implemented yet" message that is recorded like any other failure.
import { AppError } from '../lib/errors.js';
import { BUILT_IN_JOBS, type JobDefinition } from './job-definitions.js';

/** Where a job writes progress. The CLI prints it; the web process may pass its logger. */
export interface JobLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface JobContext {
  /** Aborted on SIGTERM/SIGINT, `stop()`, or when the lease is lost: stop at the next safe point. */
  readonly signal: AbortSignal;
  /**
   * Extends the lease now (it is also renewed every lease/3 automatically). Call between long steps when the event
   * loop may be busy for a while. Throws LeaseLostError if another instance has taken the job over.
   */
  renewLease(): Promise<void>;
  readonly log: JobLogger;
  /**
   * The run of the job this one runs alongside (JobDefinition.runsAlongside), when both were due in the same tick and
   * started together; settles when that run has finished. Absent otherwise.
   */
  readonly alongside?: Promise<unknown>;
}

export interface JobResult {
  /** Counts and facts for the run history (stored as JSON): `{ teamsCreated: 2, membersAdded: 40 }`. */
  readonly summary: Readonly<Record<string, unknown>>;
  /** The job finished but something needs attention: the run is recorded as `warning` with this text. */
  readonly warning?: string;
}

export type JobHandler = (context: JobContext) => Promise<JobResult>;

/** Handlers by job name, e.g. `{ 'microsoft:sync-teams': (ctx) => runTeamsSync(ctx) }`. */
export type JobHandlers = Readonly<Record<string, JobHandler | undefined>>;

export interface JobRegistry {
  readonly definitions: readonly JobDefinition[];
  definition(name: string): JobDefinition | undefined;
  handler(name: string): JobHandler | undefined;
}

/**
 * A registry of the built-in jobs (or `definitions`) with the given handlers. Handlers may import their code lazily,
 * so that a `schedule:run` with nothing due loads none of it.
 * @example
 * const registry = createJobRegistry({ 'microsoft:sync-teams': async (ctx) => (await import('../sync/index.js')).… });
 */
export function createJobRegistry(
  handlers: JobHandlers = {},
  definitions: readonly JobDefinition[] = BUILT_IN_JOBS,
): JobRegistry {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  for (const name of Object.keys(handlers)) {
    if (!byName.has(name)) throw new Error(`A handler was given for "${name}", which is not a defined job`);
  }
  return {
    definitions,
    definition: (name) => byName.get(name),
    handler: (name) => (byName.has(name) ? handlers[name] : undefined),
  };
}

export class JobNotImplementedError extends AppError {
  constructor(name: string) {
    super(
      `The job ${name} is not implemented yet in this version of Elentra Teams, so nothing was done. ` +
        'Switch it off with `elentra-teams schedule:set ' +
        `${name} --active 0\` until an update provides it.`,
      { code: 'scheduler.not_implemented' },
    );
  }
}

/** The registry's known names, for "unknown job" messages. */
export function knownJobNames(registry: JobRegistry): string {
  return registry.definitions.map((definition) => definition.name).join(', ');
}
