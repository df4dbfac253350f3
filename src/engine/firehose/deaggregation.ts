/**
 * Multi-record de-aggregation (processor `RecordDeAggregation`): one put record holding several
 * JSON documents (`{"a":1}{"a":2}` or newline-separated) or delimiter-separated sub-records is split
 * into records before Lambda and partitioning (spec §4, §8). A kernel: bytes in, byte slices out.
 */

export type DeAggregation = { readonly kind: 'JSON' } | { readonly kind: 'DELIMITED'; readonly delimiter: Uint8Array };

/** Splits one record; a record that does not split (or is not JSON) comes back whole. */
export function deaggregate(data: Uint8Array, how: DeAggregation): Uint8Array[] {
  return how.kind === 'JSON' ? splitJson(data) : splitDelimited(data, how.delimiter);
}

function splitJson(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash escapes the next byte
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (depth === 0) start = i;
      depth++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0 && start >= 0) {
        out.push(data.slice(start, i + 1));
        start = -1;
      }
      if (depth < 0) return [data];
    } else if (depth === 0 && c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) {
      return [data]; // text outside a document: not JSON sub-records
    }
  }
  return depth === 0 && out.length > 0 ? out : [data];
}

function splitDelimited(data: Uint8Array, delimiter: Uint8Array): Uint8Array[] {
  if (delimiter.length === 0) return [data];
  const out: Uint8Array[] = [];
  let from = 0;
  outer: for (let i = 0; i <= data.length - delimiter.length; i++) {
    for (let k = 0; k < delimiter.length; k++) if (data[i + k] !== delimiter[k]) continue outer;
    out.push(data.slice(from, i));
    from = i + delimiter.length;
    i = from - 1;
  }
  if (from < data.length) out.push(data.slice(from));
  return out.filter((part) => part.length > 0);
}
