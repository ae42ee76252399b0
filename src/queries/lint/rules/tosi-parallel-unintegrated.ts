/** The lint rule `tosi.parallel-unintegrated`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, onceAcrossRegions, parallelScopes } from '../support.js';
import { parallelSystems } from '../../parallel.js';

/**
 * Two TOSI systems in use of different products supporting one service in one region with no integration between them, direct or through a platform (see parallelSystems); without a scope, each region is checked on its own.
 *
 * @category Queries
 */
export const tosiParallelUnintegrated: LintRuleDefinition<'tosi.parallel-unintegrated'> = {
  id: 'tosi.parallel-unintegrated',
  severity: 'error',
  description:
    'Two TOSI systems in use of different products supporting one service in one region with no integration between them, direct or through a platform (see parallelSystems); without a scope, each region is checked on its own.',
  rationale: 'Domain-specific systems may run in parallel during the transition only if data flows between them.',
  docs: LINT_DOCS,
  check: ({ model, scope }, emit) => {
    const scopes = parallelScopes(model, scope);
    const once = onceAcrossRegions(scopes);
    for (const group of scopes.flatMap((s) => parallelSystems(model, { scope: s }))) {
      for (const pair of group.pairs) {
        if (pair.status !== 'none' || !once(group.service, pair.systems)) continue;
        emit(
          group.service,
          `parallel systems ${label(model, pair.systems[0])} and ${label(model, pair.systems[1])} both support ${label(model, group.service)} but no data flows between them`,
          [...pair.systems],
          { products: [...pair.products] },
        );
      }
    }
  },
};
