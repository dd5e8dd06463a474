/**
 * `BRIEFDECK_TRACE=1`: one line on stderr per stage of a run (modules loaded, browser up, corpus
 * checked, deck composed, each format rendered, files written, browser closed), in milliseconds
 * since the process started, to see where a command's time goes. Silent otherwise.
 */
const on = Boolean(process.env.BRIEFDECK_TRACE);

export function trace(stage: string): void {
  if (!on) return;
  const { user, system } = process.cpuUsage();
  process.stderr.write(`[trace ${performance.now().toFixed(0).padStart(5)} ms, ${((user + system) / 1000).toFixed(0).padStart(4)} ms CPU] ${stage}\n`);
}
