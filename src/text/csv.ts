/** One CSV field, quoted where it holds the separator, a quote or a line break (RFC 4180). */
export function csvField(text: string, separator = ','): string {
  return text.includes(separator) || /["\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV lines with CRLF endings, as spreadsheets expect. */
export function csvLines(rows: readonly (readonly string[])[], separator = ','): string {
  return `${rows.map((r) => r.map((f) => csvField(f, separator)).join(separator)).join('\r\n')}\r\n`;
}
