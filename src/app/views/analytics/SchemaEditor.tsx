/**
 * The input schema before starting: discovered from sample records of the source stream
 * (DiscoverInputSchema), then editable per column (name, JSONPath mapping, SQL type).
 */
import type { InputSchema, RecordColumn } from '../../../engine/analytics/input-schema';

export interface SchemaEditorProps {
  schema: InputSchema | null;
  onChange(schema: InputSchema | null): void;
  samples: readonly string[];
}

export function SchemaEditor({ schema, onChange, samples }: SchemaEditorProps) {
  if (!schema) {
    return <p className="muted">No schema yet: discover it from the stream, or start and the service discovers it from the newest records.</p>;
  }
  const isJson = schema.RecordFormat.RecordFormatType === 'JSON';
  const update = (i: number, patch: Partial<RecordColumn>) => {
    const RecordColumns = schema.RecordColumns.map((c, k) => (k === i ? { ...c, ...patch } : c));
    onChange({ ...schema, RecordColumns });
  };
  const remove = (i: number) => onChange({ ...schema, RecordColumns: schema.RecordColumns.filter((_, k) => k !== i) });
  const add = () => onChange({ ...schema, RecordColumns: [...schema.RecordColumns, { Name: `col${schema.RecordColumns.length + 1}`, Mapping: isJson ? '$.field' : undefined, SqlType: 'VARCHAR(64)' }] });
  return (
    <div className="an-schema">
      <div className="muted an-schema-format">
        Record format <strong>{schema.RecordFormat.RecordFormatType}</strong>, UTF-8 · {schema.RecordColumns.length} columns
      </div>
      <table className="data an-schema-table" aria-label="Input schema columns">
        <thead>
          <tr>
            <th>Column</th>
            {isJson ? <th>Mapping</th> : null}
            <th>SQL type</th>
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {schema.RecordColumns.map((c, i) => (
            <tr key={i}>
              <td><input aria-label={`Column ${i + 1} name`} value={c.Name} onChange={(e) => update(i, { Name: e.target.value })} /></td>
              {isJson ? <td><input aria-label={`Column ${i + 1} mapping`} className="mono" value={c.Mapping ?? ''} onChange={(e) => update(i, { Mapping: e.target.value })} /></td> : null}
              <td><input aria-label={`Column ${i + 1} SQL type`} className="mono" value={c.SqlType} onChange={(e) => update(i, { SqlType: e.target.value })} /></td>
              <td><button type="button" className="btn btn-ghost" aria-label={`Remove column ${c.Name}`} onClick={() => remove(i)}>✕</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="btn" onClick={add}>Add column</button>
        <button type="button" className="btn btn-ghost" onClick={() => onChange(null)}>Clear schema</button>
      </div>
      {samples.length ? (
        <details className="an-samples">
          <summary>Sample records ({samples.length})</summary>
          <pre className="mono">{samples.join('\n')}</pre>
        </details>
      ) : null}
    </div>
  );
}
