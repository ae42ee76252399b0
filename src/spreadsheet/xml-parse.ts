/**
 * The safe way every XML part of a workbook is parsed: saxes, no DTD (a DOCTYPE is refused before anything in it
 * is read, so no entity can be declared or expanded and nothing is fetched), the bytes decoded in slices so that
 * a large sheet is never one giant string.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTag } from 'saxes';
import { SpreadsheetError } from './errors.js';

/** What a part's reader does with the events of the parse. */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * saxes keeps each handler in a property added when it is registered; adding them after construction turns the
 * parser into a slow dictionary-mode object in V8 (measured in src/archimate/read-xml.ts), so they are declared here.
 */
class FastSaxesParser extends SaxesParser {
  constructor() {
    super({ xmlns: false, position: false });
    const self = this as unknown as Record<string, undefined>;
    self['xmldeclHandler'] = undefined;
    self['textHandler'] = undefined;
    self['piHandler'] = undefined;
    self['doctypeHandler'] = undefined;
    self['commentHandler'] = undefined;
    self['openTagStartHandler'] = undefined;
    self['attributeHandler'] = undefined;
    self['openTagHandler'] = undefined;
    self['closeTagHandler'] = undefined;
    self['cdataHandler'] = undefined;
    self['errorHandler'] = undefined;
    self['endHandler'] = undefined;
    self['readyHandler'] = undefined;
  }
}

const SLICE = 4 << 20;

/** The local part of a qualified name: producers may write `x:row` as well as `row`. */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Parses one XML part, calling `handlers` with local element names; hostile or broken XML throws typed errors. */
export function parseXml(bytes: Buffer, file: string, part: string, handlers: XmlHandlers): void {
  const parser = new FastSaxesParser();
  parser.on('doctype', () => {
    throw new SpreadsheetError(
      'spreadsheet.xml-unsafe',
      `${file}: the part ${part} declares a DOCTYPE; workbooks never need one and it is how entity-expansion and external-entity attacks start, so the file is refused`,
      file,
    );
  });
  parser.on('error', (error) => {
    throw new SpreadsheetError(
      'spreadsheet.unreadable',
      `${file}: the part ${part} is not well-formed XML (${error.message})`,
      file,
    );
  });
  parser.on('opentag', (tag: SaxesTag) => handlers.open(local(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag: SaxesTag) => handlers.close(local(tag.name)));
  parser.on('text', (text: string) => handlers.text(text));
  const decoder = new StringDecoder('utf8');
  for (let at = 0; at < bytes.length; at += SLICE) parser.write(decoder.write(bytes.subarray(at, at + SLICE)));
  parser.write(decoder.end());
  parser.close();
}
