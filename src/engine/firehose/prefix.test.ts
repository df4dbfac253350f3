import { describe, expect, it } from 'vitest';
import { effectiveDataPrefix, effectiveErrorPrefix, evaluatePrefix, formatJavaDate, objectKey, parsePrefix, PrefixError } from './prefix';
import { compileQuery, JqError } from './jq-lite';
import { indexNameFor } from './index-rotation';

const AUG_27 = Date.UTC(2018, 7, 27, 10, 30, 5, 123);
const values = { timestampMs: AUG_27, randomString: () => '5abf82daaa5' };

describe('prefixes and object names', () => {
  it('appends yyyy/MM/dd/HH/ when the prefix has no timestamp', () => {
    expect(evaluatePrefix(effectiveDataPrefix(undefined), values)).toBe('2018/08/27/10/');
    expect(evaluatePrefix(effectiveDataPrefix('raw/'), values)).toBe('raw/2018/08/27/10/');
  });

  it('evaluates the AWS examples', () => {
    expect(evaluatePrefix(effectiveDataPrefix('myPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/'), values)).toBe('myPrefix/year=2018/month=08/');
    const err = effectiveErrorPrefix('x/', 'fail/!{firehose:error-output-type}/!{timestamp:yyyy}/');
    expect(evaluatePrefix(err, { ...values, errorOutputType: 'processing-failed' })).toBe('fail/processing-failed/2018/');
    expect(evaluatePrefix(effectiveErrorPrefix('base/', undefined), { ...values, errorOutputType: 'processing-failed' })).toBe('base/processing-failed/2018/08/27/10/');
    expect(evaluatePrefix(parsePrefix('r=!{firehose:random-string}/'), values)).toBe('r=5abf82daaa5/');
  });

  it('formats Java DateTimeFormatter letters with quoted literals', () => {
    expect(formatJavaDate("yyyy-MM-dd'T'HH:mm:ss.SSS", AUG_27)).toBe('2018-08-27T10:30:05.123');
    expect(formatJavaDate("'year='yy", AUG_27)).toBe('year=18');
  });

  it('names objects <prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><ext>', () => {
    expect(objectKey('2024/03/04/09/', 'orders', 1, Date.UTC(2024, 2, 4, 9, 35, 12), '9f1c3a20-4f6b-4c2e-8a53-0b7e2d4c1e90', '.gz'))
      .toBe('2024/03/04/09/orders-1-2024-03-04-09-35-12-9f1c3a20-4f6b-4c2e-8a53-0b7e2d4c1e90.gz');
  });

  it('rejects invalid expressions and rules', () => {
    expect(() => parsePrefix('!{foo:bar}')).toThrow(PrefixError);
    expect(() => parsePrefix('!{timestamp:yyyy')).toThrow(/unterminated/);
    expect(() => effectiveDataPrefix('!{firehose:error-output-type}/')).toThrow('Prefix must not contain any occurrence of !{firehose:error-output-type}');
    expect(() => effectiveErrorPrefix('y=!{timestamp:yyyy}/', undefined)).toThrow('ErrorOutputPrefix cannot be null or empty when Prefix contains expressions');
    expect(() => effectiveErrorPrefix('', 'err/!{timestamp:yyyy}/')).toThrow('ErrorOutputPrefix must contain at least one occurrence of !{firehose:error-output-type}');
    expect(() => effectiveErrorPrefix('', '!{firehose:error-output-type}/!{partitionKeyFromQuery:a}/')).toThrow("Dynamic Partitioning Namespaces can't be part of an error prefix expression");
    expect(() => parsePrefix('!{timestamp:yyyy-QQ}')).toThrow(/unsupported letter/);
  });

  it('fills partition keys and fails on missing ones', () => {
    const segs = effectiveDataPrefix('customer=!{partitionKeyFromQuery:customer}/');
    expect(evaluatePrefix(segs, { ...values, queryKeys: { customer: 'c-17' } })).toBe('customer=c-17/');
    expect(() => evaluatePrefix(segs, values)).toThrow(/customer/);
  });
});

describe('jq subset for MetadataExtractionQuery', () => {
  it('evaluates paths, pipes and strftime', () => {
    const q = compileQuery('{customer: .customer_id, device: .type.device, year: .event_timestamp | strftime("%Y"), first: .items[0] | tostring, "up": .name | ascii_upcase}');
    expect(q.run({ customer_id: 17, type: { device: 'mobile' }, event_timestamp: 1535365805, items: [{ a: 1 }], name: 'ab' }))
      .toEqual({ customer: '17', device: 'mobile', year: '2018', first: '{"a":1}', up: 'AB' });
  });

  it('fails on missing fields and syntax errors', () => {
    expect(() => compileQuery('{a: .x}').run({})).toThrow(JqError);
    expect(() => compileQuery('{a: .x | frobnicate}')).toThrow(/unsupported/);
    expect(() => compileQuery('.x')).toThrow(JqError);
  });
});

describe('OpenSearch index rotation', () => {
  it('matches the AWS examples for 2016-02-25T13:00Z', () => {
    const t = Date.UTC(2016, 1, 25, 13);
    expect(indexNameFor('myindex', 'NoRotation', t)).toBe('myindex');
    expect(indexNameFor('myindex', 'OneHour', t)).toBe('myindex-2016-02-25-13');
    expect(indexNameFor('myindex', 'OneDay', t)).toBe('myindex-2016-02-25');
    expect(indexNameFor('myindex', 'OneWeek', t)).toBe('myindex-2016-w08');
    expect(indexNameFor('myindex', 'OneMonth', t)).toBe('myindex-2016-02');
  });
});
