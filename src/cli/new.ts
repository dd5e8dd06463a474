/** `briefdeck new <name>`: writes a commented briefing spec that builds as it is. */
import { Command, Option } from 'commander';
import { relative, resolve } from 'node:path';
import { AUDIENCES, type Audience } from '../model.ts';
import { loadConfig } from '../config/index.ts';
import { newBriefing } from '../scaffold/index.ts';
import { themeNames } from '../theme/index.ts';
import { formatDiagnostic } from '../diagnostics/format.ts';
import { didYouMean } from '../diagnostics/suggest.ts';

export function register(program: Command): void {
  program
    .command('new')
    .description('write a new briefing spec (briefings/<name>.md) with every key explained; never overwrites')
    .argument('<name>', 'briefing name, e.g. energy-outlook, or a path ending in .md')
    .option('--title <title>', 'deck title (default: from the name)')
    .addOption(new Option('-a, --audience <audience>', 'who the deck is for').choices(AUDIENCES).default('analyst'))
    .option('-t, --theme <name>', "theme (default: the audience's)")
    .option('--topics <list>', 'topics to cover, comma-separated', (v: string) =>
      v.split(',').map((s) => s.trim()).filter(Boolean),
    )
    .action((name: string, opts, cmd: Command) => {
      const root = resolve(cmd.optsWithGlobals().root as string);
      const color = Boolean(process.stderr.isTTY) && !process.env.CI;
      const themes = themeNames(root);
      if (opts.theme && themes.length && !themes.includes(opts.theme)) {
        const guess = didYouMean(opts.theme, themes);
        process.stderr.write(
          `error: unknown theme '${opts.theme}'${guess ? ` — did you mean '${guess}'?` : ''} (themes: ${themes.join(', ')})\n`,
        );
        process.exitCode = 2;
        return;
      }
      const { config } = loadConfig(root);
      const result = newBriefing({
        root,
        name,
        briefingsDir: config.briefings,
        corpusDir: config.corpus,
        title: opts.title,
        audience: opts.audience as Audience,
        theme: opts.theme,
        topics: opts.topics,
      });
      for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d, color) + '\n');
      if (!result.path) {
        process.exitCode = 1;
        return;
      }
      const rel = relative(root, result.path);
      process.stdout.write(`wrote ${rel}\nbuild it: briefdeck build ${rel}   (or keep briefdeck preview open)\n`);
    });
}
