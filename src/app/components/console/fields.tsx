/**
 * Labelled form inputs used by the console's forms: every input has a visible label, numbers keep
 * their text while being typed (so "1e" or "" does not jump), and hints sit under the input.
 */
import { useId, useState, useEffect, type ReactNode } from 'react';

interface Base {
  label: string;
  hint?: ReactNode;
  testId?: string;
}

export function NumberField({ label, hint, value, onChange, min, max, step, testId, unit }: Base & { value: number | undefined; onChange(v: number | undefined): void; min?: number; max?: number; step?: number; unit?: string }) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setText((t) => (Number(t) === value && t !== '' ? t : value === undefined ? '' : String(value)));
  }, [value]);
  return (
    <label className="field" htmlFor={id}>
      <span>{label}{unit ? <em className="unit"> ({unit})</em> : null}</span>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step ?? 'any'}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value === '' ? undefined : Number(e.target.value));
        }}
      />
      {hint ? <small className="hint">{hint}</small> : null}
    </label>
  );
}

export function TextField({ label, hint, value, onChange, testId, placeholder, mono }: Base & { value: string; onChange(v: string): void; placeholder?: string; mono?: boolean }) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <input id={id} type="text" value={value} placeholder={placeholder} className={mono ? 'mono' : undefined} data-testid={testId} onChange={(e) => onChange(e.target.value)} />
      {hint ? <small className="hint">{hint}</small> : null}
    </label>
  );
}

export function SelectField<T extends string>({ label, hint, value, options, onChange, testId }: Base & { value: T; options: readonly (readonly [NoInfer<T>, string])[]; onChange(v: NoInfer<T>): void }) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>{text}</option>
        ))}
      </select>
      {hint ? <small className="hint">{hint}</small> : null}
    </label>
  );
}

export function CheckField({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange(v: boolean): void; testId?: string }) {
  return (
    <label className="check-field">
      <input type="checkbox" checked={checked} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function ErrorList({ errors, testId }: { errors: readonly string[] | null; testId?: string }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div className="callout callout-error" role="alert" data-testid={testId}>
      {errors.length === 1 ? errors[0] : <ul className="error-list">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
    </div>
  );
}
