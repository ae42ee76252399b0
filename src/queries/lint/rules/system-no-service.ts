/** The lint rule `system.no-service`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, retired } from '../support.js';

/**
 * A system not retired that supports no service, is not a platform and that no system depends on.
 *
 * @category Queries
 */
export const systemNoService: LintRuleDefinition<'system.no-service'> = {
  id: 'system.no-service',
  severity: 'warning',
  description: 'A system not retired that supports no service, is not a platform and that no system depends on.',
  rationale: 'A system that serves nothing is a cost to cut, or its `supports` relations are missing.',
  docs: LINT_DOCS,
  check: ({ model, systems, relations }, emit) => {
    for (const system of systems) {
      if (retired(system) || system.platform === true) continue;
      if (relations.out(system.id, 'supports').length > 0 || relations.in(system.id, 'dependsOn').length > 0) continue;
      emit(
        system.id,
        `system ${label(model, system.id)} supports no service, is not a platform, and no system depends on it`,
      );
    }
  },
};
