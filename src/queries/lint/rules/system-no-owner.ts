/** The lint rule `system.no-owner`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, retired } from '../support.js';

/**
 * A system not retired that no organisation owns.
 *
 * @category Queries
 */
export const systemNoOwner: LintRuleDefinition<'system.no-owner'> = {
  id: 'system.no-owner',
  severity: 'warning',
  description: 'A system not retired that no organisation owns.',
  rationale: 'Someone must administer the installation and hold its contract.',
  docs: LINT_DOCS,
  check: ({ model, systems, relations }, emit) => {
    for (const system of systems) {
      if (retired(system) || relations.in(system.id, 'owns').length > 0) continue;
      emit(system.id, `system ${label(model, system.id)} has no owner`);
    }
  },
};
