/**
 * Every message code briefdeck reports, with its usual severity and when it is reported: one
 * registry that the message factory (`message.ts`) checks codes against and the README's table
 * lists (a test keeps the two the same). A code is `<source>/<rule>`, as vfile's `source` and
 * `ruleId`: the stage that speaks and what it found.
 */
import type { Severity } from '../model.ts';

export interface CodeEntry {
  /** Its usual severity; `--strict` turns some warnings into errors. */
  severity: Severity;
  /** When it is reported, as the README says it. */
  when: string;
}

const entry = (severity: Severity, when: string): CodeEntry => ({ severity, when });

export const CODES = {
  'spec/no-front-matter': entry('error', 'the file does not start with `---`'),
  'spec/yaml-syntax': entry('error', 'malformed YAML (bad indentation, unclosed quote, duplicate key, unknown alias)'),
  'spec/front-matter-shape': entry('error', 'the front-matter is not a list of `key: value` lines'),
  'spec/invalid-value': entry('error', 'a wrong type or value (`length: ten`, `accent: red`, missing `title`)'),
  'spec/unknown-audience': entry('error', 'an audience that is not one of the four; suggests the nearest'),
  'spec/unknown-theme': entry('error', 'a theme with no folder under `themes/`; suggests the nearest'),
  'spec/unknown-format': entry('error', 'a format that is not `html`, `pdf`, `pptx` or `handout`; suggests the nearest'),
  'spec/bad-logo': entry('error', '`logo:` is not a `.svg`/`.png`/`.jpg` file under `assets/` (a `..` or absolute path, a missing file, a symlink leading out)'),
  'spec/unknown-key': entry('warning', 'a key the front-matter does not know; suggests the nearest'),
  'spec/date-range': entry('error', '`since` after `until`'),
  'spec/empty-briefing': entry('warning', 'neither a body nor `topics:`: every corpus topic is used'),
  'spec/unknown-helper': entry('error', 'a misspelt helper; suggests the nearest'),
  'spec/unknown-option': entry('error', 'an option the helper does not take; suggests the nearest'),
  'spec/helper-option-type': entry('error', 'a wrong option value (`limit="3"`, `kind="guess"`)'),
  'spec/helper-argument': entry('error', 'a search text the helper does not take, or one not in quotes'),
  'spec/helper-syntax': entry('error', 'broken braces or quotes, or a block helper'),
  'spec/unreadable': entry('error', 'the spec file cannot be read'),
  'select/no-match': entry('warning', 'a query, speaker or topic that matches nothing in the corpus (error with `--strict`)'),
  'select/empty-evidence': entry('warning', 'matches exist but the filters, earlier slides or the bullet length leave none (error with `--strict`)'),
  'select/no-documents': entry('error', '`sources`/`since`/`until` leave no document'),
  'select/include-unused': entry('warning', 'an `include` entry no section reached'),
  'deck/empty-section': entry('warning', 'a section left out because it has no evidence (error with `--strict`)'),
  'deck/thin-topic': entry('warning', 'a topic fewer than three of the corpus\'s documents name: its slides are thin, and the sources slide says so'),
  'deck/over-budget': entry('warning', 'slides left out to keep to the slide budget'),
  'layout/over-budget': entry('warning', 'laid out (slides split to fit), the deck ran over its budget: the slides left out, or why the budget cannot be kept'),
  'layout/overflow': entry('warning', 'an item too long to fit its slide even alone at the smallest type'),
  'theme/yaml-syntax': entry('error', 'a `theme.yaml` that is not valid YAML'),
  'theme/invalid': entry('error', 'a `theme.yaml` with a wrong or missing token, or an unknown key'),
  'theme/unknown': entry('error', 'a theme (or the theme it `extends:`) that has no folder under `themes/`'),
  'theme/extends-cycle': entry('error', 'a theme that `extends:` itself, directly or through others'),
  'theme/bad-logo': entry('error', "a theme's `logo:` that is not an image file under `assets/`"),
  'theme/bad-accent': entry('error', 'an accent override that is not a hex colour'),
  'theme/bad-template': entry('error', "a theme's PowerPoint template that cannot be read"),
  'corpus/unsupported-format': entry('warning', 'a file that is not `.txt`, `.md`, `.html` or `.pdf`'),
  'corpus/empty-file': entry('warning', 'an empty file, or a PDF without a text layer'),
  'corpus/binary-file': entry('warning', 'a file that is binary, not text'),
  'corpus/unreadable-pdf': entry('warning', 'a PDF that cannot be read'),
  'corpus/not-utf8': entry('warning', 'a text file not in UTF-8, decoded as Windows-1252'),
  'corpus/no-body': entry('warning', 'no body text left after cleaning'),
  'corpus/too-large': entry('warning', 'a file over the size limit'),
  'corpus/bad-topics': entry('warning', '`corpus/topics.yaml` cannot be parsed'),
  'corpus/bad-sidecar': entry('warning', 'a `.meta.yaml` sidecar that cannot be parsed'),
  'corpus/duplicate-file': entry('info', 'a file identical to another (with `--verbose`)'),
  'corpus/duplicate-files': entry('info', 'how many files repeat others'),
  'corpus/language-not-extracted': entry('warning', 'documents in a language claims are not extracted from'),
  'config/syntax': entry('error', '`briefdeck.config.yaml` is not valid YAML'),
  'config/invalid': entry('error', 'a wrong value in `briefdeck.config.yaml`'),
  'check/missing-file': entry('error', 'a spec path given to `check` that does not exist'),
  'new/exists': entry('error', '`new` would overwrite a spec'),
  'new/bad-name': entry('error', '`new` was given a name that cannot be a file name'),
  'build/failed': entry('error', 'a deck that could not be written (the cause is in the message)'),
} as const satisfies Record<string, CodeEntry>;

export type DiagnosticCode = keyof typeof CODES;

export const isDiagnosticCode = (code: string): code is DiagnosticCode => Object.hasOwn(CODES, code);
