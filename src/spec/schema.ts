/**
 * The briefing front-matter, defined once in zod. The parser validates with it, and the JSON
 * Schema committed as `schema/briefing.schema.json` (for editor autocompletion) is generated from
 * it, so the two can never disagree.
 */
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { AUDIENCES, FORMATS } from '../model.ts';

const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v), {
    message: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
  });

/** A single string is accepted wherever a list is expected: `sources: ISPI`. */
const stringList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((v) => (Array.isArray(v) ? v.map(String) : [v]));

export const FrontMatterSchema = z
  .object({
    title: z.string().min(1).describe('Deck title, shown on the title slide.'),
    subtitle: z.string().optional().describe('Second line of the title slide.'),
    date: isoDate.optional().describe('Date shown on the title slide (YYYY-MM-DD).'),
    presenter: z.string().optional().describe('Who presents the briefing.'),
    organisation: z.string().optional().describe('Presenting organisation.'),
    audience: z
      .enum(AUDIENCES)
      .default('analyst')
      .describe('Who the deck is for; sets slide budget, bullet length, citations and notes.'),
    theme: z.string().optional().describe('Theme folder under themes/; defaults from the audience.'),
    formats: z
      .union([z.enum(FORMATS), z.array(z.enum(FORMATS))])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional()
      .describe('Outputs to build: html, pdf, pptx, handout. Default: all four.'),
    length: z.number().int().min(3).max(60).optional().describe('Slide budget; defaults from the audience.'),
    topics: stringList.optional().describe('Topics to cover; with no body, one section per topic.'),
    sources: stringList
      .optional()
      .describe('Only use documents whose id, publisher or author matches one of these.'),
    since: isoDate.optional().describe('Only use documents dated on or after this date.'),
    until: isoDate.optional().describe('Only use documents dated on or before this date.'),
    include: stringList.optional().describe('Claim ids or phrases that must appear in the deck.'),
    exclude: stringList.optional().describe('Claim ids or phrases that must never appear.'),
    classification: z.string().optional().describe('Banner on every slide, e.g. "OFFICIAL".'),
    notes: z.boolean().default(true).describe('Write speaker notes (PPTX notes, handout).'),
    accent: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like "#1f4e79"')
      .optional()
      .describe('Theme override: accent colour.'),
    logo: z.string().optional().describe('Theme override: logo file under assets/.'),
    footer: z.string().optional().describe('Theme override: footer text.'),
    policy: z
      .object({
        bullets: z.number().int().min(1).max(10).optional().describe('Most bullets per slide.'),
        words: z.number().int().min(6).max(120).optional().describe('Most words per bullet.'),
        compress: z.boolean().optional().describe('Shorten bullets by deleting words.'),
        citations: z
          .enum(['slide', 'bullet', 'sources-slide'])
          .optional()
          .describe('Tag per slide, per bullet, or only a Sources slide.'),
      })
      .strict()
      .optional()
      .describe('Overrides of the audience defaults.'),
  })
  .passthrough();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;

/** Every key the front-matter understands; anything else warns. */
export const FRONT_MATTER_KEYS: readonly string[] = Object.keys(FrontMatterSchema.shape);

/** The JSON Schema editors use (yaml-language-server); additional keys are flagged there too. */
export function briefingJsonSchema(): object {
  const schema = zodToJsonSchema(FrontMatterSchema, {
    name: 'BriefingFrontMatter',
    $refStrategy: 'none',
    effectStrategy: 'input',
  }) as { definitions?: Record<string, Record<string, unknown>> } & Record<string, unknown>;
  const def = schema.definitions?.BriefingFrontMatter;
  if (def) def.additionalProperties = false;
  return {
    ...schema,
    title: 'briefdeck briefing front-matter',
    description: 'YAML front-matter of a briefing spec in briefings/*.md.',
  };
}
