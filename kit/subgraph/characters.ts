/**
 * Characters a client's text is checked for. Stored text is read by people deciding about a child, and
 * by auditors deciding about a user: it must read as it displays.
 */

/** Control characters, a NUL byte included; tab, line feed and carriage return are text. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Characters that make text display other than it reads: bidirectional overrides and isolates, and
 * invisible spaces ("PC \u202Eevil" shows reversed). Joiners (U+200C, U+200D) stay: scripts need them.
 */
export const DECEPTIVE = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

/**
 * Everything that shows as nothing: every format character (Unicode Cf: zero-width spaces and joiners,
 * bidi controls, soft hyphens, tags), line and paragraph separators, the combining grapheme joiner, and
 * the blank "letters" (Hangul fillers, the braille blank) that pass for text while saying nothing.
 */
export const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\u034F\u115F\u1160\u3164\uFFA0\u2800]/u;
