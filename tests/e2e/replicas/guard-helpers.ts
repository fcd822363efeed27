/**
 * Shared steps of the guard's end-to-end specs (tests/e2e/guard-*.spec.ts).
 */
import { expect, type Frame, type Locator, type Page } from '@playwright/test';

/** Clearly violating: a care detail and the reviewer's name (block). */
export const RISKY = 'So sorry your crown came loose, Maria!';
/** Clean: generic, non-confirming, invites a private conversation (ok). */
export const CLEAN = 'Thank you for your feedback! Please call our office.';

/** What the replica page recorded as posted. */
export function posted(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => (window as unknown as { __posted: string[] }).__posted);
}

/** Number of ranges in the guard's highlights, read from the page's main world (the registry is per document). */
export function highlightCount(target: Page | Frame): Promise<number> {
  return target.evaluate(() => {
    let n = 0;
    for (const name of ['reply-guard-block', 'reply-guard-warn']) n += CSS.highlights.get(name)?.size ?? 0;
    return n;
  });
}

/** Types like a person and checks the verdict lands within 1 s of the last keystroke. */
export async function typeAndExpectVerdict(box: Locator, text: string, verdict: RegExp): Promise<void> {
  await box.click();
  await box.pressSequentially(text, { delay: 5 });
  const typedAt = Date.now();
  await expect(box).toHaveAttribute('data-hipaa-guard', verdict, { timeout: 3000 });
  expect(Date.now() - typedAt).toBeLessThan(1000);
}

/** The guard dialog (in the guard's open shadow root). */
export function guardDialog(page: Page): Locator {
  return page.getByRole('alertdialog');
}

/** Collects console errors and page errors for a page (all frames). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
