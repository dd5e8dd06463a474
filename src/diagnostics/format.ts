import pc from 'picocolors';
import type { Diagnostic } from '../model.ts';

/**
 * `file:line:col  error  message (hint)`, the shape editors and terminals link to; `verbose` adds
 * where an internal error happened.
 */
export function formatDiagnostic(d: Diagnostic, color = false, verbose = false): string {
  const where = d.line ? `${d.file}:${d.line}${d.column ? `:${d.column}` : ''}` : d.file;
  const sev = color
    ? d.severity === 'error'
      ? pc.red('error')
      : d.severity === 'warning'
        ? pc.yellow('warning')
        : pc.blue('info')
    : d.severity;
  const hint = d.hint ? `\n    hint: ${d.hint}` : '';
  const detail = verbose && d.detail ? `\n${d.detail.replace(/^/gm, '    ')}` : '';
  return `${where}  ${sev}  ${d.message}  [${d.code}]${hint}${detail}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by file, then line, then column, so reports read top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
