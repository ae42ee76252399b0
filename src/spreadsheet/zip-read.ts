/**
 * A bounded reader of the zip container of an XLSX file. Only the central directory is trusted for where parts
 * are; each part is inflated with Node's zlib under `maxOutputLength`, so a part can never produce more than what
 * is left of the decompressed-size budget, whatever its headers claim. Parts that overlap each other (the
 * "overlapping files" zip bomb), encrypted parts, unknown compression methods and Zip64 are refused.
 */
import { inflateRawSync } from 'node:zlib';
import { SpreadsheetError } from './errors.js';

/** The limits of one zip read. */
export interface ZipLimits {
  /** Most bytes all inflated parts may add up to. */
  readonly maxBytes: number;
  /** Highest inflated/compressed ratio of a part larger than 1 MiB. */
  readonly maxRatio: number;
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const RATIO_FLOOR = 1 << 20;

/** The parts of a zip, inflated on demand under one shared budget. */
export class ZipArchive {
  readonly #data: Buffer;
  readonly #entries = new Map<string, Entry>();
  readonly #file: string;
  readonly #limits: ZipLimits;
  #inflated = 0;

  constructor(data: Uint8Array, file: string, limits: ZipLimits) {
    this.#data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.#file = file;
    this.#limits = limits;
    this.#readDirectory();
  }

  /** True when the zip has a part of this name. */
  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** The inflated bytes of a part, or `undefined` when there is none. */
  read(name: string): Buffer | undefined {
    const entry = this.#entries.get(name);
    if (entry === undefined) return undefined;
    const raw = this.#data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    const budget = this.#limits.maxBytes - this.#inflated;
    let out: Buffer;
    if (entry.method === 0) {
      out = raw;
    } else {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget + 1) });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw this.#tooLarge(name);
        throw new SpreadsheetError(
          'spreadsheet.unreadable',
          `${this.#file}: the part ${name} is damaged (${(error as Error).message})`,
          this.#file,
        );
      }
    }
    if (out.length > budget) throw this.#tooLarge(name);
    if (out.length > RATIO_FLOOR && out.length > entry.compressedSize * this.#limits.maxRatio) {
      throw new SpreadsheetError(
        'spreadsheet.zip-bomb',
        `${this.#file}: the part ${name} inflates from ${entry.compressedSize} to ${out.length} bytes, more than ${this.#limits.maxRatio} times its size (option maxCompressionRatio); refusing it as a zip bomb`,
        this.#file,
      );
    }
    this.#inflated += out.length;
    return out;
  }

  #tooLarge(name: string): SpreadsheetError {
    return new SpreadsheetError(
      'spreadsheet.too-large',
      `${this.#file}: the workbook inflates to more than ${this.#limits.maxBytes} bytes (at part ${name}); raise the option maxBytes if the file is genuine`,
      this.#file,
    );
  }

  #unreadable(why: string): SpreadsheetError {
    return new SpreadsheetError(
      'spreadsheet.unreadable',
      `${this.#file}: not a readable XLSX workbook (${why}); save it again as an Excel workbook (.xlsx) or CSV`,
      this.#file,
    );
  }

  #readDirectory(): void {
    const data = this.#data;
    if (data.length < 22 || data.readUInt32LE(0) !== LOCAL) throw this.#unreadable('it is not a zip file');
    let eocd = -1;
    for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
      if (data.readUInt32LE(at) === EOCD) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw this.#unreadable('the zip directory is missing');
    const count = data.readUInt16LE(eocd + 10);
    const size = data.readUInt32LE(eocd + 12);
    const offset = data.readUInt32LE(eocd + 16);
    if (count === 0xffff || offset === 0xffffffff) throw this.#unreadable('Zip64 archives are not supported');
    if (offset + size > data.length) throw this.#unreadable('the zip directory points outside the file');
    const ranges: [number, number][] = [];
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL)
        throw this.#unreadable('a zip directory entry is damaged');
      const flags = data.readUInt16LE(at + 8);
      const method = data.readUInt16LE(at + 10);
      const compressedSize = data.readUInt32LE(at + 20);
      const uncompressed = data.readUInt32LE(at + 24);
      const nameLength = data.readUInt16LE(at + 28);
      const extraLength = data.readUInt16LE(at + 30);
      const commentLength = data.readUInt16LE(at + 32);
      const local = data.readUInt32LE(at + 42);
      const name = data.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;
      if ((flags & 1) !== 0) throw this.#unreadable(`the part ${name} is encrypted`);
      if (method !== 0 && method !== 8) throw this.#unreadable(`the part ${name} uses compression method ${method}`);
      if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL)
        throw this.#unreadable(`the part ${name} is damaged`);
      const dataStart = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
      if (dataStart + compressedSize > data.length)
        throw this.#unreadable(`the part ${name} runs past the end of the file`);
      if (this.#entries.has(name)) throw this.#unreadable(`the part ${name} appears twice`);
      this.#entries.set(name, { name, method, compressedSize, size: uncompressed, dataStart });
      ranges.push([local, dataStart + compressedSize]);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ranges.length; i++) {
      if ((ranges[i] as [number, number])[0] < (ranges[i - 1] as [number, number])[1]) {
        throw new SpreadsheetError(
          'spreadsheet.zip-bomb',
          `${this.#file}: parts of the zip overlap each other, a known zip-bomb construction; refusing it`,
          this.#file,
        );
      }
    }
  }
}
