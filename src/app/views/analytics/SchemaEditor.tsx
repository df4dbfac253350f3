/**
 * The input schema before starting: discovered from sample records of the source stream
 * (DiscoverInputSchema), then editable per column (name, JSONPath mapping, SQL type).
 */
import { useTranslation } from 'react-i18next';
import type { InputSchema, RecordColumn } from '../../../engine/analytics/input-schema';

export interface SchemaEditorProps {
  schema: InputSchema | null;
  onChange(schema: InputSchema | null): void;
  samples: readonly string[];
}

export function SchemaEditor({ schema, onChange, samples }: SchemaEditorProps) {
  const { t } = useTranslation('analytics');
  if (!schema) {
    return <p className="muted">{t('schema.none')}</p>;
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
        {t('schema.format')} <strong>{schema.RecordFormat.RecordFormatType}</strong>, {t('schema.columnsCount', { count: schema.RecordColumns.length })}
      </div>
      <table className="data an-schema-table" aria-label={t('schema.tableLabel')}>
        <thead>
          <tr>
            <th>{t('schema.column')}</th>
            {isJson ? <th>{t('schema.mapping')}</th> : null}
            <th>{t('schema.sqlType')}</th>
            <th aria-label={t('schema.remove')} />
          </tr>
        </thead>
        <tbody>
          {schema.RecordColumns.map((c, i) => (
            <tr key={i}>
              <td><input aria-label={t('schema.nameOf', { n: i + 1 })} value={c.Name} onChange={(e) => update(i, { Name: e.target.value })} /></td>
              {isJson ? <td><input aria-label={t('schema.mappingOf', { n: i + 1 })} className="mono" value={c.Mapping ?? ''} onChange={(e) => update(i, { Mapping: e.target.value })} /></td> : null}
              <td><input aria-label={t('schema.typeOf', { n: i + 1 })} className="mono" value={c.SqlType} onChange={(e) => update(i, { SqlType: e.target.value })} /></td>
              <td><button type="button" className="btn btn-ghost" aria-label={t('schema.removeColumn', { name: c.Name })} onClick={() => remove(i)}>✕</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" className="btn" onClick={add}>{t('schema.add')}</button>
        <button type="button" className="btn btn-ghost" onClick={() => onChange(null)}>{t('schema.clear')}</button>
      </div>
      {samples.length ? (
        <details className="an-samples">
          <summary>{t('schema.samples', { count: samples.length })}</summary>
          <pre className="mono">{samples.join('\n')}</pre>
        </details>
      ) : null}
    </div>
  );
}
