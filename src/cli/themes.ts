/**
 * `briefdeck themes` lists the project's themes with the audiences they are made for and a
 * one-line description; `briefdeck themes show <name>` prints a theme's tokens with its
 * `extends:` chain merged in, as YAML, which is what every renderer sees.
 */
import { Command } from 'commander';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import pc from 'picocolors';
import { AUDIENCES } from '../model.ts';
import { loadConfig } from '../config/index.ts';
import { defaultThemeFor, listThemes, resolveTokens, themeNames } from '../theme/index.ts';
import { didYouMean } from '../diagnostics/suggest.ts';

export function register(program: Command): void {
  const themes = program
    .command('themes')
    .description('list themes with their audiences; `themes show <name>` prints its tokens')
    .action((_opts, cmd: Command) => {
      const root = resolve(cmd.optsWithGlobals().root as string);
      const { config } = loadConfig(root);
      const list = listThemes(root);
      if (list.length === 0) {
        process.stderr.write(`no themes in ${resolve(root, 'themes')}\n`);
        process.exitCode = 1;
        return;
      }
      const rows = list.map((t) => {
        const defaults = AUDIENCES.filter((a) => defaultThemeFor(a, config.themes) === t.name);
        return [
          t.name,
          t.audiences.join(', ') || '-',
          t.extends ?? '-',
          defaults.length ? defaults.join(', ') : '-',
          t.description,
        ];
      });
      printTable([['theme', 'audiences', 'extends', 'default for', 'description'], ...rows]);
    });

  themes
    .command('show')
    .description("print a theme's tokens after extends: is applied")
    .argument('<name>', 'theme name')
    .action((name: string, _opts, cmd: Command) => {
      const root = resolve(cmd.optsWithGlobals().root as string);
      const names = themeNames(root);
      if (!names.includes(name)) {
        const guess = didYouMean(name, names);
        process.stderr.write(
          `error: unknown theme '${name}'${guess ? ` — did you mean '${guess}'?` : ''} (themes: ${names.join(', ') || 'none'})\n`,
        );
        process.exitCode = 1;
        return;
      }
      const { dir: _dir, css, ...tokens } = resolveTokens(root, name);
      const chain = [name];
      for (let t = tokens.extends; t; t = resolveTokens(root, t).extends) chain.push(t);
      process.stdout.write(`# ${chain.join(' → ')}: tokens after extends:\n${stringify(tokens)}`);
      if (css) process.stdout.write(`# extra CSS (${css.split('\n').length} lines) appended to the Marp theme\n`);
    });
}

function printTable(rows: string[][]): void {
  const color = Boolean(process.stdout.isTTY) && !process.env.CI;
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  rows.forEach((r, i) => {
    const text = r.map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j]!))).join('  ');
    process.stdout.write((i === 0 && color ? pc.bold(text) : text) + '\n');
  });
}
