/**
 * Receipt handles: opaque tokens naming the queue, the message and which receive produced them
 * (only the newest is current). Hex-encoded so they survive any transport unchanged.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface HandleParts {
  readonly queueArn: string;
  readonly messageId: string;
  readonly receiptSeq: number;
}

export function encodeHandle(p: HandleParts, salt: string): string {
  const bytes = encoder.encode(`${p.queueArn}\u0001${p.messageId}\u0001${p.receiptSeq}\u0001${salt}`);
  let hex = 'AQEB';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export function decodeHandle(handle: string): HandleParts | undefined {
  if (!handle.startsWith('AQEB') || handle.length % 2 !== 0 || !/^[0-9a-f]*$/.test(handle.slice(4))) return undefined;
  const hex = handle.slice(4);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  const parts = decoder.decode(bytes).split('\u0001');
  if (parts.length !== 4 || !/^\d+$/.test(parts[2])) return undefined;
  return { queueArn: parts[0], messageId: parts[1], receiptSeq: Number(parts[2]) };
}
