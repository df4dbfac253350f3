import { describe, expect, it } from 'vitest';
import { formatArg, prepareLearnerCode } from './learner-code';

describe('learner code', () => {
  it('rewrites SDK imports into module lookups', () => {
    const r = prepareLearnerCode("import { KinesisClient, PutRecordCommand as Put } from '@aws-sdk/client-kinesis';\nimport * as fh from \"@aws-sdk/client-firehose\"\nawait 1;");
    expect(r).toEqual({ ok: true, body: 'const { KinesisClient, PutRecordCommand : Put } = __modules["@aws-sdk/client-kinesis"];\nconst fh = __modules["@aws-sdk/client-firehose"];\nawait 1;' });
  });
  it('names the line of an import it cannot provide', () => {
    expect(prepareLearnerCode("\nimport fs from 'node:fs';")).toMatchObject({ ok: false, line: 2 });
    expect(prepareLearnerCode("import {\n  A } from 'x'")).toMatchObject({ ok: false, line: 1 });
    expect(prepareLearnerCode("import {\n  A,\n  B } from '@aws-sdk/client-kinesis';\nx")).toEqual({ ok: true, body: 'const { A, B } = __modules["@aws-sdk/client-kinesis"];\n\n\nx' });
  });
  it('prints values readably', () => {
    expect(formatArg({ n: 10n, d: new TextEncoder().encode('hi') })).toBe('{ "n": "10", "d": "Uint8Array(2) \\"hi\\"" }');
  });
});
