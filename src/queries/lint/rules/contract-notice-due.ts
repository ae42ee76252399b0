/** The lint rule `contract.notice-due`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, retired, subtractMonths } from '../support.js';

/**
 * A system not retired whose contract notice period has begun (`ends` minus `noticeMonths` is on or before `asOf`) but which has not yet ended.
 *
 * @category Queries
 */
export const contractNoticeDue: LintRuleDefinition<'contract.notice-due'> = {
  id: 'contract.notice-due',
  severity: 'info',
  description:
    'A system not retired whose contract notice period has begun (`ends` minus `noticeMonths` is on or before `asOf`) but which has not yet ended.',
  rationale: 'After the last day to give notice the contract renews or must run to its end: decide now.',
  docs: LINT_DOCS,
  check: ({ model, systems, asOf }, emit) => {
    for (const system of systems) {
      const ends = system.contract?.ends;
      const months = system.contract?.noticeMonths;
      if (retired(system) || ends === undefined || months === undefined || ends < asOf) continue;
      const noticeBy = subtractMonths(ends, months);
      if (noticeBy > asOf) continue;
      emit(
        system.id,
        `the contract of ${label(model, system.id)} ends on ${ends}; notice (${months} months) was due by ${noticeBy}`,
        [],
        {
          ends,
          noticeMonths: months,
          noticeBy,
          asOf,
        },
      );
    }
  },
};
