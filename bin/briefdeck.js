#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader, so a clone needs no build step.
import { register } from 'tsx/esm/api';

register();
// `briefdeck claims | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
