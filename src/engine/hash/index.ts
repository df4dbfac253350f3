/** Hashing for the engine: MD5 of partition keys and the 128-bit hash key space. */
export { md5PartitionKey, md5Bytes, md5Hex, md5OneBlock, lastHashedKeyByteLength, utf8ByteLength } from './md5';
export { UUID_KEY_LENGTH, applyUuidV4Bits, md5UuidKey, uuidKeyString } from './uuid-key';
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
