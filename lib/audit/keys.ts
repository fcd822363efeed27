/**
 * Per-workstation signing keys (issue #11). Each browser makes one ECDSA P-256 key pair on first
 * use and keeps it in the log database as CryptoKeys; the private key is non-extractable, so no
 * page, export or copy of the settings can carry it away. Exports and checkpoints are signed with
 * it. The practice manager registers each workstation's public key on the dashboard; an imported
 * file counts as verified only when a registered key signed it.
 */
import { sha256Hex } from '@/lib/background/chain';
import { getDb, type KeyRow, type LogDb } from '@/lib/db';
import { isCryptoKey } from './fingerprint';

const META_KEY = 'signingKey';
const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Marks a workstation key file (what a workstation hands the manager to register). */
export const KEY_FILE_FORMAT = 'reply-guard-workstation-key';

/** This workstation's key pair as stored. */
interface StoredKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JsonWebKey;
  keyId: string;
}

/** A public key as shared: who it belongs to and its id. */
export interface WorkstationKey {
  format: typeof KEY_FILE_FORMAT;
  workstation: string;
  keyId: string;
  publicKey: JsonWebKey;
}

/** The parts of an EC public JWK that identify it (anything else is dropped). */
function publicPart(jwk: JsonWebKey): JsonWebKey {
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public point, grouped for reading aloud. */
export async function keyIdOf(jwk: JsonWebKey): Promise<string> {
  const hex = await sha256Hex(`${jwk.x}.${jwk.y}`);
  return hex.slice(0, 16).replace(/(.{4})(?=.)/g, '$1-');
}

const pairs = new WeakMap<LogDb, Promise<StoredKeyPair>>();

/** This workstation's signing key pair, made on first use. */
export function signingKeyPair(db: LogDb = getDb()): Promise<StoredKeyPair> {
  let p = pairs.get(db);
  if (!p) {
    p = (async () => {
      const row = (await db.meta.get(META_KEY))?.value as StoredKeyPair | undefined;
      if (row && isCryptoKey(row.privateKey)) return row;
      const pair = await crypto.subtle.generateKey(ALG, false, ['sign', 'verify']);
      // The public half is always exportable; the private half never (extractable: false).
      const publicJwk = publicPart(await crypto.subtle.exportKey('jwk', pair.publicKey));
      const made: StoredKeyPair = { ...pair, publicJwk, keyId: await keyIdOf(publicJwk) };
      try {
        await db.meta.add({ key: META_KEY, value: made });
        return made;
      } catch {
        return (await db.meta.get(META_KEY))!.value as StoredKeyPair;
      }
    })();
    p.catch(() => pairs.delete(db));
    pairs.set(db, p);
  }
  return p;
}

/** Base64 of bytes. */
function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Bytes of base64, or null when it is not base64. */
function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const s = atob(text);
    const out = new Uint8Array(new ArrayBuffer(s.length));
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Signs `text` with this workstation's private key: base64 of the P1363 signature. */
export async function signText(
  text: string,
  db: LogDb = getDb(),
): Promise<{ keyId: string; publicKey: JsonWebKey; signature: string }> {
  const pair = await signingKeyPair(db);
  const sig = await crypto.subtle.sign(SIGN, pair.privateKey, new TextEncoder().encode(text));
  return { keyId: pair.keyId, publicKey: pair.publicJwk, signature: toBase64(new Uint8Array(sig)) };
}

/** True when `signature` is a valid signature of `text` by `publicKey`. Never throws. */
export async function verifyText(text: string, signature: string, publicKey: JsonWebKey): Promise<boolean> {
  try {
    const sig = fromBase64(signature);
    if (!sig) return false;
    const key = await crypto.subtle.importKey('jwk', publicPart(publicKey), ALG, false, ['verify']);
    return await crypto.subtle.verify(SIGN, key, sig, new TextEncoder().encode(text));
  } catch {
    return false;
  }
}

/** This workstation's public key as the text the manager registers on the dashboard. */
export async function workstationKeyText(workstation: string, db: LogDb = getDb()): Promise<string> {
  const pair = await signingKeyPair(db);
  const file: WorkstationKey = { format: KEY_FILE_FORMAT, workstation, keyId: pair.keyId, publicKey: pair.publicJwk };
  return JSON.stringify(file);
}

/** Reads a workstation key text; throws an Error with a message for people when it is not one. */
export async function parseWorkstationKey(text: string): Promise<WorkstationKey> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(
      'This is not a Reply Guard workstation key (copy it from "This workstation\'s key" on that computer).',
    );
  }
  const o = raw as Partial<WorkstationKey> | null;
  if (!o || typeof o !== 'object' || o.format !== KEY_FILE_FORMAT || typeof o.workstation !== 'string') {
    throw new Error('This is not a Reply Guard workstation key.');
  }
  const jwk = o.publicKey;
  if (!jwk || typeof jwk.x !== 'string' || typeof jwk.y !== 'string')
    throw new Error('The key has no public key in it.');
  try {
    await crypto.subtle.importKey('jwk', publicPart(jwk), ALG, false, ['verify']);
  } catch {
    throw new Error('The public key in it is not a valid P-256 key.');
  }
  const keyId = await keyIdOf(jwk);
  if (o.keyId !== undefined && o.keyId !== keyId) throw new Error('The key id does not match the key: it was changed.');
  if (!/^[\w.-]{1,64}$/.test(o.workstation)) throw new Error('The workstation name in the key is invalid.');
  return { format: KEY_FILE_FORMAT, workstation: o.workstation, keyId, publicKey: publicPart(jwk) };
}

/**
 * Registers a workstation's public key (the manager pasted its key text). Returns the row.
 * The caller should also record the change in the chain (recordEvent 'setting-changed').
 */
export async function registerWorkstationKey(text: string, label = '', db: LogDb = getDb()): Promise<KeyRow> {
  const key = await parseWorkstationKey(text);
  const row: KeyRow = {
    keyId: key.keyId,
    workstation: key.workstation,
    label: label.trim().slice(0, 100) || key.workstation,
    publicKey: key.publicKey,
    addedAt: Date.now(),
  };
  await db.keys.put(row);
  return row;
}

/** Every registered workstation key, by workstation. */
export async function listWorkstationKeys(db: LogDb = getDb()): Promise<KeyRow[]> {
  return (await db.keys.toArray()).sort((a, b) => a.workstation.localeCompare(b.workstation));
}

/** Removes a registered key; files it signed import as "unknown signer" from then on. */
export async function unregisterWorkstationKey(keyId: string, db: LogDb = getDb()): Promise<void> {
  await db.keys.delete(keyId);
}
