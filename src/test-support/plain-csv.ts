/**
 * A naive CSV line split for tests' second readings of real files (no field there spans lines): a
 * quote toggles quoting, a doubled quote inside quotes is one quote. Independent of the importer's
 * tokenizer on purpose.
 */
export function plainFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** The records of a CSV file read with plainFields: BOM and line ends dropped, empty lines skipped. */
export function plainRecords(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map(plainFields);
}
