/**
 * The one way a stage makes a message about the user's input, in the manner of vfile's
 * `file.message(reason, place, origin)`: the reason, the place (file, line, column), the code
 * (`source/rule`, from the registry in `codes.ts`) and how to fix it. A stage that cannot go on
 * throws a `MessageError` carrying its message, which the caller reports like any other.
 */
import type { Diagnostic, Severity } from '../model.ts';
import { CODES, type DiagnosticCode } from './codes.ts';

/** Where a message points: a file, and a line and column in it when known. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
}

export interface MessageOptions {
  /** How to fix it ("did you mean 'executive'?"). */
  hint?: string;
  /** Overrides the code's usual severity (`--strict` makes warnings errors). */
  severity?: Severity;
  /** Detail a summary line already covers: printed only with `--verbose`. */
  verbose?: boolean;
}

export function message(code: DiagnosticCode, reason: string, place: Place, options: MessageOptions = {}): Diagnostic {
  const d: Diagnostic = { severity: options.severity ?? CODES[code].severity, file: place.file, message: reason, code };
  if (place.line !== undefined) d.line = place.line;
  if (place.line !== undefined && place.column !== undefined) d.column = place.column;
  if (options.hint) d.hint = options.hint;
  if (options.verbose) d.verbose = true;
  return d;
}

/** A stage that cannot go on: its messages say where and why, the caller reports them. */
export class MessageError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(first: Diagnostic, ...more: Diagnostic[]) {
    const where = first.line ? `${first.file}:${first.line}${first.column ? `:${first.column}` : ''}` : first.file;
    super(`${where}: ${first.message}`);
    this.name = 'MessageError';
    this.diagnostics = [first, ...more];
  }

  get code(): string {
    return this.diagnostics[0].code;
  }
}

/** The messages an error carries, or `undefined` for an error that is not about the user's input. */
export const messagesOf = (err: unknown): Diagnostic[] | undefined => (err instanceof MessageError ? err.diagnostics : undefined);
