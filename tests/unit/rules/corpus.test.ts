/**
 * The dev corpus (../shared/corpus/dev.jsonl beside the repo) meets the targets of issue #3:
 * recall on violations at least 97%, false alarms on safe replies at most 3%.
 * Skipped, with a message, when the corpus is not present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../rules/index';

const file = path.resolve(__dirname, '../../../../shared/corpus/dev.jsonl');
const present = fs.existsSync(file);
if (!present) console.warn(`corpus.test: ${file} not found; skipping the dev-corpus targets`);

describe.skipIf(!present)('dev corpus targets', () => {
  it('recall >= 0.97 and false alarms <= 0.03', () => {
    const rows = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; text: string; label: string });
    let v = 0;
    let caught = 0;
    let safe = 0;
    let alarms = 0;
    for (const r of rows) {
      const flagged = analyze(r.text).verdict !== 'ok';
      if (r.label === 'violation') {
        v++;
        if (flagged) caught++;
      } else if (r.label === 'safe') {
        safe++;
        if (flagged) alarms++;
      }
    }
    expect(v).toBeGreaterThan(0);
    expect(caught / v).toBeGreaterThanOrEqual(0.97);
    expect(alarms / safe).toBeLessThanOrEqual(0.03);
  });
});
