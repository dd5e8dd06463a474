/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, after vitest's own
 * summary, so any CI log reader can tell at a glance what ran.
 */
import type { Reporter } from 'vitest/reporters';
import type { RunnerTask, RunnerTestFile } from 'vitest';

function count(tasks: RunnerTask[], tally: { passed: number; failed: number; skipped: number }): void {
  for (const task of tasks) {
    if (task.type === 'suite') count(task.tasks, tally);
    else if (task.result?.state === 'pass') tally.passed += 1;
    else if (task.result?.state === 'fail') tally.failed += 1;
    else tally.skipped += 1;
  }
}

export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []): void {
    const tally = { passed: 0, failed: 0, skipped: 0 };
    for (const file of files) {
      count(file.tasks, tally);
      // A file that failed to load has no tests but is a failure all the same.
      if (file.result?.state === 'fail' && file.tasks.length === 0) tally.failed += 1;
    }
    tally.failed += errors.length;
    process.stdout.write(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`);
  }
}
