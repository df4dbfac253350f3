/**
 * Editors for the engine's tagged-union settings (rate profiles, key strategies, size distributions,
 * processing models) described as data: each kind lists its fields, so one component edits them all
 * and adding a kind is one table entry. Numeric lists (steps, replay) are edited as text.
 */
import { NumberField, SelectField, TextField } from './fields';

export type FieldSpec =
  | { readonly name: string; readonly label: string; readonly type: 'number'; readonly unit?: string; readonly min?: number; readonly step?: number; readonly hint?: string }
  | { readonly name: string; readonly label: string; readonly type: 'text'; readonly hint?: string }
  | { readonly name: string; readonly label: string; readonly type: 'select'; readonly options: readonly (readonly [string, string])[] }
  /** A list of numbers or "a:b" pairs written as text, mapped by `parse`/`print`. */
  | { readonly name: string; readonly label: string; readonly type: 'list'; readonly hint: string; parse(text: string): unknown; print(v: unknown): string };

export interface KindSpec {
  readonly kind: string;
  readonly label: string;
  readonly fields: readonly FieldSpec[];
  /** Defaults for a freshly chosen kind. */
  readonly defaults: Record<string, unknown>;
}

type Obj = Record<string, unknown>;

export function KindFields({ title, specs, value, onChange, testId }: { title: string; specs: readonly KindSpec[]; value: Obj; onChange(v: Obj): void; testId: string }) {
  const spec = specs.find((s) => s.kind === value.kind) ?? specs[0];
  const set = (name: string, v: unknown) => onChange({ ...value, [name]: v });
  return (
    <div className="form-grid">
      <SelectField label={title} value={String(spec.kind)} options={specs.map((s) => [s.kind, s.label] as const)} onChange={(k) => onChange({ kind: k, ...specs.find((s) => s.kind === k)!.defaults })} testId={`${testId}-kind`} />
      {spec.fields.map((f) => {
        const id = `${testId}-${f.name}`;
        switch (f.type) {
          case 'number':
            return <NumberField key={f.name} label={f.label} unit={f.unit} min={f.min} step={f.step} hint={f.hint} value={value[f.name] as number | undefined} onChange={(v) => set(f.name, v)} testId={id} />;
          case 'text':
            return <TextField key={f.name} label={f.label} hint={f.hint} value={String(value[f.name] ?? '')} onChange={(v) => set(f.name, v === '' ? undefined : v)} testId={id} />;
          case 'select':
            return <SelectField key={f.name} label={f.label} value={String(value[f.name] ?? f.options[0][0])} options={f.options} onChange={(v) => set(f.name, v)} testId={id} />;
          case 'list':
            return <ListField key={f.name} spec={f} value={value[f.name]} onChange={(v) => set(f.name, v)} testId={id} />;
        }
      })}
    </div>
  );
}

function ListField({ spec, value, onChange, testId }: { spec: Extract<FieldSpec, { type: 'list' }>; value: unknown; onChange(v: unknown): void; testId: string }) {
  return <TextField label={spec.label} hint={spec.hint} value={spec.print(value)} onChange={(t) => onChange(spec.parse(t))} mono testId={testId} />;
}

const splitList = (t: string) => t.split(/[\s,;]+/).filter(Boolean);

export const numberList = { parse: (t: string) => splitList(t).map(Number), print: (v: unknown) => (Array.isArray(v) ? v.join(', ') : '') };
export const stringList = { parse: (t: string) => splitList(t), print: (v: unknown) => (Array.isArray(v) ? v.join(', ') : '') };

/** "0:500, 60:2000" ↔ [{atSec:0, recordsPerSec:500}, …] */
export const stepList = {
  parse: (t: string) => splitList(t).map((p) => { const [a, r] = p.split(':'); return { atSec: Number(a), recordsPerSec: Number(r) }; }),
  print: (v: unknown) => (Array.isArray(v) ? (v as { atSec: number; recordsPerSec: number }[]).map((s) => `${s.atSec}:${s.recordsPerSec}`).join(', ') : ''),
};
