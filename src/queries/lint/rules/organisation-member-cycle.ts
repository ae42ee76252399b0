/** The lint rule `organisation.member-cycle`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { cycles } from '../support.js';

/**
 * Organisations that are members of each other through `memberOf` relations.
 *
 * @category Queries
 */
export const organisationMemberCycle: LintRuleDefinition<'organisation.member-cycle'> = {
  id: 'organisation.member-cycle',
  severity: 'error',
  description: 'Organisations that are members of each other through `memberOf` relations.',
  rationale: "Membership is a hierarchy; a cycle makes every organisation in it part of every other's scope.",
  docs: LINT_DOCS,
  check: ({ model, organisations, relations }, emit) => {
    // Membership cycles can reach outside a scope; look at the whole model and report those touching the scope.
    const inScope = new Set(organisations);
    const all = model.organisations().map((o) => o.id);
    for (const cycle of cycles(all, (id) => relations.out(id, 'memberOf'))) {
      if (!cycle.some((id) => inScope.has(id))) continue;
      emit(
        cycle[0] as string,
        `organisations are members of each other in a cycle: ${cycle.map((id) => `'${id}'`).join(', ')}`,
        cycle.slice(1),
        { cycle },
      );
    }
  },
};
