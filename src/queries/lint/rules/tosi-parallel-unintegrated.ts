/** The lint rule `tosi.parallel-unintegrated`. */
import { ParallelLinks, gapSummary, parallelGroupsOf } from '../../parallel-links.js';
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, parallelScopes } from '../support.js';

/**
 * Per service and region, the pairs of TOSI systems in use of different products with no data flow between
 * them: one finding for the group, its pairs counted and the first ones listed (`pairs`), the systems in a gap in
 * `related`. A synthetic national model has millions of such pairs; nobody reads a finding per pair.
 *
 * @category Queries
 */
export const tosiParallelUnintegrated: LintRuleDefinition<'tosi.parallel-unintegrated'> = {
  id: 'tosi.parallel-unintegrated',
  severity: 'error',
  description:
    'TOSI systems in use of different products supporting one service in one region with no integration between them, direct or through a platform (see parallelSystems): one finding per service and region, with the pairs counted and the first ones listed; without a scope, each region is checked on its own.',
  rationale: 'Domain-specific systems may run in parallel during the transition only if data flows between them.',
  docs: LINT_DOCS,
  check: ({ model, scope, maxPairs }, emit) => {
    const scopes = parallelScopes(model, scope);
    const links = new ParallelLinks(model);
    // An organisation in two regions puts the same group in both: reported once.
    const seen = new Set<string>();
    for (const region of scopes) {
      for (const group of parallelGroupsOf(model, region)) {
        if (scopes.length > 1) {
          const key = `${group.service}\u0000${group.systems.join('\u0000')}`;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const gaps = gapSummary(links, group, maxPairs);
        if (gaps.total === 0) continue;
        const inGaps = group.systems.filter((_, i) => (gaps.perSystem[i] as number) > 0);
        const listed = gaps.first.map(([a, b]) => `${label(model, a)} and ${label(model, b)}`).join(', ');
        const more = gaps.total - gaps.first.length;
        const where = region === undefined ? '' : ` in ${label(model, region)}`;
        emit(
          group.service,
          `${gaps.total === 1 ? 'one pair' : `${gaps.total} pairs`} of parallel systems supporting ${label(model, group.service)}${where} exchange no data${listed === '' ? '' : `: ${listed}`}${more > 0 ? ` (and ${more} more)` : ''}`,
          inGaps,
          {
            region: region ?? null,
            products: group.products.map((p) => p.key),
            gaps: gaps.total,
          },
          { count: gaps.total, shown: gaps.first },
        );
      }
    }
  },
};
