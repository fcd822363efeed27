import { describe, expect, it } from 'vitest';
import { editorKind, rangesFor, readText, textModel, writeText } from '@/lib/editor';

describe('reading a reply box', () => {
  it('reads Lexical paragraphs, line breaks and placeholders as the user sees them', () => {
    document.body.innerHTML = `<div contenteditable="true" data-lexical-editor="true"><p dir="auto"><span data-lexical-text="true">So sorry your </span><span data-lexical-text="true">crown</span><br><span data-lexical-text="true">came loose</span></p><p><br></p><p><span data-lexical-text="true">Maria</span></p></div>`;
    const el = document.querySelector<HTMLElement>('[contenteditable]')!;
    expect(editorKind(el)).toBe('lexical');
    expect(readText(el)).toBe('So sorry your crown\ncame loose\nMaria');
  });

  it('reads an empty Lexical editor as empty', () => {
    document.body.innerHTML = `<div contenteditable="true" data-lexical-editor="true"><p><br></p></div>`;
    expect(readText(document.querySelector<HTMLElement>('[contenteditable]')!)).toBe('');
  });

  it('maps text offsets to ranges over the editor’s own nodes, across node boundaries', () => {
    document.body.innerHTML = `<div contenteditable="true"><p><span>So sorry your </span><span>crown came</span><span> loose</span></p></div>`;
    const el = document.querySelector<HTMLElement>('[contenteditable]')!;
    const model = textModel(el);
    const start = model.text.indexOf('crown');
    const [range] = rangesFor(model, [[start, start + 'crown came loose'.length]]);
    expect(range?.toString()).toBe('crown came loose');
    // A span on a node boundary starts in the next node and ends in the previous one.
    const [exact] = rangesFor(model, [[start, start + 'crown came'.length]]);
    expect(exact?.startContainer).toBe(exact?.endContainer);
  });

  it('reads Draft.js blocks one per line', () => {
    document.body.innerHTML = `<div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"><div data-block="true"><div data-offset-key="a-0-0"><span data-offset-key="a-0-0"><span data-text="true">Thanks for the note.</span></span></div></div><div data-block="true"><div data-offset-key="b-0-0"><span data-offset-key="b-0-0"><span data-text="true">Please call us.</span></span></div></div></div></div></div>`;
    const el = document.querySelector<HTMLElement>('[contenteditable]')!;
    expect(editorKind(el)).toBe('draft');
    expect(readText(el)).toBe('Thanks for the note.\nPlease call us.');
  });

  it('reads a textarea by its value', () => {
    document.body.innerHTML = '<textarea>Hello\nthere</textarea>';
    const el = document.querySelector('textarea')!;
    expect(editorKind(el)).toBe('textarea');
    expect(readText(el)).toBe('Hello\nthere');
  });
});

describe('writing a reply box', () => {
  it('replaces a textarea’s text and tells the page through an input event', async () => {
    document.body.innerHTML = '<textarea>risky words</textarea>';
    const el = document.querySelector('textarea')!;
    const seen: string[] = [];
    el.addEventListener('input', () => seen.push(el.value));
    expect(await writeText(el, 'Thank you for your feedback.')).toBe(true);
    expect(el.value).toBe('Thank you for your feedback.');
    expect(seen.at(-1)).toBe('Thank you for your feedback.');
  });
});
