/**
 * Blocking keys as 32-bit hashes (pure).
 *
 * A record's dozen blocking keys take about 230 bytes as text and about 50 as hashes, and a
 * hash is compared without building a string. Two different keys may share a hash: that only
 * puts a few records in a block they do not belong to, which the fuzzy model then scores as
 * the strangers they are (about one key in four million per wanted key).
 */

/** FNV-1a over the key's UTF-16 code units, as a signed 32-bit integer. */
export function blockHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The keys' hashes packed little-endian, four bytes each. */
export function packBlocks(keys: readonly string[]): Buffer {
  const out = Buffer.allocUnsafe(keys.length * 4);
  keys.forEach((k, i) => out.writeInt32LE(blockHash(k), i * 4));
  return out;
}

/** Calls `each` with every hash of a packed blob. */
export function eachBlock(packed: Uint8Array, each: (hash: number) => void): void {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  for (let at = 0; at + 4 <= packed.byteLength; at += 4) each(view.getInt32(at, true));
}
