/*
 * pdfkit's built-in Helvetica writes WinAnsi (Windows-1252): Latin-1 plus € „ “ ” ‘ ’ – — … • ‰ ™
 * and a few more. Anything else would come out garbled, so it is spelled in WinAnsi first.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SPELLED: Record<string, string> = {
  '−': '-',
  Σ: 'sum',
  '≤': '<=',
  '≥': '>=',
  '→': '->',
  '\u202f': ' ',
  '\u2009': ' ',
};

/** Δ (a change) in words: WinAnsi has no Δ, and ± would say something else. */
const CHANGE: Record<'en' | 'de', string> = { en: 'change in ', de: 'Änderung ' };

/** Text as Helvetica in pdfkit can write it, in the language of `lang` where a sign becomes a word. */
export function winAnsi(text: string, lang: 'en' | 'de' = 'en'): string {
  let out = '';
  for (const ch of text.replace(/Δ ?/g, CHANGE[lang]).normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x100 || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (code >= 0x300 && code < 0x370)
      continue; // a combining mark: w̄ is written w
    else out += SPELLED[ch] ?? latinBase(ch);
  }
  return out;
}

/** ū → u, ő → o: the letter without its accent where Latin-1 has no such letter; otherwise "?". */
function latinBase(ch: string): string {
  const base = ch.normalize('NFD').charAt(0);
  return (base.codePointAt(0) ?? 0x100) < 0x100 ? base : '?';
}
