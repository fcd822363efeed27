/**
 * `npm run scan -- "some reply"`: a readable report of one reply (findings, the learned model's
 * marks, and rule findings it demoted to hints).
 * `npm run --silent scan -- --jsonl < in.jsonl > out.jsonl`: one output line per input line
 * ({"id","verdict","findings"}); a malformed line gets an error on stderr naming its line number,
 * the other lines are still answered, and the exit code is non-zero.
 */
import readline from 'node:readline';
import { analyze } from '../../rules/index';
import type { AnalyzeOptions } from '../../rules/types';

function optionsOf(o: Record<string, unknown>): AnalyzeOptions {
  const context =
    (o.context as AnalyzeOptions['context']) ??
    (o.reviewText || o.reviewAuthor
      ? { reviewText: o.reviewText as string | undefined, reviewAuthor: o.reviewAuthor as string | undefined }
      : undefined);
  return {
    profile: o.profile as AnalyzeOptions['profile'],
    settings: o.settings as AnalyzeOptions['settings'],
    context,
  };
}

async function jsonl(): Promise<number> {
  let failures = 0;
  let lineNo = 0;
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line);
      if (!obj || typeof obj !== 'object' || typeof obj.text !== 'string')
        throw new Error('expected an object with a "text" string');
    } catch (err) {
      failures++;
      process.stderr.write(`scan: line ${lineNo}: malformed input (${(err as Error).message})\n`);
      process.stdout.write(`${JSON.stringify({ id: null, line: lineNo, error: 'malformed input' })}\n`);
      continue;
    }
    const a = analyze(obj.text as string, optionsOf(obj));
    process.stdout.write(`${JSON.stringify({ id: obj.id ?? null, verdict: a.verdict, findings: a.findings })}\n`);
  }
  return failures ? 1 : 0;
}

function report(text: string): number {
  const a = analyze(text);
  const label = {
    ok: 'OK: nothing to flag',
    warn: 'WARN: confirms a relationship or names someone',
    block: 'BLOCK: would disclose health information',
  };
  console.log(`\n${label[a.verdict]}\n`);
  console.log(`  ${text}`);
  if (a.findings.length) {
    let marks = '';
    for (const f of a.findings)
      marks = marks.padEnd(f.start, ' ') + (f.severity === 'block' ? '^' : '~').repeat(Math.max(1, f.end - f.start));
    console.log(`  ${marks}\n`);
  }
  for (const f of a.findings) {
    console.log(`- [${f.severity}] "${f.actual}" (${f.start}-${f.end}, ${f.category}, rule ${f.ruleId})`);
    console.log(`    ${f.message}`);
    if (f.marks?.length)
      console.log(`    Words that weighed most: ${f.marks.map((m) => `"${text.slice(m.start, m.end)}"`).join(', ')}`);
    if (f.suggestion) console.log(`    Try instead: ${f.suggestion}`);
  }
  // Issue #9: rule findings the learned model judged safe; shown, but they do not set the verdict.
  for (const f of a.hints ?? []) {
    console.log(
      `- [hint] "${f.actual}" (${f.start}-${f.end}, ${f.category}, rule ${f.ruleId}): the second check judged the reply safe`,
    );
    console.log(`    ${f.message}`);
  }
  return 0;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--jsonl')) {
    process.exitCode = await jsonl();
    return;
  }
  const text = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!text) {
    console.error('usage: npm run scan -- "reply text"  |  npm run --silent scan -- --jsonl < in.jsonl');
    process.exitCode = 2;
    return;
  }
  process.exitCode = report(text);
}

// A closed pipe (`| head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
void main();
