/**
 * Plain-text tables for the corpus commands: fixed columns, long cells cut with an ellipsis so a
 * row stays on one terminal line. The `--json` shapes live in the commands, not here.
 */
export function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : flat.slice(0, Math.max(0, width - 1)) + '…';
}

export function table(headers: string[], rows: string[][], widths: number[]): string {
  const line = (cells: string[]) => cells.map((c, i) => cut(c, widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}
