/** The lint rule `system.dependency-cycle`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { cycles } from '../support.js';

/**
 * Systems that depend on each other through `dependsOn` relations.
 *
 * @category Queries
 */
export const systemDependencyCycle: LintRuleDefinition<'system.dependency-cycle'> = {
  id: 'system.dependency-cycle',
  severity: 'warning',
  description: 'Systems that depend on each other through `dependsOn` relations.',
  rationale: 'A dependency cycle has no order to migrate or restart in; one of the relations is usually wrong.',
  docs: LINT_DOCS,
  check: ({ systems, relations }, emit) => {
    const ids = systems.map((s) => s.id);
    for (const cycle of cycles(ids, (id) => relations.out(id, 'dependsOn'))) {
      emit(
        cycle[0] as string,
        `systems depend on each other in a cycle: ${cycle.map((id) => `'${id}'`).join(', ')}`,
        cycle.slice(1),
        { cycle },
      );
    }
  },
};
