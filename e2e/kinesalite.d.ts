/** kinesalite ships no types: its factory returns a Node HTTP server (https://github.com/mhart/kinesalite#usage). */
declare module 'kinesalite' {
  import type { Server } from 'node:http';
  function kinesalite(options?: { createStreamMs?: number; deleteStreamMs?: number; updateStreamMs?: number; shardLimit?: number; path?: string; ssl?: boolean }): Server;
  export default kinesalite;
}
