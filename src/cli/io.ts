// Where the command-line program writes. Commands take a CliIo instead of touching process.stdout so that tests can
// run them in-process and read what they printed.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when standard output is a terminal (progress bars and colours only then). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Captures output, for tests. */
export function memoryIo(overrides: Partial<CliIo> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    isTty: false,
    env: {},
    cwd: process.cwd(),
    ...overrides,
    stdout,
    stderr,
  };
}
