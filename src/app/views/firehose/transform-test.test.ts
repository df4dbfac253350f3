import { describe, expect, it } from 'vitest';
import { readOutcome, sampleRequest, toBase64 } from './transform-test';

describe('transform test runs', () => {
  const lines = ['{"a":1}', 'héllo', 'x'];
  const req = sampleRequest(lines, 's', 1000);

  it('encodes UTF-8 records as base64 with stable ids', () => {
    expect(req.records.map((r) => r.recordId)).toEqual(['sample-001', 'sample-002', 'sample-003']);
    expect(req.records[1].data).toBe(toBase64('héllo'));
    expect(atob(req.records[0].data)).toBe('{"a":1}');
  });

  it('reads Ok / Dropped / ProcessingFailed and invalid answers per record', () => {
    const response = { records: [
      { recordId: 'sample-001', result: 'Ok', data: toBase64('A') },
      { recordId: 'sample-002', result: 'Dropped' },
      { recordId: 'sample-003', result: 'Ok', data: '%%%' },
    ] };
    const out = readOutcome(req, lines, { kind: 'result', response, durationMs: 3 });
    expect(out.map((r) => r.result)).toEqual(['Ok', 'Dropped', 'ProcessingFailed']);
    expect(out[0].output).toBe('A');
  });

  it('fails every record on a timeout or a bad response shape', () => {
    const timeout = readOutcome(req, lines, { kind: 'error', errorType: 'Timeout', message: 'Task timed out after 1.00 seconds', durationMs: 1000 });
    expect(timeout.every((r) => r.result === 'ProcessingFailed' && r.reason?.kind === 'error' && r.reason.text.startsWith('Timeout'))).toBe(true);
    expect(readOutcome(req, lines, { kind: 'result', response: 42, durationMs: 1 })[0].reason).toEqual({ kind: 'shape' });
  });
});
