/**
 * The command line: parses flags and calls the library. Each command lives in its own file and
 * exports `register(program)`; nothing here knows how a deck is built.
 */
import { Command, CommanderError } from 'commander';

import { trace } from '../trace.ts';
import pkg from '../../package.json' with { type: 'json' };

const VERSION = pkg.version;

/** Each command's module, in the order help lists them. */
const COMMANDS: Record<string, () => Promise<{ register(program: Command): void }>> = {
  build: () => import('./build.ts'),
  preview: () => import('./preview.ts'),
  new: () => import('./new.ts'),
  themes: () => import('./themes.ts'),
  check: () => import('./check.ts'),
  corpus: () => import('./corpus.ts'),
  claims: () => import('./claims.ts'),
  quotes: () => import('./quotes.ts'),
};

/**
 * The commands to register: the one named when nothing before it but the project root is given
 * (`briefdeck -C dir claims oil`), so a search loads no renderer, spec or theme module; all of
 * them otherwise (help, the version, a misspelt command), in help's order.
 */
async function commandsFor(argv: readonly string[]): Promise<Array<{ register(program: Command): void }>> {
  let named: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-C' || arg === '--root') i++;
    else if (arg.startsWith('--root=')) continue;
    else {
      if (Object.hasOwn(COMMANDS, arg)) named = arg;
      break;
    }
  }
  return Promise.all(named ? [COMMANDS[named]()] : Object.values(COMMANDS).map((load) => load()));
}

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
  for (const command of await commandsFor(argv)) command.register(program);
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
