/**
 * The project configuration file, `briefdeck.config.yaml` (or `.yml`, `.json`) at the project
 * root. Every key is optional: the file only records what a team wants different from the
 * defaults, so a project without one builds exactly as before.
 */
import { z } from 'zod';
import { AUDIENCES, FORMATS } from '../model.ts';

export { CONFIG_FILES } from './files.ts';

const folder = z.string().min(1, 'expected a folder path');

export const ConfigSchema = z
  .object({
    corpus: folder.optional().describe('Corpus folder, relative to the project root (default "corpus").'),
    briefings: folder.optional().describe('Folder of briefing specs (default "briefings").'),
    out: folder.optional().describe('Output folder (default "out").'),
    browser: z.string().min(1).optional().describe('Chrome/Chromium executable for PDF and handout.'),
    formats: z
      .union([z.enum(FORMATS), z.array(z.enum(FORMATS)).min(1)])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional()
      .describe('Formats for specs that do not list their own (default all four).'),
    themes: z
      .object(Object.fromEntries(AUDIENCES.map((a) => [a, z.string().min(1).optional()])) as Record<
        (typeof AUDIENCES)[number],
        z.ZodOptional<z.ZodString>
      >)
      .strict()
      .optional()
      .describe('Default theme per audience, for specs that do not name a theme.'),
    paper: z.enum(['A4', 'Letter']).optional().describe('Handout paper size (default A4).'),
    store: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, 'expected a PostgreSQL URL, postgres://user@host/db')
      .optional()
      .describe('Evidence store shared by a team: postgres://user@host/db (default: the embedded store in .cache/briefdeck). BRIEFDECK_STORE_URL overrides it.'),
  })
  .strict();

export type ProjectConfig = z.infer<typeof ConfigSchema>;
