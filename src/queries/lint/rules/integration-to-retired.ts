/** The lint rule `integration.to-retired`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { compareStrings } from '../../facts.js';
import { label, retired } from '../support.js';

/**
 * An integration between a retired system and one that is not retired.
 *
 * @category Queries
 */
export const integrationToRetired: LintRuleDefinition<'integration.to-retired'> = {
  id: 'integration.to-retired',
  severity: 'warning',
  description: 'An integration between a retired system and one that is not retired.',
  rationale:
    'Data cannot flow into or out of a retired system: the integration should be retired or moved to the successor.',
  docs: LINT_DOCS,
  check: ({ model, integrations }, emit) => {
    for (const integration of integrations) {
      const sourceRetired = retired(model.system(integration.source));
      const targetRetired = retired(model.system(integration.target));
      if (sourceRetired === targetRetired) continue;
      const dead = sourceRetired ? integration.source : integration.target;
      const alive = sourceRetired ? integration.target : integration.source;
      emit(
        integration.id,
        `integration '${integration.id}' joins ${label(model, alive)} to retired system ${label(model, dead)}`,
        [dead, alive].sort(compareStrings),
        {
          retired: dead,
        },
      );
    }
  },
};
