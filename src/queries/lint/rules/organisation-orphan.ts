/** The lint rule `organisation.orphan`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label } from '../support.js';

/**
 * An organisation with no relations at all: no membership, members, services or systems.
 *
 * @category Queries
 */
export const organisationOrphan: LintRuleDefinition<'organisation.orphan'> = {
  id: 'organisation.orphan',
  severity: 'warning',
  description: 'An organisation with no relations at all: no membership, members, services or systems.',
  rationale: 'It falls outside every scope and every query; a membership or its systems are probably missing.',
  docs: LINT_DOCS,
  check: ({ model, organisations, relations }, emit) => {
    for (const id of organisations) {
      if (!relations.isEnd(id)) emit(id, `organisation ${label(model, id)} has no relations at all`);
    }
  },
};
