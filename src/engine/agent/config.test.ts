import { describe, expect, it } from 'vitest';
import { parseAgentConfig, parseAgentConfigText } from './config';

const errors = (doc: unknown) => {
  const r = parseAgentConfig(doc);
  return r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`);
};

describe('agent.json validation', () => {
  it('accepts a minimal flow with the documented defaults', () => {
    const r = parseAgentConfig({ flows: [{ filePattern: '/tmp/app.log*', kinesisStream: 'orders' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.config.flows[0];
    expect(f).toMatchObject({
      id: 'kinesis:orders:/tmp/app.log*', partitionKeyOption: 'RANDOM', initialPosition: 'END_OF_FILE',
      maxBufferAgeMillis: 60_000, maxBufferSizeRecords: 500, maxBufferSizeBytes: 5_242_880, maxRecordSizeBytes: 1_048_576,
    });
    const fh = parseAgentConfig({ flows: [{ filePattern: '/tmp/a', deliveryStream: 'd' }] });
    expect(fh.ok && fh.config.flows[0].maxBufferSizeBytes).toBe(4_194_304);
  });
  it('names the path, the value and the legal values', () => {
    expect(errors({ flows: [{ filePattern: '/a/b', kinesisStream: 's', initialPosition: 'START' }] }))
      .toEqual(['flows[0].initialPosition: Value(START) is not legally accepted by key: initialPosition. Legal values are [START_OF_FILE, END_OF_FILE]']);
    expect(errors({ flows: [{ filePattern: '/a/b', kinesisStream: 's', maxBufferAgeMillis: 500 }] }))
      .toEqual(['flows[0].maxBufferAgeMillis: maxBufferAgeMillis is 500, outside the valid range [1000, 900000]']);
    expect(errors({ flows: [{ kinesisStream: 's' }] })).toEqual(['flows[0].filePattern: Required configuration value missing: filePattern']);
    expect(errors({ flows: [{ filePattern: '/a/b' }] })).toEqual(['flows[0]: a flow needs a destination: set "kinesisStream" or "deliveryStream"']);
    expect(errors({ flows: [{ filePattern: '/a/*/x.log', deliveryStream: 'd', maxBufferSizeBytes: 5_000_000 }] })).toHaveLength(2);
  });
  it('processing option checks: logFormat, matchPattern needs names, renamed fields must all be renamed', () => {
    const flow = (o: unknown) => ({ flows: [{ filePattern: '/a/b', kinesisStream: 's', dataProcessingOptions: [o] }] });
    expect(errors(flow({ optionName: 'LOGTOJSON' }))).toEqual(['flows[0].dataProcessingOptions[0].logFormat: Required configuration value missing: logFormat']);
    expect(errors(flow({ optionName: 'LOGTOJSON', logFormat: 'SYSLOG', matchPattern: '(a)' }))[0]).toMatch(/matchPattern must be specified together with customFieldNames/);
    expect(errors(flow({ optionName: 'LOGTOJSON', logFormat: 'SYSLOG', customFieldNames: ['a'] }))[0]).toMatch(/SYSLOG has 5 fields/);
    expect(errors(flow({ optionName: 'CSVTOJSON' }))).toEqual(['flows[0].dataProcessingOptions[0].customFieldNames: Required configuration value missing: customFieldNames']);
    expect(errors(flow({ optionName: 'NOPE' }))[0]).toMatch(/Value\(NOPE\) is not legally accepted by key: optionName/);
  });
  it('rejects duplicate flows and reports JSON syntax errors', () => {
    expect(errors({ flows: [{ filePattern: '/a/b', kinesisStream: 's' }, { filePattern: '/a/b', kinesisStream: 's' }] })[0]).toMatch(/^flows\[1\]: Duplicate flow/);
    expect(parseAgentConfigText('{"flows": [').ok).toBe(false);
  });
  it('warns about unknown keys instead of failing, as the agent ignores them', () => {
    const r = parseAgentConfig({ flows: [{ filePattern: '/a/b', kinesisStream: 's', maxBufferAge: 5 }] });
    expect(r.ok).toBe(true);
    expect(r.diagnostics[0]).toMatchObject({ path: 'flows[0].maxBufferAge', severity: 'warning' });
  });
});
