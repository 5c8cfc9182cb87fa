import { useEffect, useState, type ReactNode } from 'react';
import type { Parsed } from '../../../shared/edit';

interface FieldProps<T> {
  label: string;
  /** The stored value as text. */
  value: string;
  parse: (text: string) => Parsed<T>;
  /** Called with a valid, changed value on Enter or when the field loses focus. */
  commit: (value: T) => void;
  /** Checks the whole item with this value (e.g. the schema); returns an error or undefined. */
  check?: (value: T) => string | undefined;
  unit?: ReactNode;
  testId: string;
  disabled?: boolean;
  placeholder?: string;
  hint?: string;
}

/**
 * A text field validated as you type: the error shows at once, and only a valid value
 * is written to the document (one undo step, on Enter or blur). Escape puts back the
 * stored value.
 */
export function Field<T>({ label, value, parse, commit, check, unit, testId, disabled, placeholder, hint }: FieldProps<T>) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const parsed = parse(draft);
  const error = 'error' in parsed ? parsed.error : check?.(parsed.value);
  const save = () => {
    if (error === undefined && draft !== value && 'value' in parsed) commit(parsed.value);
  };
  return (
    <label className={error ? 'ifield has-error' : 'ifield'}>
      <span className="ifield__label">{label}</span>
      <span className="ifield__control">
        <input
          value={draft}
          disabled={disabled}
          placeholder={placeholder}
          aria-invalid={error !== undefined}
          data-testid={testId}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
            if (e.key === 'Escape') setDraft(value);
          }}
        />
        {unit ? <span className="ifield__unit">{unit}</span> : null}
      </span>
      {error ? (
        <span className="ifield__error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      ) : hint ? (
        <span className="ifield__hint">{hint}</span>
      ) : null}
    </label>
  );
}

export function SelectField<V extends string>({ label, value, options, onChange, testId, disabled }: { label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void; testId: string; disabled?: boolean }) {
  return (
    <label className="ifield">
      <span className="ifield__label">{label}</span>
      <span className="ifield__control">
        <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as V)} data-testid={testId}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
    </label>
  );
}

export function CheckField({ label, checked, onChange, testId, disabled }: { label: string; checked: boolean; onChange: (checked: boolean) => void; testId: string; disabled?: boolean }) {
  return (
    <label className="ifield ifield--check">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} data-testid={testId} />
      <span className="ifield__label">{label}</span>
    </label>
  );
}

/** Text fields: any text, or required non-empty. */
export const text = (required = false) => (t: string): Parsed<string | undefined> => {
  const v = t.trim();
  if (v === '') return required ? { error: 'must not be empty' } : { value: undefined };
  return { value: v };
};
