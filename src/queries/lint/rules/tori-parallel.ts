/** The lint rule `tori.parallel`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { sameServiceCandidatesIn } from '../../harmonisation.js';
import { label, onceAcrossRegions, parallelScopes } from '../support.js';

/**
 * A service supported by TORI systems of two or more different products within one region (see harmonisationCandidates); without a scope, each region is checked on its own.
 *
 * @category Queries
 */
export const toriParallel: LintRuleDefinition<'tori.parallel'> = {
  id: 'tori.parallel',
  severity: 'warning',
  description:
    'A service supported by TORI systems of two or more different products within one region (see harmonisationCandidates); without a scope, each region is checked on its own.',
  rationale: 'Domain-independent services should converge on one shared system per region.',
  docs: LINT_DOCS,
  check: ({ model, scope }, emit) => {
    const scopes = parallelScopes(model, scope);
    const once = onceAcrossRegions(scopes);
    for (const candidate of scopes.flatMap((s) => sameServiceCandidatesIn(model, s))) {
      if (!once(candidate.service, candidate.systems)) continue;
      emit(
        candidate.service,
        `service ${label(model, candidate.service)} is supported by TORI systems of ${candidate.products.length} products: ${candidate.productGroups
          .map((g) => `${g.name} (${g.systems.join(', ')})`)
          .join('; ')}`,
        candidate.systems,
        { products: candidate.products, keepProduct: candidate.keepProduct },
      );
    }
  },
};
