export { Prng, hashString32 } from './prng';
export { ZipfSampler } from './zipf';
