/** The lint rule `system.retired-in-use`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, retired } from '../support.js';
import { sortedUnique } from '../../facts.js';

/**
 * A retired system that an organisation still uses or a system not retired still depends on.
 *
 * @category Queries
 */
export const systemRetiredInUse: LintRuleDefinition<'system.retired-in-use'> = {
  id: 'system.retired-in-use',
  severity: 'warning',
  description: 'A retired system that an organisation still uses or a system not retired still depends on.',
  rationale: 'Either it is not retired yet, or the `uses`/`dependsOn` relations should move to its successor.',
  docs: LINT_DOCS,
  check: ({ model, systems, relations }, emit) => {
    for (const system of systems) {
      if (!retired(system)) continue;
      const usedBy = sortedUnique(relations.in(system.id, 'uses'));
      const neededBy = sortedUnique(relations.in(system.id, 'dependsOn').filter((id) => !retired(model.system(id))));
      if (usedBy.length === 0 && neededBy.length === 0) continue;
      const parts = [
        usedBy.length > 0 ? `used by ${usedBy.map((id) => `'${id}'`).join(', ')}` : '',
        neededBy.length > 0 ? `needed (dependsOn) by ${neededBy.map((id) => `'${id}'`).join(', ')}` : '',
      ].filter((p) => p !== '');
      emit(
        system.id,
        `retired system ${label(model, system.id)} is still ${parts.join(' and ')}`,
        sortedUnique([...usedBy, ...neededBy]),
        { usedBy, neededBy },
      );
    }
  },
};
