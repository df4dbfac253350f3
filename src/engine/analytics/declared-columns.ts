/**
 * Columns of CREATE STREAM / TABLE declarations: the hidden ROWTIME first, then the declared
 * columns (duplicates and a declared ROWTIME refused), with their names as written in the SQL.
 */
import type { ColumnDef, Identifier } from './ast';
import { SqlBindError } from './diagnostics';
import type { CatalogColumn } from './planner-context';
import { T, typeFromName } from './types';

export const ROWTIME: CatalogColumn = { name: 'ROWTIME', type: T.TIMESTAMP, hidden: true, role: 'rowtime' };

/** A name as the user wrote it (quoted names keep their case). */
export function written(sql: string, id: Identifier): string {
  const text = sql.slice(id.range.start.offset, id.range.end.offset);
  return id.quoted ? id.value : text || id.value;
}

export function columnsOf(defs: readonly ColumnDef[], sql: string, stmtName: string): { columns: CatalogColumn[]; names: string[] } {
  const seen = new Set<string>();
  const columns: CatalogColumn[] = [ROWTIME];
  const names: string[] = [];
  for (const d of defs) {
    if (seen.has(d.name.value)) throw new SqlBindError(`column ${d.name.value} is declared twice in ${stmtName}`, d.name.range);
    if (d.name.value.toUpperCase() === 'ROWTIME') throw new SqlBindError('ROWTIME is a system column; do not declare it', d.name.range);
    seen.add(d.name.value);
    if (d.dataType) {
      columns.push({ name: d.name.value, type: typeFromName(d.dataType) });
      names.push(written(sql, d.name));
    }
  }
  return { columns, names };
}
