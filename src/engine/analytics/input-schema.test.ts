/**
 * Input mapping (JSONPath, row paths, CSV prefixes) with the documented coercions, and schema
 * discovery from samples.
 */
import { describe, expect, it } from 'vitest';
import { coerceInput, createMapper, discoverSchema } from './input-schema';
import type { InputSchema } from './input-schema';
import { T } from './types';

function mapper(schema: InputSchema) {
  const m = createMapper(schema);
  if (typeof m === 'string') throw new Error(m);
  return m;
}

describe('input mapping', () => {
  it('maps nested JSON paths, array indexes and arrays-to-VARCHAR', () => {
    const m = mapper({ RecordFormat: { RecordFormatType: 'JSON' }, RecordColumns: [
      { Name: 'ID', Mapping: '$.device.id', SqlType: 'VARCHAR(8)' }, { Name: 'T0', Mapping: '$.tags[0]', SqlType: 'VARCHAR(8)' },
      { Name: 'TAGS', Mapping: "$['tags']", SqlType: 'VARCHAR(32)' }, { Name: 'MISSING', Mapping: '$.nope', SqlType: 'INTEGER' },
    ] });
    expect(m.map('{"device":{"id":"dev-123456789"},"tags":["x","y"]}')).toEqual({ ok: true, rows: [['dev-1234', 'x', '["x","y"]', null]] });
  });
  it('expands RecordRowPath $.items[0:] into one row per element', () => {
    const m = mapper({ RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$.items[0:]' } } }, RecordColumns: [
      { Name: 'SYM', Mapping: '$.items[0:].sym', SqlType: 'VARCHAR(4)' }, { Name: 'QTY', Mapping: '$.items[0:].qty', SqlType: 'INTEGER' },
    ] });
    expect(m.map('{"items":[{"sym":"a","qty":1},{"sym":"b","qty":2}]}')).toEqual({ ok: true, rows: [['a', 1], ['b', 2]] });
  });
  it('maps CSV columns in order, a prefix of the fields allowed', () => {
    const m = mapper({ RecordFormat: { RecordFormatType: 'CSV', MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: '\n', RecordColumnDelimiter: '|' } } }, RecordColumns: [
      { Name: 'A', SqlType: 'INTEGER' }, { Name: 'B', SqlType: 'VARCHAR(2)' },
    ] });
    expect(m.map('1|abc|ignored\n2||x')).toEqual({ ok: true, rows: [[1, 'ab'], [2, '']] });
    expect(m.map('x|y').ok).toBe(false);
  });
  it.each([
    [true, T.INTEGER, 1], [false, T.DOUBLE, 0], [true, T.VARCHAR, 'true'], [12, T.VARCHAR, '12'], [0, T.BOOLEAN, false],
    [3, T.BOOLEAN, true], ['TRUE', T.BOOLEAN, true], ['yes', T.BOOLEAN, false], ['42', T.BIGINT, 42], ['2024-03-04', T.TIMESTAMP, Date.UTC(2024, 2, 4)],
    ['2024-03-04 09:30:00.0', T.TIMESTAMP, Date.UTC(2024, 2, 4, 9, 30)], [null, T.INTEGER, null], [1.236, T.decimal(5, 2), 1.24],
  ])('coerces %j to %o', (raw, type, expected) => {
    expect(coerceInput(raw, type)).toEqual(expected);
  });
  it.each([[123.4, T.INTEGER], [1700000000000, T.TIMESTAMP], [true, T.TIMESTAMP], ['abc', T.DOUBLE], [300, T.TINYINT], [12345.6, T.decimal(5, 2)]])('refuses %j as %o', (raw, type) => {
    expect(() => coerceInput(raw, type)).toThrow(/cannot map/);
  });
});

describe('schema discovery', () => {
  it('infers JSON columns and types from samples', () => {
    const s = discoverSchema(['{"sym":"AMZN","price":10.5,"qty":3,"ts":"2024-03-04 09:30:00","ok":true,"dev":{"id":"a"}}', '{"sym":"MSFT","price":11,"qty":4,"ts":"2024-03-04 09:31:00","ok":false,"dev":{"id":"b"}}']);
    expect(s.RecordFormat.RecordFormatType).toBe('JSON');
    expect(s.RecordColumns).toEqual([
      { Name: 'sym', Mapping: '$.sym', SqlType: 'VARCHAR(4)' }, { Name: 'price', Mapping: '$.price', SqlType: 'DOUBLE' },
      { Name: 'qty', Mapping: '$.qty', SqlType: 'INTEGER' }, { Name: 'ts', Mapping: '$.ts', SqlType: 'TIMESTAMP' },
      { Name: 'ok', Mapping: '$.ok', SqlType: 'BOOLEAN' }, { Name: 'id', Mapping: '$.dev.id', SqlType: 'VARCHAR(4)' },
    ]);
  });
  it('infers CSV columns', () => {
    const s = discoverSchema(['a,1,2.5', 'bb,2,3']);
    expect(s.RecordFormat.RecordFormatType).toBe('CSV');
    expect(s.RecordColumns.map((c) => c.SqlType)).toEqual(['VARCHAR(4)', 'INTEGER', 'DOUBLE']);
  });
});
