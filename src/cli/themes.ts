/**
 * `briefdeck themes` lists the project's themes with the audiences they are made for and a
 * one-line description; `briefdeck themes show <name>` prints a theme's tokens with its
 * `extends:` chain merged in, as YAML, which is what every renderer sees, and the WCAG contrast of
 * each colour pair the slides use; `briefdeck themes import
 * corp.potx --name corp` makes a theme from an organisation's PowerPoint template.
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
    .action(async (name: string, _opts, cmd: Command) => {
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
      // Comments, so the output stays YAML a theme file can start from.
      process.stdout.write('# contrast (WCAG 2.2 AA: 4.5:1 text, 3:1 headings and chart marks):\n');
      // Loaded when asked for, like every command's stages: the start of the CLI stays light.
      const { themeContrast } = await import('../theme/contrast.ts');
      for (const c of themeContrast(tokens.palette))
        process.stdout.write(`#   ${c.ok ? 'ok  ' : 'FAIL'} ${c.ratio.toFixed(2).padStart(5)}:1 (needs ${c.need}) ${c.pair}: ${c.fg} on ${c.bg}\n`);
    });
  registerImport(themes);
}

function registerImport(themes: Command): void {
  themes
    .command('import')
    .description("make a theme from a PowerPoint template (.potx/.pptx): its colours, fonts, logo, and its masters for PPTX")
    .argument('<file>', '.potx or .pptx saved by PowerPoint or LibreOffice Impress')
    .requiredOption('--name <name>', 'name of the new theme (themes/<name>/)')
    .option('--extends <theme>', 'theme to take the tokens the template lacks from', 'default')
    .option('--force', 'replace an existing theme of that name')
    .action(async (file: string, opts: { name: string; extends: string; force?: boolean }, cmd: Command) => {
      const root = resolve(cmd.optsWithGlobals().root as string);
      const names = themeNames(root);
      if (!names.includes(opts.extends)) {
        const guess = didYouMean(opts.extends, names);
        process.stderr.write(`error: --extends '${opts.extends}' is not a theme${guess ? ` — did you mean '${guess}'?` : ''} (themes: ${names.join(', ')})\n`);
        process.exitCode = 1;
        return;
      }
      const { importTemplate } = await import('../theme/import.ts');
      try {
        const r = importTemplate({ root, file: resolve(file), name: opts.name, extends: opts.extends, force: opts.force });
        for (const f of r.files) process.stdout.write(`wrote ${f}\n`);
        for (const n of r.notes) process.stderr.write(`note: ${n}\n`);
        process.stdout.write(`theme '${opts.name}': use it with \`theme: ${opts.name}\` in a briefing; \`briefdeck themes show ${opts.name}\` prints its tokens\n`);
      } catch (e) {
        process.stderr.write(`error: ${(e as Error).message}\n`);
        process.exitCode = 1;
      }
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
