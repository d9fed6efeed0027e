import { parseMapping } from '../mapping/load.js';
import type { Mapping } from '../mapping/schema.js';
import type { Reshape } from '../pipeline/reshape.js';
import type { ImportKind } from '../targets/target.js';

/**
 * A preset: a mapping for a known export format, written in the same YAML language as a user's
 * mapping file and parsed by the same code. Nothing in the importer knows any preset by name.
 */
export interface Preset {
  name: string;
  kind: ImportKind;
  description: string;
  /** The mapping YAML, as documented and as a user could copy it. */
  yaml: string;
  mapping(): Mapping;
  /**
   * For layouts the mapping language cannot express (nested JSON, one call spread over two
   * tables): turns the files' records into flat records the mapping then reads.
   */
  reshape?: Reshape;
}

export function preset(
  name: string,
  kind: ImportKind,
  description: string,
  yaml: string,
  reshape?: Reshape,
): Preset {
  const mapping = () => parseMapping(yaml, `preset ${name}`);
  return { name, kind, description, yaml, mapping, ...(reshape ? { reshape } : {}) };
}
