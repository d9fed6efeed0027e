/** Control characters (U+0000–U+001F, U+007F): no name, id or one-line text holds them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the one definition of what is refused
const CONTROL = /[\u0000-\u001f\u007f]/g;

export function hasControlCharacters(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}
