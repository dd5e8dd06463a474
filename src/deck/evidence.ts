/**
 * Messages for a helper whose evidence came back empty: either the query matches nothing in the
 * corpus (with a "did you mean" from the corpus vocabulary), or everything it matches is filtered
 * out, already shown, or too long for the audience.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { EvidenceStore, HelperCall } from '../model.ts';
import { matchesAnything, searchTerms, type ClaimRequest } from '../select/index.ts';
import { warnAt, type ComposeEnv } from './env.ts';

const vocabularies = new WeakMap<EvidenceStore, string[]>();

function vocabulary(store: EvidenceStore): string[] {
  let v = vocabularies.get(store);
  if (!v) {
    const words = new Set<string>();
    for (const c of store.eachClaim?.() ?? store.claims()) for (const w of c.text.toLowerCase().match(/[\p{L}][\p{L}-]{2,}/gu) ?? []) words.add(w);
    for (const t of Object.keys(store.topics())) words.add(t.toLowerCase());
    v = [...words].sort();
    vocabularies.set(store, v);
  }
  return v;
}

/** Terms of the request that occur nowhere in the corpus, each with its nearest corpus word. */
export function unknownTerms(store: EvidenceStore, request: Pick<ClaimRequest, 'query' | 'topic'>): [string, string?][] {
  const vocab = vocabulary(store);
  const known = new Set(vocab);
  return searchTerms(store, request)
    .filter((t) => !known.has(t) && !vocab.some((w) => w.startsWith(t)))
    .map((t) => {
      const near = vocab.length ? closest(t, vocab) : undefined;
      return [t, near && distance(t, near) <= Math.max(2, Math.floor(t.length / 3)) ? near : undefined];
    });
}

export function reportEmpty(env: ComposeEnv, call: HelperCall, request: ClaimRequest, what = 'claim'): void {
  const label = describeRequest(call);
  if (!matchesAnything(env.select, request)) {
    const unknown = unknownTerms(env.select.store, request);
    const near = unknown.filter(([, n]) => n).map(([t, n]) => `'${t}' → '${n}'`);
    warnAt(env, call, 'select/no-match', `no ${what} in the corpus matches ${label}; the slide is left out`,
      near.length ? `did you mean ${near.join(', ')}?` : 'try broader words, or a topic from corpus/topics.yaml');
    return;
  }
  warnAt(env, call, 'select/empty-evidence',
    `no ${what} left for ${label} after the spec's filters, what earlier slides showed and the ${env.policy.audience} limit of ${env.policy.maxWords} words; the slide is left out`,
    'widen `sources`/`since`/`until`, drop a `kind=`, or remove an earlier helper that uses the same evidence');
}

export function describeRequest(call: Pick<HelperCall, 'helper' | 'query' | 'topic' | 'speaker'>): string {
  const parts = [call.query && `"${call.query}"`, call.topic && `topic "${call.topic}"`, call.speaker && `speaker "${call.speaker}"`];
  const text = parts.filter(Boolean).join(' and ');
  return text ? `${call.helper} ${text}` : call.helper;
}
