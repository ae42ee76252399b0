/**
 * SARIF 2.1.0 logs (OASIS Static Analysis Results Interchange Format), the format GitHub code scanning and
 * other CI tools read to show findings inline. One run, one tool (`kartta`), results pointing at the file and
 * the line and column where known, and at the document path as a logical location.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Source } from './io.js';
import { homepage } from '../../package.json';

export type SarifLevel = 'error' | 'warning' | 'note';

/** A finding to report. */
export interface SarifFinding {
  readonly ruleId: string;
  readonly level: SarifLevel;
  readonly message: string;
  readonly line: number | null;
  readonly column: number | null;
  /** Where in the document or model: a path (`systems[3].contract.ends`) or an entity id. */
  readonly logicalLocation: string | null;
}

/** A rule the findings refer to. */
export interface SarifRule {
  readonly id: string;
  readonly description: string;
  readonly help?: string;
  /** Where the rule is documented. */
  readonly helpUri?: string;
  readonly defaultLevel?: SarifLevel;
}

/** A file path as a relative URI reference with `/` separators, each segment percent-encoded. */
export function artifactUri(path: string, cwd = process.cwd()): string {
  const relativePath = relative(cwd, resolve(cwd, path));
  // Outside the working folder (the repository root in CI) a relative reference means nothing: a file URL.
  if (relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath))
    return pathToFileURL(resolve(cwd, path)).href;
  return relativePath.split(sep).map(encodeURIComponent).join('/');
}

export function sarifLog(options: {
  readonly version: string;
  readonly source: Source;
  readonly rules: readonly SarifRule[];
  readonly findings: readonly SarifFinding[];
}): Record<string, unknown> {
  const ruleIds = [
    ...new Set([...options.rules.map((rule) => rule.id), ...options.findings.map((finding) => finding.ruleId)]),
  ].sort();
  const described = new Map(options.rules.map((rule) => [rule.id, rule]));
  const index = new Map(ruleIds.map((id, position) => [id, position]));
  const uri = options.source.path === undefined ? undefined : artifactUri(options.source.path);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kartta',
            version: options.version,
            informationUri: homepage,
            rules: ruleIds.map((id) => {
              const rule = described.get(id);
              return {
                id,
                shortDescription: { text: rule?.description ?? id },
                ...(rule?.help ? { help: { text: rule.help } } : {}),
                ...(rule?.helpUri ? { helpUri: rule.helpUri } : {}),
                ...(rule?.defaultLevel ? { defaultConfiguration: { level: rule.defaultLevel } } : {}),
              };
            }),
          },
        },
        ...(uri === undefined ? {} : { artifacts: [{ location: { uri } }] }),
        results: options.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: index.get(finding.ruleId),
          level: finding.level,
          message: { text: finding.message },
          locations: [
            {
              ...(uri === undefined
                ? {}
                : {
                    physicalLocation: {
                      artifactLocation: { uri, index: 0 },
                      ...(finding.line === null
                        ? {}
                        : {
                            region: {
                              startLine: finding.line,
                              ...(finding.column === null ? {} : { startColumn: finding.column }),
                            },
                          }),
                    },
                  }),
              ...(finding.logicalLocation === null
                ? {}
                : { logicalLocations: [{ fullyQualifiedName: finding.logicalLocation }] }),
            },
          ],
        })),
      },
    ],
  };
}
