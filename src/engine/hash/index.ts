/** Hashing for the engine: MD5 of partition keys and the 128-bit hash key space. */
export { md5PartitionKey, md5Bytes, md5Hex, lastHashedKeyByteLength, utf8ByteLength } from './md5';
export {
  HASH_KEY_MAX,
  hashKeyToBigInt,
  bigIntToHashKey,
  hashKeyToDecimal,
  decimalToHashKey,
  parseDecimalHashKey,
  compareHashKeys,
  compareHashKeyAt,
} from './hash-key';
export type { HashKeyWords } from './hash-key';
