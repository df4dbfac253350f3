/**
 * Splits a sequence number into the part it shares with a neighbouring record's number (before and after)
 * and the part that differs, so the data viewer can show the whole number with the changing digits marked.
 * In this engine's layout the digits that change between consecutive records are the per-shard counter's low
 * digits; the shard number at the end does not change within a shard. Pure, for the view and its test.
 */
export interface SequenceParts {
  readonly head: string;
  readonly changed: string;
  readonly tail: string;
}

export function splitSequenceNumber(value: string, neighbour: string | undefined): SequenceParts {
  if (neighbour === undefined || neighbour === value || neighbour.length !== value.length) return { head: value, changed: '', tail: '' };
  let start = 0;
  while (start < value.length && value[start] === neighbour[start]) start++;
  let end = value.length;
  while (end > start && value[end - 1] === neighbour[end - 1]) end--;
  return { head: value.slice(0, start), changed: value.slice(start, end), tail: value.slice(end) };
}
