/** The lint rule `system.obligated-offering`. */
import { obligatedSystems } from '../../../portfolio/obligations.js';
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label } from '../support.js';

/**
 * A system not retired that supports a service which must be taken from a national offering (an offering with an
 * obligation that applies on `asOf`). Obligations still to come are for the `obligations` query, not a finding yet.
 *
 * @category Queries
 */
export const systemObligatedOffering: LintRuleDefinition<'system.obligated-offering'> = {
  id: 'system.obligated-offering',
  severity: 'warning',
  description:
    'A system not retired that supports a service which, on the `asOf` date, must be taken from a national offering.',
  rationale:
    'An obligation to use a national service makes the region’s own system a migration candidate with a deadline; developing it further is money spent twice.',
  docs: LINT_DOCS,
  check: ({ model, systems, asOf }, emit) => {
    const found = obligatedSystems(
      model,
      systems.map((system) => system.id),
      asOf,
    );
    for (const o of found) {
      if (!o.applies) continue;
      emit(
        o.system,
        `${label(model, o.system)} supports ${label(model, o.service)}, which since ${o.from} must be taken from the offering '${o.offering}' (${o.offeringName}) of ${label(model, o.provider)}`,
        [o.offering, o.provider, o.service].sort(),
        { service: o.service, offering: o.offering, provider: o.provider, from: o.from, asOf },
      );
    }
  },
};
