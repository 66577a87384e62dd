import { crc32, inflateRawSync } from 'node:zlib';

/** Why a buffer could not be read as a zip archive. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

export interface ZipEntry {
  name: string;
  size: number;
  /** Inflate and check the entry's content. */
  read(): Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(buf: Buffer, at: number): number {
  if (at < 0 || at + 2 > buf.length) throw new ZipFormatError('the archive is cut short');
  return buf.readUInt16LE(at);
}

function u32(buf: Buffer, at: number): number {
  if (at < 0 || at + 4 > buf.length) throw new ZipFormatError('the archive is cut short');
  return buf.readUInt32LE(at);
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of up to 64 KiB, at the very end.
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipFormatError('its end record is missing (the file is truncated or not a zip)');
}

/**
 * Read a zip archive from its central directory (so entries written with data descriptors, as
 * Java's ZipOutputStream does, are sized correctly). Entries are inflated lazily with node:zlib,
 * capped at `maxEntryBytes`, and checked against their CRC-32.
 */
export function readZip(buf: Buffer, options: { maxEntryBytes?: number } = {}): Map<string, ZipEntry> {
  const maxEntryBytes = options.maxEntryBytes ?? 100 * 1024 * 1024;
  const end = findEndOfCentralDirectory(buf);
  const count = u16(buf, end + 10);
  let at = u32(buf, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (u32(buf, at) !== CENTRAL) throw new ZipFormatError('its central directory is damaged');
    const flags = u16(buf, at + 8);
    const method = u16(buf, at + 10);
    const crc = u32(buf, at + 16);
    const compressedSize = u32(buf, at + 20);
    const size = u32(buf, at + 24);
    const nameLength = u16(buf, at + 28);
    const next = at + 46 + nameLength + u16(buf, at + 30) + u16(buf, at + 32);
    const localOffset = u32(buf, at + 42);
    if (at + 46 + nameLength > buf.length) throw new ZipFormatError('the archive is cut short');
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8').replace(/\\/g, '/');
    at = next;
    if (name.endsWith('/')) continue;
    if (flags & 1) throw new ZipFormatError(`"${name}" is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`"${name}" uses an unsupported compression method (${method})`);
    entries.set(name, {
      name,
      size,
      read() {
        if (u32(buf, localOffset) !== LOCAL) throw new ZipFormatError(`the data of "${name}" is missing`);
        const start = localOffset + 30 + u16(buf, localOffset + 26) + u16(buf, localOffset + 28);
        if (start + compressedSize > buf.length) throw new ZipFormatError('the archive is cut short');
        if (size > maxEntryBytes) throw new ZipFormatError(`"${name}" is larger than ${maxEntryBytes} bytes`);
        const raw = buf.subarray(start, start + compressedSize);
        let data: Buffer;
        try {
          data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw, { maxOutputLength: maxEntryBytes });
        } catch {
          throw new ZipFormatError(`"${name}" cannot be decompressed`);
        }
        if (data.length !== size || crc32(data) !== crc) throw new ZipFormatError(`"${name}" is damaged (its checksum does not match)`);
        return data;
      },
    });
  }
  return entries;
}
