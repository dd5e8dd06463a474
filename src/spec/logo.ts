/**
 * A spec's `logo:` is checked while the spec is read, with the theme stage's own rule
 * (`assetPath`: a .svg/.png/.jpg file under `assets/`, no `..`, no absolute path, no symlink
 * leading out), so `check` and `build` both report a refused logo at its line with a fix,
 * instead of the build failing later when the theme loads.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assetPath, LogoError, type LogoProblem } from '../theme/index.ts';
import { didYouMean } from '../diagnostics/suggest.ts';

export interface RefusedLogo {
  message: string;
  hint: string;
}

/** Why the logo is refused, with a hint; undefined when the theme stage would accept it. */
export function checkLogo(root: string, logo: string): RefusedLogo | undefined {
  try {
    assetPath(root, logo);
    return undefined;
  } catch (err) {
    if (!(err instanceof LogoError)) throw err;
    return { message: err.message, hint: hintFor(root, logo, err.problem) };
  }
}

function hintFor(root: string, logo: string, problem: LogoProblem): string {
  if (problem === 'link') return 'copy the file into assets/ and name the copy';
  if (problem === 'type') return 'convert the logo to SVG, PNG or JPEG';
  if (problem === 'not-file') return 'name a file inside that folder, e.g. `logo: img/crest.svg`';
  const files = logoFiles(root);
  if (problem === 'missing') {
    const near = didYouMean(logo.replace(/^assets[\\/]/, ''), files);
    if (near) return `did you mean '${near}'?`;
  }
  const list = files.length ? `; assets/ holds ${files.slice(0, 6).join(', ')}${files.length > 6 ? ', …' : ''}` : '';
  return `copy the file into assets/ and write its path from there, e.g. \`logo: crest.svg\`${list}`;
}

/** Image files directly under `assets/` (for suggestions). */
function logoFiles(root: string): string[] {
  const dir = join(root, 'assets');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.(svg|png|jpe?g)$/i.test(f)).sort();
}
