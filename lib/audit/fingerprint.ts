/**
 * Text fingerprints (issue #11): HMAC-SHA-256 of a reply under a secret made once per install and
 * kept as a non-extractable CryptoKey in the log database. A plain SHA-256 of a short reply can be
 * brute-forced from the extension's own vocabulary plus the public reviewer name; an HMAC cannot
 * be recomputed by anyone without the key, and the key never leaves this browser (it cannot even
 * be exported: `extractable: false`). Fingerprints are kept only in full text mode.
 */
import { toHex } from '@/lib/background/chain';
import type { LogDb } from '@/lib/db';

const META_KEY = 'fingerprintKey';
const keys = new WeakMap<LogDb, Promise<CryptoKey>>();

/** This install's fingerprint key, made on first use (one per database, never exported). */
export function fingerprintKey(db: LogDb): Promise<CryptoKey> {
  let p = keys.get(db);
  if (!p) {
    p = (async () => {
      const row = await db.meta.get(META_KEY);
      if (isCryptoKey(row?.value)) return row.value;
      const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      // `add` fails if another context made one first; then that one wins.
      try {
        await db.meta.add({ key: META_KEY, value: key });
        return key;
      } catch {
        return (await db.meta.get(META_KEY))!.value as CryptoKey;
      }
    })();
    p.catch(() => keys.delete(db));
    keys.set(db, p);
  }
  return p;
}

/** The fingerprint of `text`: HMAC-SHA-256 under this install's key, as hex. */
export async function fingerprint(text: string, db: LogDb): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await fingerprintKey(db), new TextEncoder().encode(text));
  return toHex(new Uint8Array(mac));
}

/** True for a CryptoKey read back from IndexedDB (checked by shape: realms differ in tests). */
export function isCryptoKey(v: unknown): v is CryptoKey {
  return typeof v === 'object' && v !== null && 'algorithm' in v && 'usages' in v;
}
