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
    // One entry per distinct key; most integrations have no duplicate, so a lone id is kept as a string and only
    // a second one makes a list (a national model has 300,000 integrations).
    const groups = new Map<string, string | string[]>();
    const memo = new Map<string, string>();
    for (const integration of integrations) {
      const { source, target } = integration;
      const swap = integration.direction === 'twoWay' && compareStrings(source, target) > 0;
      const key = lengthPrefixed([
        swap ? target : source,
        swap ? source : target,
        integration.direction ?? '',
        normalisedText(integration.data, memo),
        normalisedText(integration.protocol, memo),
        integration.mode ?? '',
        integration.via ?? '',
      ]);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, integration.id);
      else if (typeof group === 'string') groups.set(key, [group, integration.id]);
      else group.push(integration.id);
    }
    for (const group of groups.values()) {
      if (typeof group === 'string') continue;
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

/** The parts joined so that no two different lists give one key, whatever characters they hold. */
function lengthPrefixed(parts: readonly string[]): string {
  let key = '';
  for (const part of parts) key += `${part.length}:${part}`;
  return key;
}
