/**
 * The sentence splitter's model as the corpus stage loads it (`src/corpus/wink-model.ts`): the
 * core model is the object the package's own `core()` builds, field for field, and the model's
 * other parts are the package's.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { coreModel, winkModel } from '../../src/corpus/wink-model.ts';

const require = createRequire(import.meta.url);
const own = require('wink-eng-lite-web-model') as Record<string, unknown> & { core(): unknown; addons: Record<string, unknown> };

describe('the wink model', () => {
  it('has the core model the package builds', () => {
    expect(coreModel()).toStrictEqual(own.core());
  });

  it('has the package\'s other parts and add-ons', () => {
    const model = winkModel();
    expect(Object.keys(model).sort()).toEqual(Object.keys(own).sort());
    for (const key of Object.keys(own)) if (key !== 'core' && key !== 'addons') expect(model[key]).toBe(own[key]);
    const addons = model.addons as Record<string, unknown>;
    expect(Object.keys(addons).sort()).toEqual(Object.keys(own.addons).sort());
    for (const key of Object.keys(own.addons)) expect(addons[key]).toBe(own.addons[key]);
  });
});
