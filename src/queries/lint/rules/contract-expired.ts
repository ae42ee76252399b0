/** The lint rule `contract.expired`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, retired } from '../support.js';

/**
 * A system not retired whose contract ended before the `asOf` date.
 *
 * @category Queries
 */
export const contractExpired: LintRuleDefinition<'contract.expired'> = {
  id: 'contract.expired',
  severity: 'warning',
  description: 'A system not retired whose contract ended before the `asOf` date.',
  rationale: 'Running on an expired contract is a legal and procurement risk; renew it or plan the exit.',
  docs: LINT_DOCS,
  check: ({ model, systems, asOf }, emit) => {
    for (const system of systems) {
      const ends = system.contract?.ends;
      if (retired(system) || ends === undefined || ends >= asOf) continue;
      emit(system.id, `the contract of ${label(model, system.id)} ended on ${ends} (as of ${asOf})`, [], {
        ends,
        asOf,
      });
    }
  },
};
