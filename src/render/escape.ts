/**
 * Corpus text is data, never markup. These functions make a string inert in the three places it
 * lands in Marp Markdown: Markdown inline text, YAML directive values and presenter-note comments.
 * Nothing a corpus says can become HTML, emphasis, a link, a `---` slide break, a Marp directive,
 * an emoji/math shortcode or a `{{` template expression.
 */

/** Every ASCII punctuation mark is backslash-escaped (CommonMark allows it); `<`,`>`,`&` become entities. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|~:$=^"'%,;?@/]/g, (c) => '\\' + c)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Marp's emoji plugins (on by default in marp-cli) turn `:name:` and emoji characters into
    // images fetched from a CDN, escaped or not: a word joiner breaks the shortcode, and emoji
    // become numeric references, which Markdown decodes only after those plugins have run.
    .replace(/\\:(?=(?:[a-z0-9]|\\[_+-])+\\:)/gi, '\\:\u2060')
    .replace(/[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16)};`);
}

/** A value for a YAML directive (header/footer): JSON is valid YAML, and Marp parses it as Markdown. */
export function directiveValue(text: string): string {
  return JSON.stringify(escapeMarkdown(text));
}

/**
 * A presenter-note comment body. Notes are shown as plain text, so entities would show literally;
 * instead: a zero-width space first and no-break spaces after colons keep the comment from
 * parsing as YAML directives, `--` is broken so the comment cannot close early, `{{` is broken.
 */
export function escapeNote(text: string): string {
  const safe = text
    .replace(/\r\n?/g, '\n')
    .replace(/-(?=-)/g, '-\u200d')
    .replace(/:[ \t]/g, ':\u00a0')
    .replace(/:(?=\n|$)/g, ':\u00a0')
    .replace(/\{(?=\{)/g, '{\u200b')
    .replace(/<(?=!|\/?script|\/?style)/gi, '<\u200b');
  return '\u200b' + safe;
}

/** URL for a Markdown link destination: only http(s), percent-encoded so it cannot break out. */
export function safeUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return encodeURI(decodeURIFallback(url)).replace(/[()<>\s"']/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function decodeURIFallback(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** HTML text escaping for our own HTML (handout). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text XML 1.0 can hold: control characters other than tab and line breaks, lone surrogates and
 * the two non-characters are dropped. pptxgenjs writes text as given, and one bell character from
 * a scraped page makes a whole PowerPoint package unreadable.
 */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
