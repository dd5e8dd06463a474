/**
 * wink-eng-lite-web-model as wink-nlp reads it, loaded once and no more than once. The package's
 * entry point requires its 2.9 MB core model (a JSON file) as it loads, and its `core()` then makes a
 * copy of it through `JSON.stringify` and `JSON.parse` and decodes two base64 fields a character
 * at a time: three passes over the model and as much garbage, a third of the time a worker thread
 * spent starting. Here the JSON file is parsed once, into the object `core()` builds from its copy
 * (the same fields, hashes and typed arrays: a test compares them), and the model's other parts
 * are the package's own. The add-ons (stemmer, lemmatiser with its word lists, readability
 * statistics), which only some of wink's outputs ask for, load when asked.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PACKAGE = 'wink-eng-lite-web-model/dist';
const part = (name: string) => require(`${PACKAGE}/${name}`) as unknown;

type Features = Record<string, { list: string[]; hash?: Record<string, number>; intrinsicSize?: number; index?: number; maxIndex?: number }>;
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Features & { posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: unknown;
  xpansions: unknown;
}

/** Base64 → the bytes' own buffer, as the package's `bufferFromBase64` gives it. */
function bytesOf(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64');
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;
}

/** What the package's `core()` returns (its `load-core-model.js` over `read-core-model.js`), from one parse. */
export function coreModel(): CoreModel {
  const model = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/languages/cur/models/eng-core-web-model.json`), 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = new Uint32Array(bytesOf(model.lexicon as string));
  model.xpansions = new Uint32Array(bytesOf(model.xpansions as string));
  for (const f in packing.layout)
    if (packing.layout[f][3] === 0) {
      const hash: Record<string, number> = Object.create(null);
      for (let k = 0; k < features[f].list.length; k += 1) hash[features[f].list[k]] = k;
      features[f].hash = hash;
    }
  const lexemes: Record<string, number> = Object.create(null);
  for (let k = 0; k < features.lexeme.list.length; k += 1) lexemes[features.lexeme.list[k]] = k;
  features.lexeme.hash = lexemes;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
    }
    if (packing.layout[f][4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

/** The model object wink-nlp is given: the package's `model.js`, with `core` above and add-ons loaded when asked. */
export function winkModel(): Record<string, unknown> {
  const model = Object.create(null) as Record<string, unknown>;
  model.core = coreModel;
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  model.ner = part('load-ner-model.js');
  model.negation = part('load-negation-model.js');
  model.sa = part('load-sa-model.js');
  model.metaCER = part('load-cer-meta-model.js');
  model.featureFn = part('feature.js');
  const addons = Object.create(null) as Record<string, unknown>;
  for (const [name, file] of [['stem', 'porter-stemmer.js'], ['lemmatize', 'lemmatize.js'], ['readabilityStats', 'readability-stats.js']] as const)
    Object.defineProperty(addons, name, { enumerable: true, get: () => part(file) });
  addons.wordVectors = undefined;
  model.addons = addons;
  return model;
}
