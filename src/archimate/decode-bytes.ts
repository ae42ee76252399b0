/**
 * The bytes of an exchange file as text: UTF-8, or the encoding its XML declaration names. Sparx Enterprise
 * Architect, for one, declares `encoding="windows-1252"` and writes its letters in that encoding.
 */
import { TextDecoder } from 'node:util';
import { ArchimateImportError, cap } from './errors.js';

/** Long enough for any XML declaration; a file whose declaration does not end by then is UTF-8 or malformed. */
const HEAD = 1024;
const DECLARATION = /^(?:\xef\xbb\xbf)?<\?xml\s[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}

/** Whether enough of the file has arrived to know its encoding. */
function decided(head: string, ended: boolean): boolean {
  if (ended || head.length >= HEAD) return true;
  const start = head.startsWith('\xef\xbb\xbf') ? head.slice(3) : head;
  if (start.length < 5) return !'<?xml'.startsWith(start);
  return !start.startsWith('<?xml') || start.includes('?>');
}

/** The decoder for a file that starts with `head`. */
function decoderFor(head: string): { decoder: TextDecoder; label: string } {
  const match = DECLARATION.exec(head);
  const declared = (match?.[1] ?? match?.[2])?.trim().toLowerCase();
  // A byte-order mark says UTF-8 whatever the declaration says.
  const label = declared === undefined || head.startsWith('\xef\xbb\xbf') ? 'utf-8' : declared;
  try {
    // ignoreBOM keeps a byte-order mark in the text: saxes skips one, and refuses a second as text before the root.
    return { decoder: new TextDecoder(label, { fatal: true, ignoreBOM: true }), label };
  } catch {
    throw new ArchimateImportError(
      'xml.malformed',
      `the file declares the encoding '${cap(label)}', which is not supported; save it as UTF-8`,
      { line: 1, column: 1 },
    );
  }
}

/** An incremental decoder: {@link XmlBytes.decode} each chunk, then {@link XmlBytes.end}. */
export class XmlBytes {
  #decoder: TextDecoder | undefined;
  #label = 'utf-8';
  #pending: Uint8Array[] = [];

  decode(chunk: Uint8Array): string {
    if (this.#decoder !== undefined) return this.#run(this.#decoder, chunk, true);
    this.#pending.push(chunk);
    return this.#start(false);
  }

  end(): string {
    const head = this.#decoder === undefined ? this.#start(true) : '';
    return head + this.#run(this.#decoder as TextDecoder, undefined, false);
  }

  #start(ended: boolean): string {
    let length = 0;
    for (const part of this.#pending) length += part.length;
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const part of this.#pending) {
      bytes.set(part, at);
      at += part.length;
    }
    const head = latin1(bytes.subarray(0, HEAD));
    if (!decided(head, ended)) return '';
    const { decoder, label } = decoderFor(head);
    this.#decoder = decoder;
    this.#label = label;
    this.#pending = [];
    return this.#run(decoder, bytes, true);
  }

  #run(decoder: TextDecoder, bytes: Uint8Array | undefined, stream: boolean): string {
    try {
      return decoder.decode(bytes, { stream });
    } catch (error) {
      throw new ArchimateImportError(
        'xml.malformed',
        `the file is not valid ${this.#label === 'utf-8' ? 'UTF-8' : this.#label}: ${(error as Error).message}`,
      );
    }
  }
}
