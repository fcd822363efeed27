import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { draftIdFor, PENDING_PREFIX, queueInteraction, sendInteraction } from '@/lib/guard/log';
import type { InteractionInput } from '@/lib/log-record';

const input: InteractionInput = {
  site: 'yelp',
  pageKind: 'public-comment',
  url: 'https://biz.yelp.com/r2r/x/reviews',
  verdict: 'block',
  categories: ['care-details'],
  rules: ['care-detail'],
  outcome: 'overridden',
  reason: 'consented',
  text: 'So sorry your crown came loose',
  durationMs: 1200,
};

/** Every queued entry in storage.local (one key each). */
async function queued(): Promise<Array<InteractionInput & { id: string; queuedAt: number }>> {
  const all = (await browser.storage.local.get(null)) as Record<string, unknown>;
  return Object.entries(all)
    .filter(([k]) => k.startsWith(PENDING_PREFIX))
    .map(([, v]) => v as InteractionInput & { id: string; queuedAt: number });
}

describe('logging through the background', () => {
  it('sends to the background and stops when it acknowledges', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true, id: '1' } as never);
    expect(await sendInteraction(input)).toEqual({ status: 'sent' });
    expect(send).toHaveBeenCalledTimes(1);
    // The interaction gets its own id here: the background uses it as the record's id.
    const sent = send.mock.calls[0]![0] as unknown as { type: string; input: InteractionInput };
    expect(sent).toEqual({
      type: 'log-interaction',
      input: { ...input, id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(await queued()).toEqual([]);
  });

  it('treats no answer as not logged: retries with the same id, then queues under it', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    expect(await sendInteraction(input)).toEqual({ status: 'queued' });
    expect(send).toHaveBeenCalledTimes(2);
    const ids = send.mock.calls.map((c) => (c[0] as unknown as { input: InteractionInput }).input.id);
    expect(ids[0]).toBe(ids[1]);
    const [q] = await queued();
    expect(q!.id).toBe(ids[0]);
    expect(Object.keys(await browser.storage.local.get(null))).toEqual([`${PENDING_PREFIX}${ids[0]}`]);
  });

  it('does not queue what the background refused for good (rate limit: already counted as refused)', async () => {
    const error = 'Too many replies logged from this tab in the last minute.';
    const send = vi
      .spyOn(browser.runtime, 'sendMessage')
      .mockResolvedValue({ ok: false, retry: false, error } as never);
    expect(await sendInteraction(input)).toEqual({ status: 'refused', error });
    expect(send).toHaveBeenCalledTimes(1);
    expect(await queued()).toEqual([]);
  });

  it("keeps a refused interaction in the queue and returns the log's message for the user", async () => {
    const error = 'Storage is full: Reply Guard could not save this reply to the compliance log.';
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error } as never);
    expect(await sendInteraction(input)).toEqual({ status: 'refused', error });
    expect(await queued()).toHaveLength(1);
  });

  it('retries once, then queues in storage.local for the background to drain', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await sendInteraction(input)).toEqual({ status: 'queued' });
    expect(send).toHaveBeenCalledTimes(2);
    const q = await queued();
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject(input);
    expect(typeof q[0]?.queuedAt).toBe('number');
  });

  it('loses nothing when several outcomes queue at once', async () => {
    await Promise.all([1, 2, 3].map((n) => queueInteraction({ ...input, durationMs: n })));
    expect((await queued()).map((q) => q.durationMs).sort()).toEqual([1, 2, 3]);
  });

  it('two tabs queueing at once keep both (each writes its own key; no read-modify-write)', async () => {
    // Two content scripts in two tabs: separate module state, the same storage.local. Each reads
    // nothing before writing, so interleaving cannot lose either.
    const get = vi.spyOn(browser.storage.local, 'get');
    const tabA = queueInteraction({ ...input, reason: 'tab A' });
    const tabB = queueInteraction({ ...input, reason: 'tab B' });
    await Promise.all([tabA, tabB]);
    expect(get).not.toHaveBeenCalled();
    expect((await queued()).map((q) => q.reason).sort()).toEqual(['tab A', 'tab B']);
  });
});

describe('draft ids', () => {
  it('one id for every record of one draft in one box; a new draft after it ends', () => {
    const boxA = {};
    const boxB = {};
    const edited = draftIdFor(boxA, 'edited');
    expect(draftIdFor(boxA, 'overridden')).toBe(edited);
    expect(draftIdFor(boxB, 'abandoned')).not.toBe(edited);
    const next = draftIdFor(boxA, 'unchecked');
    expect(next).not.toBe(edited);
    expect(draftIdFor(boxA, 'posted')).toBe(next);
    expect(draftIdFor(boxA, 'posted')).not.toBe(next);
  });
});
