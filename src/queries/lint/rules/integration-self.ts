/** The lint rule `integration.self`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label } from '../support.js';

/**
 * An integration whose source and target are the same system.
 *
 * @category Queries
 */
export const integrationSelf: LintRuleDefinition<'integration.self'> = {
  id: 'integration.self',
  severity: 'error',
  description: 'An integration whose source and target are the same system.',
  rationale: 'Data does not flow from a system to itself; the other end is missing or wrong.',
  docs: LINT_DOCS,
  check: ({ model, integrations }, emit) => {
    for (const integration of integrations) {
      if (integration.source === integration.target) {
        emit(integration.id, `integration '${integration.id}' joins ${label(model, integration.source)} to itself`, [
          integration.source,
        ]);
      }
    }
  },
};
