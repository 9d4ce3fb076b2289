// Runs one claimed job: calls its handler with an abortable signal, renews the lease every lease/3 while it runs,
// and records the outcome (./run-record.ts), which also releases the lease. A stop request (SIGTERM, `stop()`) or a
// lost lease aborts the signal; a handler that has not settled `stopGraceMs` later is abandoned: recorded as
// stopped, lease released. The jobs are idempotent, so the next run redoes whatever was cut short.
import { AppError } from '../lib/errors.js';
import type { ClaimedRun } from './claim-run.js';
import { type JobContext, JobNotImplementedError, type JobResult } from './job-registry.js';
import { LeaseLostError, renewLease } from './lease.js';
import { type FinishedRun, finishRun, type RunOutcome } from './run-record.js';
import type { SchedulerContext } from './scheduler-context.js';

/** The reason put on an aborted signal when the scheduler itself is asked to stop. */
export class SchedulerStoppedError extends AppError {
  constructor(why: string) {
    super(`Stopped before it finished: ${why}. The next run picks the work up again.`, { code: 'scheduler.stopped' });
  }
}

type Settled = { kind: 'done'; result: JobResult } | { kind: 'failed'; error: unknown } | { kind: 'abandoned' };

export function errorInWords(error: unknown): string {
  if (error instanceof AppError) return error.publicMessage;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function abortReasonInWords(signal: AbortSignal): string {
  return signal.reason instanceof Error ? errorInWords(signal.reason) : 'Stopped before it finished.';
}

/** Waits for the handler; once `signal` aborts, waits at most `graceMs` more. */
async function settle(run: Promise<JobResult>, signal: AbortSignal, graceMs: number): Promise<Settled> {
  let graceTimer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const abandoned = new Promise<Settled>((resolve) => {
    onAbort = () => {
      graceTimer = setTimeout(() => resolve({ kind: 'abandoned' }), graceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const finished = run.then(
    (result): Settled => ({ kind: 'done', result }),
    (error: unknown): Settled => ({ kind: 'failed', error }),
  );
  try {
    return await Promise.race([finished, abandoned]);
  } finally {
    clearTimeout(graceTimer);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}

function outcomeOf(settled: Settled, signal: AbortSignal, graceMs: number): RunOutcome {
  if (settled.kind === 'done') {
    const { summary, warning } = settled.result;
    return warning === undefined
      ? { status: 'ok', error: null, summary }
      : { status: 'warning', error: warning, summary };
  }
  if (settled.kind === 'abandoned') {
    const seconds = Math.round(graceMs / 1000);
    const why = `${abortReasonInWords(signal)} (the job did not stop within ${seconds} s and was abandoned)`;
    return { status: 'error', error: why, summary: null };
  }
  // A handler that stops because its signal aborted throws an AbortError: the signal's reason says why.
  const error = signal.aborted ? abortReasonInWords(signal) : errorInWords(settled.error);
  return { status: 'error', error, summary: null };
}

export async function executeJob(
  context: SchedulerContext,
  claim: ClaimedRun,
  stopSignal?: AbortSignal,
  alongside?: Promise<unknown>,
): Promise<FinishedRun> {
  const handler = context.registry.handler(claim.jobName);
  if (handler === undefined) {
    const error = new JobNotImplementedError(claim.jobName).publicMessage;
    return finishRun(context, claim, { status: 'error', error, summary: null });
  }
  const controller = new AbortController();
  const stop = () => controller.abort(stopSignal?.reason);
  if (stopSignal?.aborted) stop();
  stopSignal?.addEventListener('abort', stop, { once: true });

  const renew = async (): Promise<void> => {
    if (await renewLease(context, claim.jobName)) return;
    const lost = new LeaseLostError(claim.jobName);
    controller.abort(lost);
    throw lost;
  };
  const renewal = setInterval(() => {
    renew().catch((error: unknown) => {
      if (!(error instanceof LeaseLostError))
        context.log.warn(`${claim.jobName}: lease renewal failed: ${errorInWords(error)}`);
    });
  }, context.leaseMs / 3);

  const jobContext: JobContext = {
    signal: controller.signal,
    renewLease: renew,
    log: context.log,
    ...(alongside ? { alongside } : {}),
  };
  try {
    const run = Promise.resolve().then(() => handler(jobContext));
    const settled = await settle(run, controller.signal, context.stopGraceMs);
    if (settled.kind === 'failed' && !(settled.error instanceof AppError) && settled.error instanceof Error) {
      context.log.error(`${claim.jobName} failed: ${settled.error.stack ?? settled.error.message}`);
    }
    return await finishRun(context, claim, outcomeOf(settled, controller.signal, context.stopGraceMs));
  } finally {
    clearInterval(renewal);
    stopSignal?.removeEventListener('abort', stop);
  }
}
