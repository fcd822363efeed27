/**
 * The rules' answers on training cases (0 silent, 1 flagged but every finding demotable, 2 flagged
 * with a finding that stays), cached in memory and on disk, and the combination analyze applies.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeRules } from '../../rules/index';
import { demotable } from '../../rules/model/combine';
import { repoRoot, type TrainCase } from './corpus';

/** Rules' answer by text for this run. */
const ruleCache = new Map<string, 0 | 1 | 2>();

/** Empties the in-memory answers (tests train twice from scratch). */
export function clearRuleAnswers(): void {
  ruleCache.clear();
}

/**
 * The rules' answers persist between runs in node_modules/.cache (the ledger replays ~10,000
 * replies; the rules take most of that time), keyed by a hash of every rules source file and the
 * case's text and options, so any change to the rules starts a fresh cache.
 */
const diskCacheFile = path.join(repoRoot, 'node_modules/.cache/reply-guard/rules-answers.json');
let diskCache: { version: string; answers: Record<string, 0 | 1 | 2> } | undefined;
let diskDirty = false;

function rulesVersion(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const f of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) {
        if (f.name !== 'model') walk(p);
      } else if (f.name.endsWith('.ts')) h.update(f.name).update(fs.readFileSync(p));
    }
  };
  walk(path.join(repoRoot, 'rules'));
  // Which findings are demotable is decided in combine.ts: the cached answers depend on it too.
  h.update(fs.readFileSync(path.join(repoRoot, 'rules/model/combine.ts')));
  return h.digest('hex');
}

function disk(): { version: string; answers: Record<string, 0 | 1 | 2> } {
  if (!diskCache) {
    const version = rulesVersion();
    try {
      const saved = JSON.parse(fs.readFileSync(diskCacheFile, 'utf8'));
      diskCache = saved?.version === version ? saved : { version, answers: {} };
    } catch {
      diskCache = { version, answers: {} };
    }
  }
  return diskCache!;
}

/** Writes the rules' answers cache (best effort: a read-only tree only costs time). */
export function saveRulesCache(): void {
  if (!diskDirty || !diskCache) return;
  try {
    fs.mkdirSync(path.dirname(diskCacheFile), { recursive: true });
    fs.writeFileSync(diskCacheFile, JSON.stringify(diskCache));
    diskDirty = false;
  } catch (err) {
    console.error(`train: could not write ${diskCacheFile} (${(err as Error).message})`);
  }
}

/** The rules alone on this case: 0 silent, 1 flagged (all demotable), 2 flagged with a finding that stays. */
export function rulesAnswer(c: TrainCase): 0 | 1 | 2 {
  let r = ruleCache.get(c.text);
  if (r === undefined) {
    const key = createHash('sha256')
      .update(c.text)
      .update(JSON.stringify(c.options ?? null))
      .digest('base64');
    const d = disk();
    r = d.answers[key];
    if (r === undefined) {
      const a = analyzeRules(c.text, c.options);
      r = a.verdict === 'ok' ? 0 : a.findings.every(demotable) ? 1 : 2;
      d.answers[key] = r;
      diskDirty = true;
    }
    ruleCache.set(c.text, r);
  }
  return r;
}

/** Do the rules alone flag this case? (cached) */
export function rulesFlag(c: TrainCase): boolean {
  return rulesAnswer(c) !== 0;
}

/** The combination as analyze applies it, from the rules' answer and the model's score. */
export function combinedFlag(rule: 0 | 1 | 2, score: number, add: number, demote: number | null): boolean {
  if (rule === 2) return true;
  if (rule === 1) return demote === null || score >= demote;
  return score >= add;
}
