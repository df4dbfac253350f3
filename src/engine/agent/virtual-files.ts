/**
 * The simulated host's log files: growing byte buffers with an inode, a size and a
 * modification time, plus the logrotate moves the agent must survive (rename + create,
 * copytruncate). Memory is bounded: bytes every reader has passed can be dropped
 * (`trimBefore`); offsets stay absolute.
 */

export interface VirtualFile {
  readonly path: string;
  readonly ino: number;
  /** Absolute offset of bytes[0] (bytes before it were trimmed). */
  baseOffset: number;
  bytes: Uint8Array;
  length: number;
  mtimeMs: number;
}

export class VirtualFileSystem {
  private readonly files = new Map<string, VirtualFile>();
  private nextIno = 1000;

  list(): VirtualFile[] {
    return [...this.files.values()];
  }

  get(path: string): VirtualFile | undefined {
    return this.files.get(path);
  }

  /** Files in `directory` (exact match of the parent path). */
  inDirectory(directory: string): VirtualFile[] {
    const dir = directory.endsWith('/') ? directory : `${directory}/`;
    return this.list().filter((f) => f.path.startsWith(dir) && !f.path.slice(dir.length).includes('/'));
  }

  size(f: VirtualFile): number {
    return f.baseOffset + f.length;
  }

  create(path: string, nowMs: number): VirtualFile {
    const f: VirtualFile = { path, ino: this.nextIno++, baseOffset: 0, bytes: new Uint8Array(4096), length: 0, mtimeMs: nowMs };
    this.files.set(path, f);
    return f;
  }

  append(path: string, data: Uint8Array, nowMs: number): VirtualFile {
    const f = this.files.get(path) ?? this.create(path, nowMs);
    if (f.length + data.length > f.bytes.length) {
      const grown = new Uint8Array(Math.max(f.bytes.length * 2, f.length + data.length));
      grown.set(f.bytes.subarray(0, f.length));
      f.bytes = grown;
    }
    f.bytes.set(data, f.length);
    f.length += data.length;
    f.mtimeMs = nowMs;
    return f;
  }

  /** logrotate's default: the file is renamed (same inode) and a new empty one created. */
  rotate(path: string, rotatedPath: string, nowMs: number): void {
    const f = this.files.get(path);
    if (!f) return;
    this.files.delete(path);
    this.files.set(rotatedPath, { ...f, path: rotatedPath });
    this.create(path, nowMs);
  }

  /** logrotate copytruncate: same inode, size drops to zero. */
  truncate(path: string, nowMs: number): void {
    const f = this.files.get(path);
    if (!f) return;
    f.baseOffset = 0;
    f.length = 0;
    f.mtimeMs = nowMs;
  }

  remove(path: string): void {
    this.files.delete(path);
  }

  /** Bytes [from, size) as a view (from is clamped to what is still held). */
  read(f: VirtualFile, from: number): { base: number; bytes: Uint8Array } {
    const start = Math.max(from, f.baseOffset);
    return { base: start, bytes: f.bytes.subarray(start - f.baseOffset, f.length) };
  }

  /** Drops bytes before `offset` (every reader is past them). */
  trimBefore(f: VirtualFile, offset: number): void {
    const cut = Math.min(offset, f.baseOffset + f.length) - f.baseOffset;
    if (cut <= 0) return;
    f.bytes = f.bytes.slice(cut, Math.max(f.length, cut + 1));
    f.length -= cut;
    f.baseOffset += cut;
  }
}
