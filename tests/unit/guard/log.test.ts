import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { PENDING_KEY, queueInteraction, sendInteraction } from '@/lib/guard/log';
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

describe('logging through the background', () => {
  it('sends to the background and stops when it acknowledges', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true, id: '1' } as never);
    expect(await sendInteraction(input)).toEqual({ status: 'sent' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'log-interaction', input });
    expect((await browser.storage.local.get(PENDING_KEY))[PENDING_KEY]).toBeUndefined();
  });

  it('treats no answer as not logged: retries, then queues', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
    expect(await sendInteraction(input)).toEqual({ status: 'queued' });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("keeps a refused interaction in the queue and returns the log's message for the user", async () => {
    const error = 'Storage is full: Reply Guard could not save this reply to the compliance log.';
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: false, error } as never);
    expect(await sendInteraction(input)).toEqual({ status: 'refused', error });
    const queued = (await browser.storage.local.get(PENDING_KEY))[PENDING_KEY] as InteractionInput[];
    expect(queued).toHaveLength(1);
  });

  it('retries once, then queues in storage.local for the background to drain', async () => {
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await sendInteraction(input)).toEqual({ status: 'queued' });
    expect(send).toHaveBeenCalledTimes(2);
    const queued = (await browser.storage.local.get(PENDING_KEY))[PENDING_KEY] as Array<Record<string, unknown>>;
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject(input);
    expect(typeof queued[0]?.queuedAt).toBe('number');
  });

  it('loses nothing when several outcomes queue at once', async () => {
    await Promise.all([1, 2, 3].map((n) => queueInteraction({ ...input, durationMs: n })));
    const queued = (await browser.storage.local.get(PENDING_KEY))[PENDING_KEY] as InteractionInput[];
    expect(queued.map((q) => q.durationMs)).toEqual([1, 2, 3]);
  });
});
