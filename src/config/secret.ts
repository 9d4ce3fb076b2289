// A string that must not be printed: client secret, APP_KEY. Every way a value usually leaks (template strings,
// JSON logs, console.log / util.inspect) shows "[redacted]"; only reveal() gives the value, at the point of use.

const REDACTED = '[redacted]';

export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The secret itself: call it where the value is sent (token request, cipher), never where it is shown. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
