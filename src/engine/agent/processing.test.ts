/**
 * Worked examples of every processing option, with the records derived from the agent's
 * documented rules (Firehose developer guide, "Use the agent to pre-process data",
 * docs.aws.amazon.com/firehose/latest/dev/data-processing.html) and spec kinesis-agent.md §6.
 */
import { describe, expect, it } from 'vitest';
import { sent, run } from './test-support';

const lj = (logFormat: string, extra: Record<string, unknown> = {}) => ({ dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat, ...extra }] });

describe('splitting', () => {
  it('one line is one record, newline kept; an unterminated last line waits', () => {
    expect(sent({}, 'a\nb\nc')).toEqual(['a\n', 'b\n']);
  });
  it('multiLineStartPattern groups continuation lines; the tail is emitted once a line is complete', () => {
    const text = 'x\n[1] start\n  at a\n  at b\n[2] next\n  at c\n';
    expect(sent({ multiLineStartPattern: '\\[\\d+\\]' }, text)).toEqual(['x\n', '[1] start\n  at a\n  at b\n', '[2] next\n  at c\n']);
  });
  it('skipHeaderLines skips lines at the start of the file only', () => {
    expect(sent({ skipHeaderLines: 2 }, 'h1\nh2\nr1\nr2\n')).toEqual(['r1\n', 'r2\n']);
  });
  it('fileFooterPattern stops reading the file at the footer line', () => {
    expect(sent({ fileFooterPattern: 'END' }, 'a\nEND\nb\n')).toEqual(['a\n']);
  });
  it('Firehose aggregatedRecordSizeBytes packs whole lines', () => {
    const f = { kinesisStream: undefined, deliveryStream: 'd', aggregatedRecordSizeBytes: 8 };
    expect(sent(f, 'aaa\nbbb\nccc\ndddddddddd\ne\n')).toEqual(['aaa\nbbb\n', 'ccc\n', 'dddddddddd\n', 'e\n']);
  });
});

describe('truncation', () => {
  it('cuts a Firehose record at 1,000 KiB and ends it with the terminator', () => {
    const line = `${'x'.repeat(1_100_000)}\n`;
    const [r] = run({ kinesisStream: undefined, deliveryStream: 'd', truncatedRecordTerminator: '~END\n' }, line);
    expect(r.truncated).toBe(true);
    expect(r.data!.length).toBe(1_024_000);
    expect(new TextDecoder().decode(r.data!.subarray(-5))).toBe('~END\n');
  });
  it('a Kinesis record counts its partition key toward 1 MiB', () => {
    const [r] = run({ partitionKeyOption: 'DETERMINISTIC' }, `${'y'.repeat(1_048_576)}\n`);
    expect(r.partitionKey).toHaveLength(32);
    expect(r.data!.length + 32).toBe(1_048_576);
  });
});

describe('SINGLELINE', () => {
  it('trims each line and joins them, ending with one newline', () => {
    const text = '[1] Exception\n    at a.b(C.java:1)\n    at d.e(F.java:2)\n';
    expect(sent({ multiLineStartPattern: '\\[', dataProcessingOptions: [{ optionName: 'SINGLELINE' }] }, text))
      .toEqual(['[1] Exceptionat a.b(C.java:1)at d.e(F.java:2)\n']);
  });
  it('NO_TRIM and ESCAPE_NEW_LINE', () => {
    const flow = { multiLineStartPattern: '\\[', dataProcessingOptions: [{ optionName: 'SINGLELINE', parseOptions: ['NO_TRIM', 'ESCAPE_NEW_LINE'] }] };
    expect(sent(flow, '[1] a\n  b\n')).toEqual(['[1] a\\n  b\n']);
  });
});

describe('CSVTOJSON', () => {
  it('maps columns to names; missing columns are null, extra ones ignored', () => {
    const flow = { dataProcessingOptions: [{ optionName: 'CSVTOJSON', customFieldNames: ['id', 'name', 'qty'] }] };
    expect(sent(flow, '1,apple,3\n2,pear\n3,fig,1,extra\n')).toEqual([
      '{"id":"1","name":"apple","qty":"3"}\n',
      '{"id":"2","name":"pear","qty":null}\n',
      '{"id":"3","name":"fig","qty":"1"}\n',
    ]);
  });
  it('the delimiter is a regex, and trailing empty columns vanish as with Java split', () => {
    const flow = { dataProcessingOptions: [{ optionName: 'CSVTOJSON', customFieldNames: ['a', 'b', 'c'], delimiter: '\\t' }] };
    expect(sent(flow, 'x\t\ty\nx\t\t\n')).toEqual(['{"a":"x","b":"","c":"y"}\n', '{"a":"x","b":null,"c":null}\n']);
  });
  it('an invalid delimiter regex makes every record go raw (conversion error)', () => {
    const [r] = run({ dataProcessingOptions: [{ optionName: 'CSVTOJSON', customFieldNames: ['a'], delimiter: '(' }] }, 'a,b\n');
    expect(r.status).toBe('raw-after-error');
    expect(new TextDecoder().decode(r.data)).toBe('a,b\n');
  });
  it('PRETTYPRINT uses Jackson\'s default pretty printer', () => {
    const flow = { dataProcessingOptions: [{ optionName: 'CSVTOJSON', customFieldNames: ['a', 'b'], jsonFormat: 'PRETTYPRINT' }] };
    expect(sent(flow, '1,2\n')).toEqual(['{\n  "a" : "1",\n  "b" : "2"\n}\n']);
  });
});

describe('LOGTOJSON', () => {
  it('COMMONAPACHELOG (the AWS guide\'s example): "-" becomes null', () => {
    const line = '64.242.88.10 - - [07/Mar/2004:16:10:02 -0800] "GET /mailman/listinfo/hsdivision HTTP/1.1" 200 6291\n';
    expect(sent(lj('COMMONAPACHELOG'), line)).toEqual([
      '{"host":"64.242.88.10","ident":null,"authuser":null,"datetime":"07/Mar/2004:16:10:02 -0800","request":"GET /mailman/listinfo/hsdivision HTTP/1.1","response":"200","bytes":"6291"}\n',
    ]);
  });
  it('COMBINEDAPACHELOG adds referer and agent', () => {
    const line = '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326 "http://www.example.com/start.html" "Mozilla/4.08 [en] (Win98; I ;Nav)"\n';
    expect(sent(lj('COMBINEDAPACHELOG'), line)).toEqual([
      '{"host":"127.0.0.1","ident":null,"authuser":"frank","datetime":"10/Oct/2000:13:55:36 -0700","request":"GET /apache_pb.gif HTTP/1.0","response":"200","bytes":"2326","referer":"http://www.example.com/start.html","agent":"Mozilla/4.08 [en] (Win98; I ;Nav)"}\n',
    ]);
  });
  it('APACHEERRORLOG with module, fractional seconds and thread id', () => {
    const line = '[Fri Sep 09 10:42:29.902022 2011] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187] File does not exist: /usr/local/apache2/htdocs/favicon.ico\n';
    expect(sent(lj('APACHEERRORLOG'), line)).toEqual([
      '{"timestamp":"Fri Sep 09 10:42:29.902022 2011","module":"core","severity":"error","processid":"35708","threadid":"4328636416","client":"72.15.99.187","message":"File does not exist: /usr/local/apache2/htdocs/favicon.ico"}\n',
    ]);
  });
  it('APACHEERRORLOG without module or thread id gives nulls', () => {
    const line = '[Mon Dec 01 10:00:00 2025] [error] [pid 12] [client 10.0.0.1:5000] oops\n';
    expect(sent(lj('APACHEERRORLOG'), line)).toEqual([
      '{"timestamp":"Mon Dec 01 10:00:00 2025","module":null,"severity":"error","processid":"12","threadid":null,"client":"10.0.0.1:5000","message":"oops"}\n',
    ]);
  });
  it('SYSLOG: program with and without pid; "-" is kept as text', () => {
    const text = 'Mar 29 15:56:04 ip-172-31-44-26 sshd[3021]: Accepted publickey\nMar  3 01:02:03 host cron: -\n';
    expect(sent(lj('SYSLOG'), text)).toEqual([
      '{"timestamp":"Mar 29 15:56:04","hostname":"ip-172-31-44-26","program":"sshd","processid":"3021","message":"Accepted publickey"}\n',
      '{"timestamp":"Mar  3 01:02:03","hostname":"host","program":"cron","processid":null,"message":"-"}\n',
    ]);
  });
  it('RFC3339SYSLOG', () => {
    const line = '2026-12-04T21:00:00.123+00:00 web-1 nginx[77]: started\n';
    expect(sent(lj('RFC3339SYSLOG'), line)).toEqual([
      '{"timestamp":"2026-12-04T21:00:00.123+00:00","hostname":"web-1","program":"nginx","processid":"77","message":"started"}\n',
    ]);
  });
  it('a line that does not match is skipped, not sent', () => {
    const recs = run(lj('SYSLOG'), 'not a syslog line\n');
    expect(recs[0].status).toBe('skipped');
    expect(recs[0].data).toBeUndefined();
  });
  it('customFieldNames rename the predefined fields', () => {
    const names = ['ts', 'host', 'prog', 'pid', 'msg'];
    expect(sent(lj('SYSLOG', { customFieldNames: names }), 'Jan 1 00:00:00 h p: m\n'))
      .toEqual(['{"ts":"Jan 1 00:00:00","host":"h","prog":"p","pid":null,"msg":"m"}\n']);
  });
  it('matchPattern with customFieldNames; a group-count mismatch skips the line', () => {
    const flow = lj('COMMONAPACHELOG', { matchPattern: '^([\\w.]+) (\\d+) (-|\\w+)$', customFieldNames: ['ip', 'code', 'user'] });
    expect(sent(flow, '10.0.0.1 200 -\nbad\n')).toEqual(['{"ip":"10.0.0.1","code":"200","user":null}\n']);
    const mismatch = lj('SYSLOG', { matchPattern: '^(\\w+) (\\w+)$', customFieldNames: ['a'] });
    expect(sent(mismatch, 'x y\n')).toEqual([]);
  });
});

describe('ADDMETADATA and chains', () => {
  it('wraps the line with metadata (and ts when timestamp is "true")', () => {
    const flow = { dataProcessingOptions: [{ optionName: 'ADDMETADATA', timestamp: 'true', metadata: { env: 'prod', tier: 2 } }] };
    expect(sent(flow, 'hello "x"\n', Date.UTC(2026, 11, 4, 21, 0, 0, 5))).toEqual([
      '{"ts":"2026-12-04T21:00:00.005Z","metadata":{"env":"prod","tier":2},"data":"hello \\"x\\""}\n',
    ]);
  });
  it('LOGTOJSON then ADDMETADATA nests the JSON text as a string', () => {
    const flow = { dataProcessingOptions: [
      { optionName: 'LOGTOJSON', logFormat: 'SYSLOG' },
      { optionName: 'ADDMETADATA', metadata: 'm' },
    ] };
    expect(sent(flow, 'Jan 1 00:00:00 h p[1]: x\n')).toEqual([
      '{"metadata":"m","data":"{\\"timestamp\\":\\"Jan 1 00:00:00\\",\\"hostname\\":\\"h\\",\\"program\\":\\"p\\",\\"processid\\":\\"1\\",\\"message\\":\\"x\\"}"}\n',
    ]);
  });
  it('ADDBRACKETS wraps the bytes as they are', () => {
    expect(sent({ dataProcessingOptions: [{ optionName: 'ADDBRACKETS' }] }, 'hi\n')).toEqual(['{hi\n}']);
  });
  it('control characters are escaped the way Jackson escapes them', () => {
    expect(sent({ dataProcessingOptions: [{ optionName: 'ADDMETADATA' }] }, 'a\tb\u0001é\n')).toEqual(['{"metadata":null,"data":"a\\tb\\u0001é"}\n']);
  });
});
