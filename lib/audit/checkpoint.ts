/**
 * Checkpoints (issue #11): the head of a workstation's chain (how many records it has written and
 * the last one's hash), signed by the workstation, exported with every log export and printed on
 * every report. Kept somewhere the front desk cannot reach (the manager's mail, a printout), an
 * earlier checkpoint lets anyone check today's log: a record changed, the newest ones deleted, the
 * whole log wiped, or a chain rebuilt after an edit all show, because none of them can reproduce
 * the hash the checkpoint remembers. See docs/audit-trail.md for the format and the limits.
 */
import {
  type ChainAnchor,
  type ChainStatus,
  type StoredRecord,
  verifyLocalChain,
  verifyRecords,
} from '@/lib/background/chain';
import type { LogDb } from '@/lib/db';
import { signText, verifyText } from './keys';

/** Marks a checkpoint object. */
export const CHECKPOINT_FORMAT = 'reply-guard-checkpoint';
/** The text form's first words. */
const TEXT_PREFIX = 'Reply Guard checkpoint';

/** The head of one workstation's chain at one moment. */
export interface Checkpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: 1;
  /** The workstation whose chain this is (ws-…). */
  workstation: string;
  /** The newest record's number: how many records this chain has ever had (0: none yet). */
  seq: number;
  /** The newest record's hash ('' for none). */
  hash: string;
  /** The newest record's time (epoch ms; 0 for none). */
  time: number;
  /** How many records the chain held (fewer than `seq` once retention pruned). */
  records: number;
  /** The oldest record held (0 for none). */
  firstSeq: number;
  /** Where retention left the chain: the last pruned record ({seq: 0, hash: ''} for none). */
  anchor: { seq: number; hash: string };
  /** When the checkpoint was taken (epoch ms). */
  createdAt: number;
  /** The signing key's id, its public key and the signature over everything else (base64). */
  keyId?: string;
  publicKey?: JsonWebKey;
  signature?: string;
}

/** JSON with object keys sorted at every level: the text a signature covers. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The checkpoint of a chain, unsigned: `records` in chain order (by seq). */
export function makeCheckpoint(
  workstation: string,
  records: readonly StoredRecord[],
  anchor: ChainAnchor,
  now = Date.now(),
): Checkpoint {
  return checkpointOf(workstation, { first: records[0], last: records.at(-1), count: records.length }, anchor, now);
}

/** The checkpoint from a chain's first and last record and its size (no need to read it all). */
export function checkpointOf(
  workstation: string,
  { first, last, count }: { first?: StoredRecord; last?: StoredRecord; count: number },
  anchor: ChainAnchor,
  now = Date.now(),
): Checkpoint {
  return {
    format: CHECKPOINT_FORMAT,
    version: 1,
    workstation,
    seq: last?.seq ?? anchor.seq,
    hash: last?.hash ?? anchor.hash,
    time: last?.time ?? 0,
    records: count,
    firstSeq: first?.seq ?? 0,
    anchor: { seq: anchor.seq, hash: anchor.hash },
    createdAt: now,
  };
}

/** The checkpoint without its signature fields: what the signature covers. */
function unsigned(cp: Checkpoint): Omit<Checkpoint, 'keyId' | 'publicKey' | 'signature'> {
  const { keyId: _k, publicKey: _p, signature: _s, ...rest } = cp;
  return rest;
}

/** Signs a checkpoint with this workstation's key. */
export async function signCheckpoint(cp: Checkpoint, db?: LogDb): Promise<Checkpoint> {
  const s = await signText(canonicalJson(unsigned(cp)), db);
  return { ...unsigned(cp), keyId: s.keyId, publicKey: s.publicKey, signature: s.signature };
}

/** 'valid' / 'invalid' for a signed checkpoint, 'none' for an unsigned one. */
export async function checkpointSignature(cp: Checkpoint): Promise<'valid' | 'invalid' | 'none'> {
  if (!cp.signature || !cp.publicKey) return 'none';
  return (await verifyText(canonicalJson(unsigned(cp)), cp.signature, cp.publicKey)) ? 'valid' : 'invalid';
}

/**
 * The short text form, for a printed report or an e-mail to oneself:
 * `Reply Guard checkpoint ws-1a2b3c4d #1234 sha256:<64 hex> 2026-12-01T01:00:00.000Z`.
 */
export function checkpointText(cp: Checkpoint): string {
  const at = new Date(cp.createdAt).toISOString();
  return `${TEXT_PREFIX} ${cp.workstation} #${cp.seq} sha256:${cp.hash || '-'} ${at}`;
}

/** The text of a checkpoint file (the separate small file kept with, or instead of, an export). */
export function checkpointFile(cp: Checkpoint): string {
  return `${JSON.stringify(cp, null, 2)}\n`;
}

/** A file name like `reply-guard-checkpoint-ws-1a2b3c4d-2026-12-01.json`. */
export function checkpointFileName(cp: Checkpoint): string {
  return `reply-guard-checkpoint-${cp.workstation}-${new Date(cp.createdAt).toISOString().slice(0, 10)}.json`;
}

const HEX64 = /^[0-9a-f]{64}$/;
const YEAR_MS = 365 * 86_400_000;

/** Checks the shape of a parsed checkpoint object; throws with a message for people. */
export function validateCheckpoint(raw: unknown): Checkpoint {
  const o = raw as Partial<Checkpoint> | null;
  const bad = (what: string) => new Error(`This checkpoint is damaged: ${what}.`);
  if (!o || typeof o !== 'object' || o.format !== CHECKPOINT_FORMAT)
    throw new Error('This is not a Reply Guard checkpoint.');
  if (o.version !== 1)
    throw new Error(`This checkpoint has version ${String(o.version)}, which this Reply Guard cannot read.`);
  if (typeof o.workstation !== 'string' || !/^[\w.-]{1,64}$/.test(o.workstation))
    throw bad('the workstation is invalid');
  const int = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  if (!int(o.seq) || !int(o.records) || !int(o.firstSeq) || !int(o.time) || !int(o.createdAt)) {
    throw bad('a number in it is invalid');
  }
  if (!(o.hash === '' || (typeof o.hash === 'string' && HEX64.test(o.hash)))) throw bad('the hash is invalid');
  if (o.seq! > 0 && !o.hash) throw bad('the hash is missing');
  const a = o.anchor;
  if (!a || !int(a.seq) || !(a.hash === '' || (typeof a.hash === 'string' && HEX64.test(a.hash)))) {
    throw bad('the retention anchor is invalid');
  }
  return o as Checkpoint;
}

/** Reads the text form back (hash and record number only: it carries no signature). */
export function parseCheckpointText(text: string): Checkpoint | null {
  const m = /Reply Guard checkpoint\s+([\w.-]{1,64})\s+#(\d+)\s+sha256:([0-9a-f]{64}|-)(?:\s+(\S+))?/.exec(text);
  if (!m) return null;
  const created = m[4] ? Date.parse(m[4]) : 0;
  return {
    format: CHECKPOINT_FORMAT,
    version: 1,
    workstation: m[1]!,
    seq: Number(m[2]),
    hash: m[3] === '-' ? '' : m[3]!,
    time: 0,
    records: 0,
    firstSeq: 0,
    anchor: { seq: 0, hash: '' },
    createdAt: Number.isFinite(created) ? created : 0,
  };
}

/** One thing found when comparing a log with an earlier checkpoint. */
export interface CheckpointFinding {
  kind:
    | 'wiped'
    | 'truncated'
    | 'missing'
    | 'changed'
    | 'rebuilt'
    | 'pruned'
    | 'pruned-early'
    | 'future'
    | 'other-workstation'
    | 'broken';
  /** true: the log does not hold up; false: worth knowing (e.g. records deleted by logged retention). */
  problem: boolean;
  message: string;
  fromSeq?: number;
  toSeq?: number;
}

/** The result of checking a log against an earlier checkpoint or export. */
export interface CheckpointReport {
  ok: boolean;
  workstation: string;
  /** The checkpoint's head record number and when it was taken. */
  checkpointSeq: number;
  checkpointCreatedAt: number;
  /** How many records the log has gained since. */
  added: number;
  findings: CheckpointFinding[];
  /** The current chain's own check. */
  chain: ChainStatus;
  /** One sentence for the dashboard. */
  summary: string;
}

/** Ranges of consecutive numbers: [1,2,3,7] → [[1,3],[7,7]]. */
function ranges(nums: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const n of [...nums].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

const span = ([a, b]: [number, number]) => (a === b ? `#${a}` : `#${a} to #${b}`);

/** One logged prune: the records it deleted, the hash it ended on, when, and its own record number. */
interface Prune {
  from: number;
  to: number;
  hash: string;
  at: number;
  seq: number;
  /** The time of the newest record it deleted. */
  upToTime: number;
}

/** The prunes recorded in a chain: each `pruned` record's range and the hash it ended on. */
function loggedPrunes(records: readonly StoredRecord[]): Prune[] {
  const out: Prune[] = [];
  for (const r of records) {
    if (r.outcome !== 'pruned' || !r.detail) continue;
    const from = Number(r.detail.fromSeq);
    const to = Number(r.detail.upToSeq);
    if (Number.isSafeInteger(from) && Number.isSafeInteger(to) && typeof r.detail.upToHash === 'string') {
      const upToTime = Number(r.detail.upToTime);
      out.push({
        from,
        to,
        hash: r.detail.upToHash,
        at: r.time,
        seq: r.seq,
        upToTime: Number.isFinite(upToTime) ? upToTime : 0,
      });
    }
  }
  return out;
}

/**
 * Compares a workstation's log as it is now with an earlier checkpoint (and, when the evidence is
 * an export, with the records it held). Reports records missing or changed since: the newest
 * records deleted (truncated), the log wiped, a record edited, a chain rebuilt from an edited
 * record on. Records deleted by retention that the chain logged (`pruned` records) are reported
 * but are not problems. `current` is in chain order; `anchor` is where retention left it (own
 * log), omitted for imported logs.
 */
export async function verifyAgainstCheckpoint(
  earlier: { checkpoint: Checkpoint; records?: readonly StoredRecord[] },
  current: { workstation: string; records: readonly StoredRecord[]; anchor?: ChainAnchor },
  now = Date.now(),
): Promise<CheckpointReport> {
  const cp = earlier.checkpoint;
  const findings: CheckpointFinding[] = [];
  const recs = current.records;
  const chain = current.anchor
    ? await verifyLocalChain(recs, current.anchor)
    : await verifyRecords(recs, '', { allowGaps: true });
  if (!chain.ok && chain.firstBroken) {
    findings.push({
      kind: 'broken',
      problem: true,
      message: `The log itself does not verify: ${chain.firstBroken.reason}.`,
    });
  }
  if (cp.workstation !== current.workstation) {
    findings.push({
      kind: 'other-workstation',
      problem: true,
      message: `The checkpoint is of ${cp.workstation}, not of ${current.workstation}.`,
    });
  }
  const bySeq = new Map(recs.map((r) => [r.seq, r]));
  const prunes = loggedPrunes(recs);
  const prunedBy = (seq: number) => prunes.find((p) => seq >= p.from && seq <= p.to);
  const head = recs.at(-1);
  const headSeq = head?.seq ?? current.anchor?.seq ?? 0;

  if (cp.seq > 0) {
    const r = bySeq.get(cp.seq);
    if (r) {
      if (r.hash !== cp.hash) {
        findings.push({
          kind: 'rebuilt',
          problem: true,
          fromSeq: cp.seq,
          message: `Record #${cp.seq} is not the record the checkpoint saw: the log was changed and its chain rebuilt since ${new Date(cp.createdAt).toISOString()}.`,
        });
      }
    } else if (headSeq < cp.seq) {
      const keptFromCheckpoint = recs.filter((x) => x.seq <= cp.seq).length;
      // A record numbered within the checkpoint's range but written after it: the chain restarted.
      const restarted = cp.createdAt > 0 && recs.some((x) => x.seq <= cp.seq && x.time > cp.createdAt);
      if (!recs.length || keptFromCheckpoint === 0 || (cp.firstSeq > 0 && headSeq < cp.firstSeq) || restarted) {
        findings.push({
          kind: 'wiped',
          problem: true,
          fromSeq: 1,
          toSeq: cp.seq,
          message: `The log was wiped: the checkpoint saw records up to #${cp.seq}, and they are gone${recs.length ? `; the log started again and now ends at #${headSeq}` : ''}.`,
        });
      } else {
        findings.push({
          kind: 'truncated',
          problem: true,
          fromSeq: headSeq + 1,
          toSeq: cp.seq,
          message: `Records ${span([headSeq + 1, cp.seq])} are missing: the log ends at #${headSeq} but the checkpoint saw #${cp.seq}.`,
        });
      }
    } else {
      const p = prunedBy(cp.seq);
      if (p && p.to === cp.seq && p.hash !== cp.hash) {
        findings.push({
          kind: 'rebuilt',
          problem: true,
          fromSeq: cp.seq,
          message: `Retention says it pruned up to record #${cp.seq}, but with a different hash from the checkpoint's: the log was changed since.`,
        });
      } else if (p) {
        findings.push({
          kind: 'pruned',
          problem: false,
          fromSeq: p.from,
          toSeq: p.to,
          message: `Records ${span([p.from, p.to])} were deleted by retention on ${new Date(p.at).toISOString().slice(0, 10)} (logged as record #${p.seq}).`,
        });
      } else {
        findings.push({
          kind: 'missing',
          problem: true,
          fromSeq: cp.seq,
          toSeq: cp.seq,
          message: `Record #${cp.seq}, the newest at the checkpoint, is missing and no retention record explains it.`,
        });
      }
    }
  }

  // An export's records, one by one: each must still be there, unchanged, or be logged as pruned.
  if (earlier.records?.length) {
    const missing: number[] = [];
    const changed: number[] = [];
    let pruned = 0;
    for (const e of earlier.records) {
      if (e.seq > headSeq && findings.some((f) => f.kind === 'truncated' || f.kind === 'wiped')) continue;
      const c = bySeq.get(e.seq);
      if (!c) {
        if (prunedBy(e.seq)) pruned++;
        else missing.push(e.seq);
      } else if (c.id !== e.id || c.hash !== e.hash) changed.push(e.seq);
    }
    if (missing.length) {
      findings.push({
        kind: 'missing',
        problem: true,
        fromSeq: missing[0],
        toSeq: missing.at(-1),
        message: `${missing.length} record${missing.length === 1 ? '' : 's'} of the earlier export ${missing.length === 1 ? 'is' : 'are'} missing: ${ranges(missing).map(span).join(', ')}.`,
      });
    }
    if (changed.length) {
      findings.push({
        kind: 'changed',
        problem: true,
        fromSeq: changed[0],
        toSeq: changed.at(-1),
        message: `${changed.length} record${changed.length === 1 ? '' : 's'} differ${changed.length === 1 ? 's' : ''} from the earlier export: ${ranges(changed).map(span).join(', ')}.`,
      });
    }
    if (pruned && !findings.some((f) => f.kind === 'pruned')) {
      findings.push({
        kind: 'pruned',
        problem: false,
        message: `${pruned} records of the earlier export were deleted by logged retention.`,
      });
    }
  }

  // Retention cannot delete records less than a year old by the verifier's own clock: a prune that
  // did was run under a clock set ahead (issue #11).
  for (const p of prunes) {
    if (p.upToTime > now - YEAR_MS) {
      findings.push({
        kind: 'pruned-early',
        problem: true,
        fromSeq: p.from,
        toSeq: p.to,
        message: `Retention (record #${p.seq}) deleted records ${span([p.from, p.to])} though the newest of them was less than a year old (${new Date(p.upToTime).toISOString().slice(0, 10)}): the workstation's clock was probably set ahead.`,
      });
    }
  }
  const future = recs.filter((r) => r.time > now + 2 * 86_400_000);
  if (future.length) {
    findings.push({
      kind: 'future',
      problem: true,
      fromSeq: future[0]!.seq,
      toSeq: future.at(-1)!.seq,
      message: `${future.length} record${future.length === 1 ? ' is' : 's are'} dated in the future (from #${future[0]!.seq}): the workstation's clock was wrong when ${future.length === 1 ? 'it was' : 'they were'} written.`,
    });
  }
  const problems = findings.filter((f) => f.problem);
  const added = Math.max(0, headSeq - cp.seq);
  const since = new Date(cp.createdAt || cp.time).toISOString().slice(0, 10);
  const summary = problems.length
    ? `Not consistent with the checkpoint of ${since} (#${cp.seq}): ${problems.map((p) => p.message).join(' ')}`
    : `Consistent with the checkpoint of ${since}: record #${cp.seq} is unchanged, ${added} record${added === 1 ? '' : 's'} added since.`;
  return {
    ok: problems.length === 0,
    workstation: current.workstation,
    checkpointSeq: cp.seq,
    checkpointCreatedAt: cp.createdAt,
    added,
    findings,
    chain,
    summary,
  };
}
