/**
 * Text from every class of Unicode that has broken text handling somewhere: lone surrogates,
 * zero-width and other invisible characters, bidi controls, C0 and C1 controls, line separators,
 * emoji (with joiners, flags and skin tones), combining marks, CJK, right-to-left scripts,
 * noncharacters, odd whitespace and markup. The classes are named so a suite can say which of them
 * its payloads covered, found by testing the text itself rather than trusting the generator.
 */
import fc from 'fast-check';

const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));
// Lone surrogates cannot be made by String.fromCodePoint's callers by accident; fromCharCode makes one half.
const half = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

/** Each class: how to generate one piece of it, and how to recognise it in any text. */
export const unicodeClasses = {
  loneSurrogate: {
    arbitrary: fc.oneof(half(0xd800, 0xdbff), half(0xdc00, 0xdfff)),
    found: /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
  },
  zeroWidth: {
    arbitrary: fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e', '\u2063'),
    found: /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e]/,
  },
  bidiControl: {
    arbitrary: fc.constantFrom(
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200e',
      '\u200f',
      '\u061c',
    ),
    found: /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/,
  },
  // eslint-disable-next-line no-control-regex
  c0Control: { arbitrary: range(0x00, 0x1f), found: /[\u0000-\u001f]/ },
  c1Control: { arbitrary: range(0x7f, 0x9f), found: /[\u007f-\u009f]/ },
  lineSeparator: { arbitrary: fc.constantFrom('\u2028', '\u2029', '\u0085'), found: /[\u2028\u2029\u0085]/ },
  emoji: {
    arbitrary: fc.oneof(fc.constantFrom('😀', '👨‍👩‍👧', '🇺🇦', '✊🏽', '❤️', '🏳️‍🌈', '🧑🏿‍💻'), range(0x1f300, 0x1faff)),
    found: /\p{Extended_Pictographic}/u,
  },
  combiningMark: { arbitrary: fc.oneof(range(0x300, 0x36f), fc.constantFrom('e\u0301', 'Z\u0324\u0354\u0367\u0311')), found: /\p{M}/u },
  cjk: {
    arbitrary: fc.oneof(range(0x4e00, 0x9fff), range(0xac00, 0xd7a3), range(0x3040, 0x30ff)),
    found: /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]/,
  },
  rtlScript: {
    arbitrary: fc.oneof(range(0x5d0, 0x5ea), range(0x620, 0x64a), fc.constantFrom('العربية', 'עברית', 'فارسی')),
    found: /[\u0590-\u06ff]/,
  },
  nonCharacter: {
    arbitrary: fc.constantFrom(0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x1ffff, 0x10fffe, 0x10ffff).map((c) => String.fromCodePoint(c)),
    found: /[\ufdd0-\ufdef\ufffe\uffff]|[\u{1fffe}\u{1ffff}\u{10fffe}\u{10ffff}]/u,
  },
  whitespace: {
    arbitrary: fc.constantFrom(' ', '\u00a0', '\u3000', '\u2003', '\u202f', '\t', '\n', '\r\n'),
    found: /[\u00a0\u3000\u2003\u202f]/,
  },
  markup: {
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '"\'><',
      '&amp;',
      '${x}',
      '{{7*7}}',
      'javascript:',
    ),
    found: /[<>&]|javascript:|\$\{|\{\{/,
  },
  ascii: { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 12 }), found: /[ -~]/ },
} as const;

export type UnicodeClass = keyof typeof unicodeClasses;
export const unicodeClassNames = Object.keys(unicodeClasses) as UnicodeClass[];

/** Text of 0 to `maxPieces` pieces, each from any class (or any code unit at all, now and then). */
export function unicodeText(maxPieces = 12): fc.Arbitrary<string> {
  const piece = fc.oneof(
    ...unicodeClassNames.map((name) => unicodeClasses[name].arbitrary as fc.Arbitrary<string>),
    fc.string({ unit: 'binary', maxLength: 4 }),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
  );
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** The classes present in `text`. */
export function classesIn(text: string): UnicodeClass[] {
  return unicodeClassNames.filter((name) => unicodeClasses[name].found.test(text));
}

/** Every string and key under `value`, for the coverage count. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      stringsIn(v, out);
    }
  }
  return out;
}
