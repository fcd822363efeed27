/**
 * The manager PIN (issue #11): settings that weaken the guard or shorten the audit trail ask for it.
 * Only a salted PBKDF2-SHA-256 hash is stored, never the PIN; wrong guesses slow down.
 */
import { storage } from '@wxt-dev/storage';

/** What is stored: the salt, the hash and the work factor, base64. */
export interface PinRecord {
  salt: string;
  hash: string;
  iterations: number;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
const ITERATIONS = 600_000;
/** A PIN is 4 to 12 digits: typed quickly, hard enough with slow hashing and lock-out. */
export const PIN_PATTERN = /^\d{4,12}$/;

/** Where the PIN hash lives. */
export const pinItem = storage.defineItem<PinRecord | null>('local:managerPin', { fallback: null });

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** A record for `pin` with a fresh salt (exported for tests, which use few iterations). */
export async function hashPin(pin: string, iterations = ITERATIONS): Promise<PinRecord> {
  if (!PIN_PATTERN.test(pin)) throw new Error('A manager PIN is 4 to 12 digits.');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: b64(salt), hash: b64(await derive(pin, salt, iterations)), iterations };
}

/** True when `pin` matches `record` (compared in constant time). */
export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  const got = await derive(pin, unb64(record.salt), record.iterations);
  const want = unb64(record.hash);
  let diff = got.length ^ want.length;
  for (let i = 0; i < Math.min(got.length, want.length); i++) diff |= (got[i] ?? 0) ^ (want[i] ?? 0);
  return diff === 0;
}

/** Checks PINs against the stored hash, with a growing wait after repeated wrong guesses. */
export class PinGuard {
  private failures = 0;
  private blockedUntil = 0;

  constructor(
    private readonly store: { get(): Promise<PinRecord | null>; set(r: PinRecord): Promise<void> } = {
      get: () => pinItem.getValue(),
      set: (r) => pinItem.setValue(r),
    },
    private readonly now: () => number = Date.now,
    private readonly iterations = ITERATIONS,
  ) {}

  /** True once a manager PIN has been set on this browser. */
  async isSet(): Promise<boolean> {
    return (await this.store.get()) !== null;
  }

  /** Sets the first PIN; refuses when one exists (changing it needs the old one: `change`). */
  async create(pin: string): Promise<void> {
    if (await this.isSet()) throw new Error('A manager PIN is already set.');
    await this.store.set(await hashPin(pin, this.iterations));
  }

  /** Replaces the PIN after checking the current one. */
  async change(current: string, next: string): Promise<void> {
    const check = await this.verify(current);
    if (!check.ok) throw new Error(check.message);
    await this.store.set(await hashPin(next, this.iterations));
  }

  /** Checks `pin`; after 3 wrong tries each further try waits longer (30 s, 60 s, ... up to 15 min). */
  async verify(pin: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const wait = this.blockedUntil - this.now();
    if (wait > 0) return { ok: false, message: `Too many wrong PINs. Try again in ${Math.ceil(wait / 1000)} s.` };
    const record = await this.store.get();
    if (!record) return { ok: false, message: 'No manager PIN is set yet.' };
    if (PIN_PATTERN.test(pin) && (await pinMatches(pin, record))) {
      this.failures = 0;
      return { ok: true };
    }
    this.failures++;
    if (this.failures >= 3) this.blockedUntil = this.now() + Math.min(30_000 * 2 ** (this.failures - 3), 900_000);
    return { ok: false, message: 'That PIN is not right.' };
  }
}
