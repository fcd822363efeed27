/**
 * The practice's own templates: add, edit, delete, reorder. Each is checked by the rules on save
 * and refused, with the finding shown, when it would confirm a patient or disclose anything.
 */
import { useId, useState } from 'react';
import type { CustomTemplate } from '@/lib/settings';
import type { Finding } from '@/rules/types';
import { SaveStatus, Section } from './Section';

export interface TemplatesSectionProps {
  templates: CustomTemplate[];
  categories: ReadonlyArray<{ id: string; label: string }>;
  locked: boolean;
  /** Checks a template's text; an empty list means it may be saved. */
  check(text: string): Finding[];
  /** A filled preview of the text, as staff will see it. */
  preview(text: string): string;
  onChange(templates: CustomTemplate[]): Promise<boolean>;
  newId(): string;
}

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

/** The list of custom templates and the editor for one. */
export function TemplatesSection(p: TemplatesSectionProps) {
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const labelOf = (c: string) => p.categories.find((k) => k.id === c)?.label ?? c;

  const move = (i: number, by: -1 | 1) => {
    const next = [...p.templates];
    const [t] = next.splice(i, 1);
    next.splice(i + by, 0, t!);
    void p
      .onChange(next)
      .then((ok) => ok && setMessage({ kind: 'ok', text: `Moved "${t!.title}" ${by < 0 ? 'up' : 'down'}.` }));
  };

  return (
    <Section
      id="templates"
      title="Custom templates"
      locked={p.locked}
      description="Your own approved replies, shown first in the popup. Use {practice}, {phone}, {email} or {contact}; there is no place for a person's name."
    >
      {p.templates.length === 0 ? (
        <p className="rg-muted rg-small">No custom templates yet. The approved library is always available.</p>
      ) : (
        <ol className="rg-custom-list">
          {p.templates.map((t, i) => (
            <li key={t.id}>
              <div className="rg-custom-main">
                <strong>{t.title}</strong>
                <span className="rg-small rg-muted">{labelOf(t.category)}</span>
                <span className="rg-small rg-custom-text">{t.text}</span>
              </div>
              <div className="rg-custom-actions">
                <button
                  type="button"
                  aria-label={`Move ${t.title} up`}
                  disabled={p.locked || i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move ${t.title} down`}
                  disabled={p.locked || i === p.templates.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`Edit ${t.title}`}
                  disabled={p.locked}
                  onClick={() => {
                    setEditing({ mode: 'edit', id: t.id });
                    setMessage(null);
                  }}
                >
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${t.title}`}
                  disabled={p.locked}
                  onClick={() =>
                    void p
                      .onChange(p.templates.filter((x) => x.id !== t.id))
                      .then((ok) => ok && setMessage({ kind: 'ok', text: `Deleted "${t.title}".` }))
                  }
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      {editing ? (
        <TemplateEditor
          key={editing.mode === 'edit' ? editing.id : 'new'}
          initial={editing.mode === 'edit' ? p.templates.find((t) => t.id === editing.id) : undefined}
          categories={p.categories}
          check={p.check}
          preview={p.preview}
          onCancel={() => setEditing(null)}
          onSave={async (t) => {
            const next =
              editing.mode === 'edit'
                ? p.templates.map((x) => (x.id === editing.id ? { ...t, id: editing.id } : x))
                : [...p.templates, { ...t, id: p.newId() }];
            const ok = await p.onChange(next);
            if (ok) {
              setEditing(null);
              setMessage({ kind: 'ok', text: `Saved "${t.title}".` });
            }
            return ok;
          }}
        />
      ) : (
        <div className="rg-actions">
          <button type="button" disabled={p.locked} onClick={() => setEditing({ mode: 'new' })}>
            Add template
          </button>
        </div>
      )}
      <SaveStatus message={message} />
    </Section>
  );
}

interface EditorProps {
  initial?: CustomTemplate;
  categories: ReadonlyArray<{ id: string; label: string }>;
  check(text: string): Finding[];
  preview(text: string): string;
  onSave(t: Omit<CustomTemplate, 'id'>): Promise<boolean>;
  onCancel(): void;
}

function TemplateEditor({ initial, categories, check, preview, onSave, onCancel }: EditorProps) {
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [category, setCategory] = useState(initial?.category ?? categories[0]?.id ?? 'praise');
  const [text, setText] = useState(initial?.text ?? '');
  const [findings, setFindings] = useState<Finding[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="rg-editor"
      aria-labelledby={`${id}-h`}
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        if (!title.trim() || !text.trim()) {
          setFindings([]);
          setError('A template needs a title and a text.');
          return;
        }
        const found = check(text);
        setFindings(found);
        if (found.length) return;
        if (!(await onSave({ title: title.trim(), category, text: text.trim() })))
          setError('The template could not be saved.');
      }}
    >
      <h3 id={`${id}-h`}>{initial ? `Edit "${initial.title}"` : 'New template'}</h3>
      <div className="rg-grid">
        <div className="rg-field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="rg-field">
          <label htmlFor={`${id}-cat`}>Kind of review</label>
          <select id={`${id}-cat`} value={category} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="rg-field">
        <label htmlFor={`${id}-text`}>Template text</label>
        <textarea
          id={`${id}-text`}
          rows={4}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFindings([]);
          }}
        />
      </div>
      {text.trim() && (
        <p className="rg-small rg-muted">
          <span className="rg-preview-label">Preview: </span>
          {preview(text)}
        </p>
      )}
      {(findings.length > 0 || error) && (
        <div className="rg-findings" role="alert">
          {error ?? (
            <>
              <strong>Not saved: this template could reveal patient information.</strong>
              <ul>
                {findings.map((f) => (
                  <li key={`${f.ruleId}-${f.start}`}>
                    <mark>{f.actual}</mark> — {f.message}
                    {f.suggestion && <> Try: “{f.suggestion}”.</>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="rg-actions">
        <button type="submit" className="primary">
          Save template
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
