/** Writes `schema/briefing.schema.json` from the zod front-matter schema: `npx tsx src/spec/emit-schema.ts`. */
import { writeFileSync } from 'node:fs';
import { briefingJsonSchema } from './schema.ts';

export function briefingSchemaText(): string {
  return JSON.stringify(briefingJsonSchema(), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../../schema/briefing.schema.json', import.meta.url), briefingSchemaText());
}
