/**
 * Approved templates: search, filter by category, preview filled from the practice profile, then
 * Insert into the reply box, Copy, or ask for another wording of the same kind.
 */
import { useId } from 'react';
import type { Feedback } from '@/lib/stores/popup-store';

/** A template as the popup shows it: already filled from the profile. */
export interface TemplateItem {
  id: string;
  category: string;
  categoryLabel: string;
  title: string;
  /** The filled text, exactly what Insert writes. */
  text: string;
  custom: boolean;
}

export interface TemplatePickerProps {
  items: TemplateItem[];
  categories: ReadonlyArray<{ id: string; label: string }>;
  query: string;
  category: string;
  selected: TemplateItem | null;
  /** How many wordings the selected template's category has. */
  variants: number;
  feedback: Feedback | null;
  busy: boolean;
  canInsert: boolean;
  onQuery(q: string): void;
  onCategory(c: string): void;
  onSelect(id: string): void;
  onAnother(): void;
  onInsert(text: string): void;
  onCopy(text: string): void;
}

/** The template list and the preview with its actions. */
export function TemplatePicker(p: TemplatePickerProps) {
  const id = useId();
  const groups = p.categories
    .map((c) => ({ ...c, items: p.items.filter((t) => t.category === c.id) }))
    .filter((g) => g.items.length);
  return (
    <section className="rg-templates" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Approved replies</h2>
      <div className="rg-filters">
        <label className="rg-visually-hidden" htmlFor={`${id}-q`}>
          Search templates
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Search templates"
          value={p.query}
          onChange={(e) => p.onQuery(e.target.value)}
        />
        <label className="rg-visually-hidden" htmlFor={`${id}-c`}>
          Category
        </label>
        <select id={`${id}-c`} value={p.category} onChange={(e) => p.onCategory(e.target.value)}>
          <option value="all">All kinds</option>
          {p.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>

      {p.selected ? (
        <section className="rg-preview" aria-label="Preview">
          <div className="rg-preview-head">
            <span className="rg-small rg-muted">{p.selected.categoryLabel}</span>
            <strong>{p.selected.title}</strong>
          </div>
          <p className="rg-preview-text" data-testid="template-preview">
            {p.selected.text}
          </p>
          <div className="rg-preview-actions">
            <button
              type="button"
              className="primary"
              disabled={p.busy}
              onClick={() => p.onInsert(p.selected!.text)}
              aria-describedby={p.canInsert ? undefined : `${id}-noinsert`}
            >
              Insert
            </button>
            <button type="button" onClick={() => p.onCopy(p.selected!.text)}>
              Copy
            </button>
            <button type="button" onClick={p.onAnother} disabled={p.variants < 2}>
              Another wording
            </button>
          </div>
          <p
            className={`rg-feedback ${p.feedback ? `rg-feedback-${p.feedback.kind}` : ''}`}
            role={p.feedback?.kind === 'error' ? 'alert' : 'status'}
          >
            {p.feedback?.text ?? ''}
          </p>
          {!p.canInsert && (
            <span id={`${id}-noinsert`} className="rg-visually-hidden">
              Open a reply box on a supported site to insert.
            </span>
          )}
        </section>
      ) : null}

      <div className="rg-template-list">
        {groups.length === 0 && <p className="rg-muted">No template matches “{p.query}”.</p>}
        {groups.map((g) => (
          <div key={g.id} className="rg-template-group">
            <h3>{g.label}</h3>
            <ul>
              {g.items.map((t) => (
                <li key={t.id}>
                  <button
                    type="button"
                    className="rg-template-item"
                    aria-pressed={p.selected?.id === t.id}
                    onClick={() => p.onSelect(t.id)}
                  >
                    <span className="rg-template-title">
                      {t.title}
                      {t.custom && <span className="rg-tag">Ours</span>}
                    </span>
                    <span className="rg-template-snippet">{t.text}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
