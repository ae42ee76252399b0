/** The lint rule `service.no-system`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, retired } from '../support.js';

/**
 * A service that no system (not retired) supports.
 *
 * @category Queries
 */
export const serviceNoSystem: LintRuleDefinition<'service.no-system'> = {
  id: 'service.no-system',
  severity: 'info',
  description: 'A service that no system (not retired) supports.',
  rationale: 'Either the service runs without IT, or the systems behind it are missing from the model.',
  docs: LINT_DOCS,
  check: ({ model, services, relations }, emit) => {
    for (const id of services) {
      const supported = relations.in(id, 'supports').some((from) => !retired(model.system(from)));
      if (!supported) emit(id, `service ${label(model, id)} is supported by no system in use`);
    }
  },
};
