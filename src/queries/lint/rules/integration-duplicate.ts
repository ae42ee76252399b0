/** The lint rule `integration.duplicate`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { compareStrings } from '../../facts.js';
import { normalisedText } from '../support.js';

/**
 * Two or more integrations between the same systems with the same direction, data, protocol, mode and platform.
 *
 * @category Queries
 */
export const integrationDuplicate: LintRuleDefinition<'integration.duplicate'> = {
  id: 'integration.duplicate',
  severity: 'warning',
  description:
    'Two or more integrations between the same systems with the same direction, data, protocol, mode and platform.',
  rationale: 'A duplicate is usually a modelling slip; a real one is double maintenance and double cost.',
  docs: LINT_DOCS,
  check: ({ integrations }, emit) => {
    const groups = new Map<string, string[]>();
    const memo = new Map<string, string>();
    for (const integration of integrations) {
      const ends =
        integration.direction === 'twoWay'
          ? [integration.source, integration.target].sort(compareStrings)
          : [integration.source, integration.target];
      const key = JSON.stringify([
        ends,
        integration.direction ?? '',
        normalisedText(integration.data, memo),
        normalisedText(integration.protocol, memo),
        integration.mode ?? '',
        integration.via ?? '',
      ]);
      const group = groups.get(key) ?? [];
      group.push(integration.id);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const ids = [...group].sort(compareStrings);
      emit(
        ids[0] as string,
        `integrations ${ids.map((id) => `'${id}'`).join(', ')} carry the same data the same way between the same systems`,
        ids.slice(1),
        {
          integrations: ids,
        },
      );
    }
  },
};
