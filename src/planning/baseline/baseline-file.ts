import { Document, isScalar, visit } from 'yaml';
import { parseYamlFile } from '../yaml-file.js';
import { type Baseline, baselineSchema } from './baseline.js';

const HEADER = `percontact planning baseline: what the range looked like, as the queueing model and the
cost-per-contact report see it (docs/planning.md). Edit the model's inputs per channel (targets,
shrinkage, maxOccupancy, concurrency, hourlyCost) and queue (ahtSeconds, patienceSeconds, volume,
pattern), and each cost line's behaviour and unit; reportInputs is the report's data and is read as is.`;

/** The baseline as YAML: one document, the report's rows in compact flow style. */
export function baselineYaml(baseline: Baseline): string {
  const doc = new Document(baseline);
  doc.commentBefore = HEADER.split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  // Lists of numbers (a day's pattern) and maps of numbers (a row's measures) on one line each.
  visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every(isScalar)) node.flow = true;
    },
    Map(_, node) {
      if (
        node.items.length > 4 &&
        node.items.every((pair) => isScalar(pair.value) && typeof pair.value.value === 'number')
      )
        node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Reads a baseline file; a bad value names its path (`channels.0.shrinkage`, under `parameter` when the
 * baseline is a request's parameter) and the file.
 */
export function readBaseline(text: string, file: string, parameter = ''): Baseline {
  return parseYamlFile(text, file, baselineSchema, parameter);
}
