/**
 * Escaping of text and attribute values for the exchange writer. Hot path of the export: the common case (no
 * character that needs attention) is one regular-expression test and no copy.
 */

/** Characters that need escaping in text, or that XML 1.0 cannot carry at all (checked on the slow path). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point: XML 1.0 cannot carry them
const TEXT_ATTENTION = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** In attributes also quotes and the white space that attribute-value normalisation would turn into spaces. */
// eslint-disable-next-line no-control-regex -- as above
const ATTRIBUTE_ATTENTION = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Thrown (internally) when a string holds a character that XML 1.0 cannot represent, not even as a character
 * reference; the exporter turns it into a typed error naming the concept.
 */
export class UnrepresentableTextError extends Error {
  constructor(
    readonly text: string,
    readonly codePoint: number,
  ) {
    super(`U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} cannot be written in XML 1.0`);
  }
}

function slowEscape(value: string, attribute: boolean): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    let replacement: string | undefined;
    switch (code) {
      case 0x26:
        replacement = '&amp;';
        break;
      case 0x3c:
        replacement = '&lt;';
        break;
      case 0x3e:
        replacement = '&gt;';
        break;
      case 0x22:
        if (attribute) replacement = '&quot;';
        break;
      case 0x09:
        if (attribute) replacement = '&#9;';
        break;
      case 0x0a:
        if (attribute) replacement = '&#10;';
        break;
      case 0x0d:
        replacement = '&#13;';
        break;
      default:
        if (code < 0x20 || code === 0xfffe || code === 0xffff) throw new UnrepresentableTextError(value, code);
        if (code >= 0xd800 && code <= 0xdbff) {
          const next = value.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            i++;
            continue;
          }
          throw new UnrepresentableTextError(value, code);
        }
        if (code >= 0xdc00 && code <= 0xdfff) throw new UnrepresentableTextError(value, code);
    }
    if (replacement !== undefined) {
      out += value.slice(start, i) + replacement;
      start = i + 1;
    }
  }
  return start === 0 ? value : out + value.slice(start);
}

/** Escapes character data; letters such as ä, ö, å and Sámi ŋ stay literal (the file is UTF-8). */
export function escapeText(value: string): string {
  return TEXT_ATTENTION.test(value) ? slowEscape(value, false) : value;
}

/** Escapes an attribute value written between double quotes. */
export function escapeAttribute(value: string): string {
  return ATTRIBUTE_ATTENTION.test(value) ? slowEscape(value, true) : value;
}
