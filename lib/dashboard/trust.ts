/**
 * How far the dashboard trusts each imported workstation's records (issue #11): "verified" only
 * while a key the manager registered for that workstation signed every file that brought them.
 * The import stored each file's signer (lib/import.ts); this re-reads it against the keys
 * registered now, so registering a key later verifies files it signed, and removing one takes the
 * word back. Pure: the dashboard passes the rows.
 */
import type { ImportRow, KeyRow } from '@/lib/db';

/** How one imported workstation's files checked. */
export type Trust = ImportRow['trust'];

/** The trust of each imported workstation: the weakest over the files that brought its records. */
export function workstationTrust(
  imports: readonly ImportRow[],
  keys: readonly KeyRow[],
): Map<string, { trust: Trust; keyId: string; files: number; checkpoint?: unknown }> {
  const rank: Record<Trust, number> = { unsigned: 0, 'unknown-signer': 1, verified: 2 };
  const out = new Map<string, { trust: Trust; keyId: string; files: number; checkpoint?: unknown }>();
  const ordered = [...imports].sort((a, b) => a.importedAt - b.importedAt);
  for (const row of ordered) {
    let trust: Trust = row.trust === 'unsigned' || !row.keyId ? 'unsigned' : 'unknown-signer';
    if (trust !== 'unsigned' && keys.some((k) => k.keyId === row.keyId && k.workstation === row.workstation)) {
      trust = 'verified';
    }
    const was = out.get(row.workstation);
    const weaker = !was || rank[trust] < rank[was.trust];
    out.set(row.workstation, {
      trust: weaker ? trust : was.trust,
      keyId: weaker ? row.keyId : was.keyId,
      files: (was?.files ?? 0) + 1,
      // The newest file's checkpoint: the latest head this dashboard saw of that workstation.
      checkpoint: row.checkpoint ?? was?.checkpoint,
    });
  }
  return out;
}

/** Words for a trust level, never "verified" unless a registered key signed it. */
export function trustLabel(trust: Trust | undefined, keyId = ''): string {
  if (trust === 'verified') return 'Verified: signed by a registered workstation key';
  if (trust === 'unknown-signer')
    return `Unknown signer: signed by a key that is not registered${keyId ? ` (${keyId})` : ''}`;
  return 'Unsigned: where these records came from cannot be checked';
}
