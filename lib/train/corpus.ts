/**
 * The training corpora of the learned second opinion (issue #9): the base corpora, the shipped
 * templates as safe cases, and the batch files whose first look the ledger has recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyzeOptions } from '../../rules/types';
import { readLedger, recordedBatches } from '../cli/ledger';
import { fillTemplate, templates } from '../templates';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A labelled case with where it came from. */
export interface TrainCase {
  id: string;
  text: string;
  label: 'violation' | 'safe' | 'borderline';
  categories: string[];
  /** Source file label (policy-cases, holdout, dev, b01, ...). */
  source: string;
  /** Writer group: a batch file, or a batch prefix inside policy-cases (cross-validation folds keep groups whole). */
  group: string;
  /** Rules were never tuned on this case (holdout, batches): used to choose the combination thresholds. */
  untuned: boolean;
  lang?: string;
  /** The writer's near-twin of this case (same situation, the other label), by id in the same file. */
  twin?: string;
  options?: AnalyzeOptions;
}

/** Reads one JSONL corpus; malformed lines are reported and skipped, nothing else is lost. */
export function readJsonl(file: string, source: string, untuned: boolean): TrainCase[] {
  const out: TrainCase[] = [];
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const o = JSON.parse(line);
        if (typeof o?.text !== 'string' || !['violation', 'safe', 'borderline'].includes(o.label))
          throw new Error('needs "text" and a "label" of violation, safe or borderline');
        const id = String(o.id ?? `${source}-${i + 1}`);
        const group = source === 'policy-cases' ? id.replace(/-fined/, '').replace(/-\d+$/, '') : source;
        const context =
          o.context ??
          (o.reviewText || o.reviewAuthor ? { reviewText: o.reviewText, reviewAuthor: o.reviewAuthor } : undefined);
        out.push({
          id,
          text: o.text,
          label: o.label,
          categories: Array.isArray(o.categories) ? o.categories : [],
          source,
          group,
          untuned,
          lang: typeof o.lang === 'string' ? o.lang : undefined,
          twin: typeof o.twin === 'string' ? o.twin : undefined,
          options:
            o.profile || o.settings || context ? { profile: o.profile, settings: o.settings, context } : undefined,
        });
      } catch (err) {
        console.error(`${path.relative(process.cwd(), file)}:${i + 1}: skipped (${(err as Error).message})`);
      }
    });
  return out;
}

/** The base corpora (rules were tuned on policy-cases and dev; the holdout is untuned). */
export function baseCorpora(root = repoRoot): TrainCase[] {
  const out = [
    ...readJsonl(path.join(root, 'tests/corpus/policy-cases.jsonl'), 'policy-cases', false),
    ...readJsonl(path.join(root, 'tests/corpus/holdout.jsonl'), 'holdout', true),
  ];
  const dev = path.resolve(root, '../shared/corpus/dev.jsonl');
  if (fs.existsSync(dev)) out.push(...readJsonl(dev, 'dev', false));
  else console.error(`train: ${dev} not found; training without the dev corpus`);
  out.push(...templateCases());
  return out;
}

/** A practice profile to fill the shipped templates with (no real practice). */
const TEMPLATE_PROFILE = {
  name: 'Lakeside Family Dental',
  phone: '(555) 010-4400',
  email: 'frontdesk@lakeside.example',
  website: 'https://lakeside.example',
  staff: [{ name: 'Dana Ortiz', role: 'office manager' }],
};

/**
 * The shipped approved templates (lib/templates.ts), unfilled, filled and with an empty profile, as
 * safe cases: the policy lists approved templates as `ok`, and the guard offers them as the safe way
 * out, so the model must never flag them.
 */
export function templateCases(): TrainCase[] {
  return templates.flatMap((t) =>
    [t.text, fillTemplate(t, TEMPLATE_PROFILE), fillTemplate(t, {})].map((text, i) => ({
      id: `template-${t.id}-${i}`,
      text,
      label: 'safe' as const,
      categories: [],
      source: 'templates',
      group: 'templates',
      untuned: false,
    })),
  );
}

/**
 * Batch files in name order: [name, cases]. "recorded" (the default) are the training batches, whose
 * first look is in the ledger; "pending" are batch files still waiting for theirs (never trained on).
 */
export function batches(root = repoRoot, which: 'recorded' | 'pending' = 'recorded'): Array<[string, TrainCase[]]> {
  const dir = path.join(root, 'tests/corpus/batches');
  if (!fs.existsSync(dir)) return [];
  const recorded = recordedBatches(readLedger(path.join(root, 'tests/corpus/ledger.json')));
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => f.replace(/\.jsonl$/, ''))
    .filter((name) => recorded.has(name) === (which === 'recorded'))
    .map((name) => [name, readJsonl(path.join(dir, `${name}.jsonl`), name, true)] as [string, TrainCase[]]);
}
