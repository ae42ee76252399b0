/**
 * Validates SARIF logs against the SARIF 2.1.0 JSON Schema (draft-04). The schema file in
 * test/fixtures/sarif/ is the one Microsoft ships in @microsoft/jest-sarif 1.0.0-beta.0 (MIT), vendored so
 * that the test needs neither that package's dependencies nor the network.
 */
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { root } from './run.js';

const schema = JSON.parse(readFileSync(`${root}/test/fixtures/sarif/sarif-2.1.0-rtm.5.json`, 'utf8'));
// Formats are checked too (uri for informationUri, uri-reference for artifact locations).
// unicodeRegExp off: the schema's language pattern has a stray ']' that only non-unicode regular expressions accept.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const check = ajv.compile(schema);

/** The schema's complaints about `log`, or an empty list when it is valid SARIF 2.1.0. */
export function sarifErrors(log: unknown): string[] {
  if (check(log)) return [];
  return (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
