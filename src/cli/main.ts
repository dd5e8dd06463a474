/**
 * The command line: parses flags and calls the library. Each command lives in its own file and
 * exports `register(program)`; nothing here knows how a deck is built.
 */
import { Command, CommanderError } from 'commander';
import { register as registerBuild } from './build.ts';
import { register as registerPreview } from './preview.ts';
import { register as registerNew } from './new.ts';
import { register as registerThemes } from './themes.ts';
import { register as registerCheck } from './check.ts';
import { register as registerCorpus } from './corpus.ts';
import { register as registerClaims } from './claims.ts';
import { register as registerQuotes } from './quotes.ts';

import { trace } from '../trace.ts';
import pkg from '../../package.json' with { type: 'json' };

const VERSION = pkg.version;

/** Exit codes: 0 ok, 1 a build or input error, 2 a usage error. */
export const EXIT = { ok: 0, error: 1, usage: 2 } as const;

export async function main(argv: string[]): Promise<number> {
  trace('command line loaded');
  const program = new Command('briefdeck')
    .description('Turn a corpus of analysis articles into cited briefing decks.')
    .version(VERSION, '-V, --version')
    .option('-C, --root <dir>', 'project root', process.cwd())
    .showHelpAfterError()
    .exitOverride();
  registerBuild(program);
  registerPreview(program);
  registerNew(program);
  registerThemes(program);
  registerCheck(program);
  registerCorpus(program);
  registerClaims(program);
  registerQuotes(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(err.code)) return EXIT.ok;
      return EXIT.usage;
    }
    // Anything else is a bug or an environment failure: one clear line, the stack only on request.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`briefdeck: ${message}\n`);
    const verbose = argv.includes('--verbose') || argv.includes('-v');
    if ((process.env.BRIEFDECK_DEBUG || verbose) && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('(run with --verbose, or set BRIEFDECK_DEBUG=1, to see where it happened)\n');
    return EXIT.error;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
}
