/**
 * Reads a spec body into sections: every `#` or `##` heading starts one, literal Markdown is kept
 * as written, and each `{{helper …}}` becomes a `HelperCall` with its file line and column. The
 * body is parsed with Handlebars' own parser but never executed: helpers are resolved later
 * against the evidence store, which keeps composition synchronous, pure and deterministic.
 */
import Handlebars from 'handlebars';
import { CLAIM_KINDS } from '../select/kinds.ts';
import type { BodySection, ClaimKind, Diagnostic, HelperCall, HelperName } from '../model.ts';
import { HELPERS, HELPER_NAMES } from './helpers.ts';
import { suggestion } from '../diagnostics/suggest.ts';
import { message } from '../diagnostics/message.ts';

export type { BodySection, MarkdownBlock, SectionBlock } from '../model.ts';

export interface ParsedBody {
  sections: BodySection[];
  diagnostics: Diagnostic[];
}

const HEADING = /^(#{1,2})\s+(.+?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** `bodyLine` is the file line where the body starts. */
export function parseBody(file: string, body: string, bodyLine: number): ParsedBody {
  const diagnostics: Diagnostic[] = [];
  const toFile = (line: number) => line + bodyLine - 1;
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(body);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const m = /line (\d+)/.exec(reason);
    diagnostics.push(message('spec/helper-syntax', `cannot read the helper call: ${reason.split('\n')[0]}`,
      { file, line: m ? toFile(Number(m[1])) : bodyLine, column: 1 },
      { hint: 'helpers look like {{claims "search words" limit=3}}: check the braces and quotes' }));
    return { sections: [], diagnostics };
  }

  const sections: BodySection[] = [];
  let current: BodySection = { title: '', level: 0, line: bodyLine, blocks: [] };
  let text: string[] = [];
  let textLine = bodyLine;
  let inFence = false;
  const flush = () => {
    const markdown = text.join('\n').replace(/^\s*\n/, '').trimEnd();
    if (markdown.trim()) current.blocks.push({ kind: 'markdown', block: { markdown, line: textLine } });
    text = [];
  };
  const startSection = (title: string, level: 1 | 2, line: number) => {
    flush();
    if (current.level !== 0 || current.blocks.length) sections.push(current);
    current = { title, level, line, blocks: [] };
  };

  for (const stmt of ast.body) {
    if (stmt.type === 'ContentStatement') {
      const content = (stmt as hbs.AST.ContentStatement).value;
      const lines = content.split('\n');
      lines.forEach((lineText, i) => {
        const line = toFile(stmt.loc.start.line + i);
        if (FENCE.test(lineText)) inFence = !inFence;
        const heading = !inFence && (i > 0 || stmt.loc.start.column === 0) ? HEADING.exec(lineText) : null;
        if (heading) {
          startSection(heading[2], heading[1].length as 1 | 2, line);
          textLine = line + 1;
          return;
        }
        if (!text.length || !text.join('').trim()) textLine = line;
        if (i > 0 || text.length === 0) text.push(lineText);
        else text[text.length - 1] += lineText;
      });
    } else if (stmt.type === 'MustacheStatement') {
      flush();
      const call = readCall(file, stmt as hbs.AST.MustacheStatement, toFile, diagnostics);
      if (call) current.blocks.push({ kind: 'helper', call });
    } else if (stmt.type === 'CommentStatement') {
      continue;
    } else {
      const { line, column } = stmt.loc.start;
      diagnostics.push(message('spec/helper-syntax', 'block helpers ({{#…}}…{{/…}}) are not supported in a briefing',
        { file, line: toFile(line), column: column + 1 }, { hint: 'write one helper per line, e.g. {{claims "pipelines" limit=3}}' }));
    }
  }
  flush();
  if (current.level !== 0 || current.blocks.length) sections.push(current);
  return { sections, diagnostics };
}

function readCall(
  file: string,
  stmt: hbs.AST.MustacheStatement,
  toFile: (line: number) => number,
  diagnostics: Diagnostic[],
): HelperCall | undefined {
  const path = stmt.path as hbs.AST.PathExpression;
  const name = path.original ?? '';
  const line = toFile(stmt.loc.start.line);
  const column = stmt.loc.start.column + 1;
  const raw = `{{${[name, ...stmt.params.map(literal), ...stmt.hash?.pairs.map((p) => `${p.key}=${literal(p.value)}`) ?? []].join(' ')}}}`;
  const at = (loc: hbs.AST.SourceLocation) => ({ file, line: toFile(loc.start.line), column: loc.start.column + 1 });
  if (!(HELPER_NAMES as string[]).includes(name)) {
    diagnostics.push(message('spec/unknown-helper', `unknown helper '${name}'`, { file, line, column }, { hint: suggestion(name, HELPER_NAMES) }));
    return undefined;
  }
  const def = HELPERS[name as HelperName];
  const call: HelperCall = { helper: def.name, line, column, raw };
  let ok = true;
  stmt.params.forEach((param, i) => {
    if (!def.query || i > 0 || param.type !== 'StringLiteral') {
      ok = false;
      diagnostics.push(message('spec/helper-argument',
        def.query ? `'${name}' takes one quoted search text, got ${literal(param)}` : `'${name}' takes no search text`,
        at(param.loc), { hint: def.query ? `write {{${name} "search words"}}` : `write ${def.example}` }));
      return;
    }
    call.query = (param as hbs.AST.StringLiteral).value;
  });
  for (const pair of stmt.hash?.pairs ?? []) {
    const type = def.options[pair.key];
    const value = (pair.value as { value?: unknown }).value;
    if (!type) {
      ok = false;
      diagnostics.push(message('spec/unknown-option', `'${name}' has no option '${pair.key}'`, at(pair.loc),
        { hint: suggestion(pair.key, Object.keys(def.options)) }));
      continue;
    }
    const wrongType =
      (type === 'number' && (pair.value.type !== 'NumberLiteral' || Number(value) < 1)) ||
      (type !== 'number' && pair.value.type !== 'StringLiteral');
    if (wrongType || (type === 'kind' && !(CLAIM_KINDS as readonly unknown[]).includes(value))) {
      ok = false;
      diagnostics.push(message('spec/helper-option-type',
        `option '${pair.key}' of '${name}' must be ${type === 'number' ? 'a positive number' : type === 'kind' ? 'a claim kind' : 'a quoted text'}, got ${literal(pair.value)}`,
        at(pair.value.loc), {
          hint: type === 'kind' ? suggestion(String(value), CLAIM_KINDS) : type === 'number' ? `write ${pair.key}=3` : `write ${pair.key}="…"`,
        }));
      continue;
    }
    if (pair.key === 'kind') call.kind = value as ClaimKind;
    else (call as unknown as Record<string, unknown>)[pair.key] = value;
  }
  return ok ? call : undefined;
}

function literal(node: hbs.AST.Expression): string {
  const n = node as { type: string; value?: unknown; original?: unknown };
  if (n.type === 'StringLiteral') return JSON.stringify(n.value);
  return String(n.original ?? n.value ?? n.type);
}
